// Database adapter for a real PostgreSQL server through a node-postgres pool.
import pg from 'pg';
import {
  assertOutsideTransaction,
  type Database,
  outsideTransactionsOnly,
  type Queryable,
  queryableOf,
  runMarkedAsTransaction,
  type Unlisten,
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

/** How long a listener waits before it connects again after losing its connection. */
const RECONNECT_DELAY_MS = 1000;

/**
 * LISTEN on one dedicated connection outside the pool (a pooled connection would
 * be handed to queries and lose its LISTEN). A lost connection is replaced after a
 * short pause; what was notified in between is missed (devices also sync on a timer).
 */
async function listenOn(
  clientConfig: pg.ClientConfig,
  channel: string,
  onNotification: (payload: string) => void,
): Promise<Unlisten> {
  let stopped = false;
  let client: pg.Client | null = null;
  let retry: NodeJS.Timeout | null = null;

  const scheduleReconnect = () => {
    if (stopped || retry) return;
    retry = setTimeout(() => {
      retry = null;
      connect().catch(scheduleReconnect);
    }, RECONNECT_DELAY_MS);
    retry.unref();
  };

  const onLost = (lost: pg.Client) => {
    if (client !== lost) return;
    client = null;
    lost.end().catch(() => {});
    scheduleReconnect();
  };

  async function connect(): Promise<void> {
    const next = new pg.Client(clientConfig);
    next.on('notification', (message) => {
      if (message.channel === channel && message.payload !== undefined) onNotification(message.payload);
    });
    next.on('error', () => onLost(next));
    next.on('end', () => onLost(next));
    try {
      await next.connect();
      await next.query(`LISTEN ${quoteIdentifier(channel)}`);
    } catch (error) {
      await next.end().catch(() => {});
      throw error;
    }
    if (stopped) await next.end().catch(() => {});
    else client = next;
  }

  await connect();
  return async () => {
    stopped = true;
    if (retry) clearTimeout(retry);
    const current = client;
    client = null;
    await current?.end().catch(() => {});
  };
}

export function createPgDatabase(options: PgOptions): Database {
  const clientConfig: pg.ClientConfig = {
    connectionString: options.connectionString,
    types,
    ...(options.searchPath ? { options: `-c search_path=${quoteIdentifier(options.searchPath)}` } : {}),
  };
  const pool = new pg.Pool({ ...clientConfig, max: options.maxConnections ?? 10 });
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
    listen(channel, onNotification) {
      return listenOn(clientConfig, channel, onNotification);
    },
    async close() {
      await pool.end();
    },
  };
}
