// Database adapter for a real PostgreSQL server through a node-postgres pool.
import pg from 'pg';
import {
  assertOutsideTransaction,
  type Database,
  outsideTransactionsOnly,
  type Queryable,
  queryableOf,
  runMarkedAsTransaction,
} from './database';

export interface PgOptions {
  connectionString: string;
  /** Schema to use instead of public (tests isolate every run in its own schema). */
  searchPath?: string;
  maxConnections?: number;
}

const INT8_OID = 20;
const DATE_OID = 1082;

/**
 * Same JS types as the PGlite adapter: bigint stays a decimal string (no precision
 * loss for sequence numbers), a date stays "YYYY-MM-DD" (pg would make a local-time
 * Date of it and shift the day).
 */
const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') => {
    if (oid === INT8_OID || oid === DATE_OID) return (value: string) => value;
    return format === 'binary' ? pg.types.getTypeParser(oid, 'binary') : pg.types.getTypeParser(oid, 'text');
  }) as pg.CustomTypesConfig['getTypeParser'],
};

function handleOf(client: pg.Pool | pg.ClientBase): Queryable {
  return queryableOf(
    (sql, params) => client.query(sql, params),
    (sql) => client.query(sql),
  );
}

export function quoteIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

export function createPgDatabase(options: PgOptions): Database {
  const pool = new pg.Pool({
    connectionString: options.connectionString,
    max: options.maxConnections ?? 10,
    types,
    ...(options.searchPath ? { options: `-c search_path=${quoteIdentifier(options.searchPath)}` } : {}),
  });
  // An idle client losing its connection must not crash the process; the pool replaces it.
  pool.on('error', () => {});

  return {
    kind: 'postgres',
    ...outsideTransactionsOnly(handleOf(pool)),
    async transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T> {
      assertOutsideTransaction();
      const client = await pool.connect();
      let broken = false;
      try {
        await client.query('BEGIN');
        const result = await runMarkedAsTransaction(() => work(handleOf(client)));
        await client.query('COMMIT');
        return result;
      } catch (error) {
        try {
          await client.query('ROLLBACK');
        } catch {
          broken = true;
        }
        throw error;
      } finally {
        client.release(broken);
      }
    },
    async close() {
      await pool.end();
    },
  };
}
