// Picks the database adapter: a real PostgreSQL server when a URL is given,
// otherwise embedded PGlite (persisted in dataDir, or in memory without one).
import type { Database } from './database';
import { createPgDatabase } from './pg-database';
import { createPgliteDatabase } from './pglite-database';

export interface DatabaseOptions {
  /** postgres://... selects node-postgres against that server. */
  databaseUrl?: string;
  /** PGlite files; ignored with databaseUrl. Omitted: in-memory PGlite. */
  dataDir?: string;
  /** PostgreSQL only: the schema to work in (tests use a fresh one per run). */
  searchPath?: string;
  /** PostgreSQL only: size of the connection pool (default 10). */
  maxConnections?: number;
}

export async function createDatabase(options: DatabaseOptions = {}): Promise<Database> {
  if (options.databaseUrl) {
    return createPgDatabase({
      connectionString: options.databaseUrl,
      ...(options.searchPath ? { searchPath: options.searchPath } : {}),
      ...(options.maxConnections ? { maxConnections: options.maxConnections } : {}),
    });
  }
  return createPgliteDatabase(options.dataDir ? { dataDir: options.dataDir } : {});
}
