// The databases every server suite runs against: PGlite (in memory) always, and
// the PostgreSQL server at DATABASE_URL - there each run works in a fresh schema
// of its own, dropped at the end, so parallel runs never collide.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { createDatabase } from '../../../src/server/db/create-database';
import type { Database } from '../../../src/server/db/database';
import { quoteIdentifier } from '../../../src/server/db/pg-database';
import { postgresUrlOrSkip } from './postgres-url';

export interface TestDatabase {
  db: Database;
  /** Closes the database and removes everything the run created. */
  dispose(): Promise<void>;
}

export interface DatabaseTarget {
  name: 'pglite' | 'postgres';
  /** `maxConnections`: pool size on PostgreSQL (PGlite has exactly one connection). */
  create(options?: { maxConnections?: number }): Promise<TestDatabase>;
}

async function withAdminClient(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

export function freshSchemaName(): string {
  return `feldakte_test_${randomBytes(6).toString('hex')}`;
}

export async function createPostgresSchema(url: string): Promise<{ schema: string; drop(): Promise<void> }> {
  const schema = freshSchemaName();
  await withAdminClient(url, `CREATE SCHEMA ${quoteIdentifier(schema)}`);
  return {
    schema,
    drop: () => withAdminClient(url, `DROP SCHEMA IF EXISTS ${quoteIdentifier(schema)} CASCADE`),
  };
}

const pglite: DatabaseTarget = {
  name: 'pglite',
  async create() {
    const db = await createDatabase();
    return { db, dispose: () => db.close() };
  },
};

function postgres(url: string): DatabaseTarget {
  return {
    name: 'postgres',
    async create(options = {}) {
      const { schema, drop } = await createPostgresSchema(url);
      const db = await createDatabase({ databaseUrl: url, searchPath: schema, ...options });
      return {
        db,
        async dispose() {
          await db.close();
          await drop();
        },
      };
    },
  };
}

/** PGlite, and PostgreSQL at DATABASE_URL (a visible skip without it, a failure under CI). */
export function databaseTargets(): DatabaseTarget[] {
  const url = postgresUrlOrSkip();
  return url ? [pglite, postgres(url)] : [pglite];
}
