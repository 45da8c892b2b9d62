// Database adapter for embedded PGlite (PostgreSQL in WebAssembly), persisted in
// a directory or held in memory.
//
// PGlite has exactly one connection. Its transaction() takes an internal mutex, and
// so does every top-level query(): concurrent callers queue and transactions never
// interleave - which is what the sync sequence relies on. The catch is that a
// top-level query issued from inside a transaction callback waits for that same
// mutex forever; the shared guard turns that mistake into an error instead.
import { mkdir } from 'node:fs/promises';
import { PGlite, types } from '@electric-sql/pglite';
import {
  assertOutsideTransaction,
  type Database,
  type Queryable,
  type Row,
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

interface PgliteQueryable {
  query<R>(sql: string, params?: unknown[]): Promise<{ rows: R[] }>;
  exec(sql: string): Promise<unknown>;
}

function handleOf(target: PgliteQueryable): Queryable {
  return {
    async query<R extends Row = Row>(sql: string, params: readonly unknown[] = []) {
      const result = await target.query<R>(sql, [...params]);
      return result.rows;
    },
    async exec(sql: string) {
      await target.exec(sql);
    },
  };
}

export async function createPgliteDatabase(options: PgliteOptions = {}): Promise<Database> {
  if (options.dataDir) await mkdir(options.dataDir, { recursive: true });
  const pglite = await PGlite.create({ ...(options.dataDir ? { dataDir: options.dataDir } : {}), parsers });
  const direct = handleOf(pglite);
  let closing: Promise<void> | undefined;

  return {
    kind: 'pglite',
    query<R extends Row = Row>(sql: string, params?: readonly unknown[]) {
      assertOutsideTransaction();
      return direct.query<R>(sql, params);
    },
    exec(sql: string) {
      assertOutsideTransaction();
      return direct.exec(sql);
    },
    transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T> {
      assertOutsideTransaction();
      return pglite.transaction((tx) => runMarkedAsTransaction(() => work(handleOf(tx))));
    },
    close() {
      // close() waits for running queries and flushes the files; calling it twice is harmless.
      closing ??= pglite.close();
      return closing;
    },
  };
}
