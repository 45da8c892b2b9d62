// One PouchDB first sync inside Chromium: a fresh browser profile on disk (empty storage, as
// the Feldakte side gets), PouchDB's own browser bundle, replication from the loopback peer into
// IndexedDB, timed in the page from the first request to the peer's database to replicate()
// resolving (every document stored), as the Feldakte side is timed from its first pull request.
import { rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { createProfileDir, firstPage, openProfile } from '../../e2e/support/browser.ts';

export type BrowserAdapter = 'idb' | 'indexeddb';

export interface ReplicationTrial {
  adapter: BrowserAdapter;
  batchSize: number;
  batchesLimit: number;
  /** First request to the peer's database to replicate() resolved. */
  ms: number;
  docCount: number;
}

const require = createRequire(import.meta.url);
const pouchDist = join(dirname(require.resolve('pouchdb/package.json')), 'dist');
/** The minified bundles a web app would ship: core with the 'idb' adapter, and the newer 'indexeddb' plugin. */
export const POUCH_BUNDLE = join(pouchDist, 'pouchdb.min.js');
const INDEXEDDB_PLUGIN = join(pouchDist, 'pouchdb.indexeddb.min.js');

interface InPageArguments {
  databaseUrl: string;
  adapter: BrowserAdapter;
  batchSize: number;
  batchesLimit: number;
}

interface InPageDatabase {
  info(): Promise<{ doc_count: number }>;
}

interface InPagePouch {
  new (name: string, options?: Record<string, unknown>): InPageDatabase;
  replicate(
    source: InPageDatabase,
    target: InPageDatabase,
    options: Record<string, unknown>,
  ): Promise<unknown>;
}

export async function replicateInPage(pageUrl: string, args: InPageArguments): Promise<ReplicationTrial> {
  const profileDir = createProfileDir();
  const context = await openProfile(profileDir);
  try {
    const page = await firstPage(context);
    await page.goto(pageUrl);
    await page.addScriptTag({ path: POUCH_BUNDLE });
    if (args.adapter === 'indexeddb') await page.addScriptTag({ path: INDEXEDDB_PLUGIN });

    const { ms, docCount } = await page.evaluate(
      async ({ databaseUrl, adapter, batchSize, batchesLimit }) => {
        const PouchDB = (globalThis as unknown as { PouchDB: InPagePouch }).PouchDB;
        performance.setResourceTimingBufferSize(100_000);
        const local = new PouchDB('bench', { adapter });
        // skip_setup: the database exists, so PouchDB need not try to create it first.
        const remote = new PouchDB(databaseUrl, { skip_setup: true });
        await PouchDB.replicate(remote, local, { batch_size: batchSize, batches_limit: batchesLimit });
        const ended = performance.now();
        const firstRequest = Math.min(
          ...performance
            .getEntriesByType('resource')
            .filter((entry) => entry.name.startsWith(databaseUrl))
            .map((entry) => entry.startTime),
        );
        const info = await local.info();
        return { ms: ended - firstRequest, docCount: info.doc_count };
      },
      args,
    );

    return {
      adapter: args.adapter,
      batchSize: args.batchSize,
      batchesLimit: args.batchesLimit,
      ms,
      docCount,
    };
  } finally {
    await context.close();
    rmSync(profileDir, { recursive: true, force: true });
  }
}
