// The PouchDB side of the first-sync figure: the same documents replicated by PouchDB from a
// CouchDB-protocol server on loopback into the same browser, tuned to its best showing.
import { createRequire } from 'node:module';
import type { Browser } from 'playwright-core';
import { type BrowserAdapter, type ReplicationTrial, replicateInPage } from './replicate-in-page.ts';
import { startPouchPeer } from './server.ts';

export type { ReplicationTrial } from './replicate-in-page.ts';

/** Our own pull uses 500; PouchDB is given the sizes around it too and keeps its best. */
const BATCH_SIZES = [100, 500, 1_000];
const ADAPTERS: BrowserAdapter[] = ['idb', 'indexeddb'];
/** PouchDB's default: up to this many batches fetched ahead while earlier ones are written. */
const BATCHES_LIMIT = 10;

export interface PouchFirstSyncOptions {
  browser: Browser;
  docs: Array<Record<string, unknown>>;
  /** One batch size instead of trying 100, 500 and 1,000. */
  batchSize?: number;
  /** Browser adapters to try; both by default. */
  adapters?: BrowserAdapter[];
  /** Let express-pouchdb gzip its responses (its default, off here: on loopback it only costs CPU). */
  compression?: boolean;
}

export interface PouchFirstSyncResult {
  /** The fastest trial's time from `new PouchDB()` to replication complete. */
  ms: number;
  docs: number;
  setup: string;
  /** Every configuration tried, the fastest one first. */
  trials: ReplicationTrial[];
}

const require = createRequire(import.meta.url);
function versionOf(name: string): string {
  return (require(`${name}/package.json`) as { version: string }).version;
}

export async function measurePouchFirstSync(options: PouchFirstSyncOptions): Promise<PouchFirstSyncResult> {
  const { browser, docs } = options;
  const batchSizes = options.batchSize ? [options.batchSize] : BATCH_SIZES;
  const adapters = options.adapters ?? ADAPTERS;
  const peer = await startPouchPeer(docs, { compression: options.compression ?? false });
  const trials: ReplicationTrial[] = [];
  try {
    // One discarded run first, so no configuration pays for the server's and the browser's cold JIT.
    await replicateInPage(browser, peer.pageUrl, {
      databaseUrl: peer.databaseUrl,
      adapter: adapters[0] ?? 'idb',
      batchSize: batchSizes[0] ?? 500,
      batchesLimit: BATCHES_LIMIT,
    });
    for (const adapter of adapters) {
      for (const batchSize of batchSizes) {
        const trial = await replicateInPage(browser, peer.pageUrl, {
          databaseUrl: peer.databaseUrl,
          adapter,
          batchSize,
          batchesLimit: BATCHES_LIMIT,
        });
        if (trial.docCount !== docs.length) {
          throw new Error(
            `PouchDB (${adapter}, batch_size ${batchSize}) hat ${trial.docCount} statt ${docs.length} Dokumente repliziert`,
          );
        }
        trials.push(trial);
      }
    }
  } finally {
    await peer.stop();
  }

  trials.sort((a, b) => a.ms - b.ms);
  const best = trials[0];
  if (!best) throw new Error('Kein PouchDB-Durchlauf gemessen');
  const tried = trials.map((t) => `${t.adapter}/${t.batchSize}: ${Math.round(t.ms)} ms`).join(', ');
  const setup =
    `PouchDB ${versionOf('pouchdb')} (dist/pouchdb.min.js${best.adapter === 'indexeddb' ? ' + pouchdb.indexeddb.min.js' : ''}) ` +
    `in Chromium ${browser.version()} (fresh browser.newContext()), adapter '${best.adapter}', ` +
    `PouchDB.replicate(remote, local, { batch_size: ${best.batchSize}, batches_limit: ${best.batchesLimit} }) ` +
    `from express-pouchdb ${versionOf('express-pouchdb')} (mode minimumForPouchDB, _bulk_get, ` +
    `${options.compression ? 'gzip' : 'no gzip'}) over pouchdb-core ${versionOf('pouchdb-core')} ` +
    `+ pouchdb-adapter-memory (memdown) on 127.0.0.1, same origin as the page; ` +
    `fastest of ${trials.length} after one discarded warm-up run (${tried})`;
  return { ms: best.ms, docs: docs.length, setup, trials };
}
