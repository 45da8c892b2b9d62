// Database adapter for embedded PGlite (PostgreSQL in WebAssembly), persisted in
// a directory or held in memory.
//
// PGlite has exactly one connection. Its transaction() takes an internal mutex, and
// so does every top-level query(): concurrent callers queue and transactions never
// interleave - which is what the sync sequence relies on. The catch is that a
// top-level query issued from inside a transaction callback waits for that same
// mutex forever; the shared guard turns that mistake into an error instead.
import { mkdir } from 'node:fs/promises';
import { PGlite, type Transaction, types } from '@electric-sql/pglite';
import {
  assertOutsideTransaction,
  type Database,
  outsideTransactionsOnly,
  type Queryable,
  queryableOf,
  runMarkedAsTransaction,
} from './database';

export interface PgliteOptions {
  /** Directory holding the database files; omitted: in memory, gone on close. */
  dataDir?: string;
}

// Same JS types as the pg adapter (see pg-database.ts).
const parsers = {
  [types.INT8]: (value: string) => value,
  [types.DATE]: (value: string) => value,
};

function handleOf(target: Pick<Transaction, 'query' | 'exec'>): Queryable {
  return queryableOf(
    (sql, params) => target.query(sql, params),
    (sql) => target.exec(sql),
  );
}

export async function createPgliteDatabase(options: PgliteOptions = {}): Promise<Database> {
  if (options.dataDir) await mkdir(options.dataDir, { recursive: true });
  const pglite = await PGlite.create({ ...(options.dataDir ? { dataDir: options.dataDir } : {}), parsers });
  let closing: Promise<void> | undefined;

  return {
    kind: 'pglite',
    ...outsideTransactionsOnly(handleOf(pglite)),
    transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T> {
      assertOutsideTransaction();
      return pglite.transaction((tx) => runMarkedAsTransaction(() => work(handleOf(tx))));
    },
    async listen(channel, onNotification) {
      // PGlite's own LISTEN on its one connection; NOTIFY inside a transaction
      // reaches the callback after COMMIT, like on a server.
      const unlisten = await pglite.listen(channel, onNotification);
      return async () => {
        if (!pglite.closed) await unlisten();
      };
    },
    close() {
      // close() waits for running queries and flushes the files; calling it twice is harmless.
      closing ??= pglite.close();
      return closing;
    },
  };
}
