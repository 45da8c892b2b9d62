// The PouchDB side of the first-sync figure: the same documents replicated by PouchDB from a
// CouchDB-protocol server on loopback into Chromium, measured the way the Feldakte side is:
// each run on a fresh browser profile on disk, the same number of discarded warm-up runs and of
// kept runs, and their median.
import { createRequire } from 'node:module';
import { median } from '../results.ts';
import { type BrowserAdapter, type ReplicationTrial, replicateInPage } from './replicate-in-page.ts';
import { startPouchPeer } from './server.ts';

export type { BrowserAdapter, ReplicationTrial } from './replicate-in-page.ts';

/**
 * PouchDB's fastest configuration in a sweep of the 'idb' and 'indexeddb' adapters with batch
 * sizes 100, 500 and 1,000 on the bench's data (try.ts runs the sweep again).
 */
const DEFAULT_ADAPTER: BrowserAdapter = 'indexeddb';
const DEFAULT_BATCH_SIZE = 1_000;
/** PouchDB's default: up to this many batches fetched ahead while earlier ones are written. */
const BATCHES_LIMIT = 10;

export interface PouchFirstSyncOptions {
  docs: Array<Record<string, unknown>>;
  /** Runs kept for the median. */
  runs: number;
  /** Runs before them, discarded. */
  warmUps: number;
  batchSize?: number;
  adapter?: BrowserAdapter;
  /** Let express-pouchdb gzip its responses (its default, off here: on loopback it only costs CPU). */
  compression?: boolean;
}

export interface PouchFirstSyncResult {
  /** The median of the kept runs. */
  ms: number;
  docs: number;
  setup: string;
  /** The kept runs, in order. */
  trials: ReplicationTrial[];
}

const require = createRequire(import.meta.url);
function versionOf(name: string): string {
  return (require(`${name}/package.json`) as { version: string }).version;
}

export async function measurePouchFirstSync(options: PouchFirstSyncOptions): Promise<PouchFirstSyncResult> {
  const { docs } = options;
  const adapter = options.adapter ?? DEFAULT_ADAPTER;
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  const peer = await startPouchPeer(docs, { compression: options.compression ?? false });
  const trials: ReplicationTrial[] = [];
  try {
    for (let run = 0; run < options.warmUps + options.runs; run++) {
      const trial = await replicateInPage(peer.pageUrl, {
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
      if (run >= options.warmUps) trials.push(trial);
    }
  } finally {
    await peer.stop();
  }
  if (trials.length === 0) throw new Error('Kein PouchDB-Durchlauf gemessen');

  const setup =
    `PouchDB ${versionOf('pouchdb')} (dist/pouchdb.min.js${adapter === 'indexeddb' ? ' + pouchdb.indexeddb.min.js' : ''}), ` +
    `adapter '${adapter}', PouchDB.replicate(remote, local, { batch_size: ${batchSize}, batches_limit: ${BATCHES_LIMIT} }) ` +
    `from express-pouchdb ${versionOf('express-pouchdb')} (mode minimumForPouchDB, _bulk_get, ` +
    `${options.compression ? 'gzip' : 'no gzip'}) over pouchdb-core ${versionOf('pouchdb-core')} ` +
    `+ pouchdb-adapter-memory (memdown) on 127.0.0.1, same origin as the page`;
  return { ms: median(trials.map((trial) => trial.ms)), docs: docs.length, setup, trials };
}
