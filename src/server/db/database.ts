// The one database interface the server talks to. Two adapters implement it
// (node-postgres pool, embedded PGlite) with the same SQL and the same
// migrations, so every repository and test runs unchanged on both.
import { AsyncLocalStorage } from 'node:async_hooks';

export type Row = Record<string, unknown>;

/** Something SQL can be sent to: the database itself, or one open transaction. */
export interface Queryable {
  /** One statement with $1-style parameters; returns the rows (empty for statements without RETURNING). */
  query<R extends Row = Row>(sql: string, params?: readonly unknown[]): Promise<R[]>;
  /** Several statements without parameters (migrations). */
  exec(sql: string): Promise<void>;
}

export interface Database extends Queryable {
  readonly kind: 'postgres' | 'pglite';
  /**
   * Runs `work` in one transaction: COMMIT when it resolves, ROLLBACK when it throws.
   * Inside `work` use only `tx`: the database itself refuses queries from inside a
   * transaction, because on PGlite (one connection) such a query would wait forever
   * for the very transaction that issued it.
   */
  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T>;
  /**
   * Receives the NOTIFYs on `channel` (a lowercase identifier) from every process
   * using this database, this one included; a notification sent inside a
   * transaction arrives when it commits, never when it rolls back. Resolves once
   * listening; the returned function stops it. Call before close().
   */
  listen(channel: string, onNotification: (payload: string) => void): Promise<Unlisten>;
  close(): Promise<void>;
}

export type Unlisten = () => Promise<void>;

/** PostgreSQL error codes the server reacts to. */
export const PgErrorCode = {
  uniqueViolation: '23505',
  foreignKeyViolation: '23503',
  serializationFailure: '40001',
  deadlockDetected: '40P01',
} as const;

export function pgErrorCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null || !('code' in error)) return undefined;
  const code = (error as { code: unknown }).code;
  return typeof code === 'string' ? code : undefined;
}

const insideTransaction = new AsyncLocalStorage<true>();

export class NestedQueryError extends Error {
  constructor() {
    super('Query on the database object from inside a transaction; use the transaction handle');
    this.name = 'NestedQueryError';
  }
}

/** Throws when called from inside a transaction callback of this process (see Database.transaction). */
export function assertOutsideTransaction(): void {
  if (insideTransaction.getStore()) throw new NestedQueryError();
}

/**
 * A Queryable over a driver connection: `run` sends one statement and answers
 * `{ rows }` (pg and PGlite alike), `exec` sends several without parameters.
 */
export function queryableOf(
  run: (sql: string, params: unknown[]) => Promise<{ rows: unknown[] }>,
  exec: (sql: string) => Promise<unknown>,
): Queryable {
  return {
    async query<R extends Row = Row>(sql: string, params: readonly unknown[] = []) {
      const result = await run(sql, [...params]);
      return result.rows as R[];
    },
    async exec(sql: string) {
      await exec(sql);
    },
  };
}

/** The database's own query and exec: refused from inside a transaction (see Database.transaction). */
export function outsideTransactionsOnly(direct: Queryable): Queryable {
  return {
    async query<R extends Row = Row>(sql: string, params?: readonly unknown[]) {
      assertOutsideTransaction();
      return direct.query<R>(sql, params);
    },
    async exec(sql: string) {
      assertOutsideTransaction();
      return direct.exec(sql);
    },
  };
}

export function runMarkedAsTransaction<T>(work: () => Promise<T>): Promise<T> {
  return insideTransaction.run(true, work);
}

/**
 * SQLSTATE class 22 (data exception): a value the database cannot store, such as
 * 30 February or a date in year 0. Input validation should catch these first.
 */
export function isDataException(error: unknown): boolean {
  return pgErrorCode(error)?.startsWith('22') ?? false;
}
