// Starts a complete server: database, migrations, demo seed, HTTP. Used by main.ts
// and by tests that need a real server on a free port (port 0).
import { join } from 'node:path';
import type { FastifyInstance, FastifyServerOptions } from 'fastify';
import { buildApp } from './app';
import { createDatabase } from './db/create-database';
import type { Database } from './db/database';
import { migrate } from './db/migrate';
import { seedDemoData } from './seed/seed-demo';
import { systemClock } from './services/clock';
import type { RetentionPeriods } from './services/retention';
import { type IssuedSetupCode, issueSetupCodeIfNeeded } from './services/setup-service';

export interface StartOptions {
  port?: number;
  host?: string;
  /** PGlite lives in `<dataDir>/pgdata`; ignored with databaseUrl. */
  dataDir?: string;
  databaseUrl?: string;
  /** PostgreSQL schema to work in (default: the server's search_path). */
  searchPath?: string;
  seedDemo?: boolean;
  staticDir?: string;
  logger?: FastifyServerOptions['logger'];
  /** How long a login lasts; default 30 days. */
  sessionTtlSeconds?: number;
  /** How long an access token of a device that refreshes lasts; default 15 minutes. */
  accessTokenTtlSeconds?: number;
  /** How long the token of a login without refresh lasts; default 12 hours. */
  nonRefreshingTokenTtlSeconds?: number;
  /** Retention periods of closed cases and pre-consultations. */
  retention?: RetentionPeriods;
  /** Behind a reverse proxy that terminates TLS (x-forwarded-proto, x-forwarded-for). */
  trustProxy?: boolean;
}

export interface RunningServer {
  app: FastifyInstance;
  db: Database;
  /** http://localhost:<port> */
  url: string;
  port: number;
  seeded: boolean;
  /**
   * The set-up code of an installation nobody can sign in to yet (printed next
   * to the URL; a new one at every start until the set-up is done); else null.
   */
  setupCode: IssuedSetupCode | null;
  /** Stops accepting requests, waits for running ones, closes the database. */
  close(): Promise<void>;
}

export async function startServer(options: StartOptions = {}): Promise<RunningServer> {
  const db = await createDatabase({
    ...(options.databaseUrl ? { databaseUrl: options.databaseUrl } : {}),
    ...(options.dataDir ? { dataDir: join(options.dataDir, 'pgdata') } : {}),
    ...(options.searchPath ? { searchPath: options.searchPath } : {}),
  });
  try {
    await migrate(db);
    const seeded = options.seedDemo === false ? false : await seedDemoData(db);
    const setupCode = await issueSetupCodeIfNeeded(db, systemClock);
    const app = await buildApp({
      db,
      ...(options.staticDir ? { staticDir: options.staticDir } : {}),
      logger: options.logger ?? false,
      ...(options.sessionTtlSeconds ? { sessionTtlSeconds: options.sessionTtlSeconds } : {}),
      ...(options.accessTokenTtlSeconds ? { accessTokenTtlSeconds: options.accessTokenTtlSeconds } : {}),
      ...(options.nonRefreshingTokenTtlSeconds
        ? { nonRefreshingTokenTtlSeconds: options.nonRefreshingTokenTtlSeconds }
        : {}),
      ...(options.retention ? { retention: options.retention } : {}),
      ...(options.trustProxy ? { trustProxy: options.trustProxy } : {}),
    });
    await app.listen({ port: options.port ?? 0, host: options.host ?? '127.0.0.1' });
    const address = app.server.address();
    const port = typeof address === 'object' && address ? address.port : (options.port ?? 0);
    let closing: Promise<void> | undefined;
    return {
      app,
      db,
      url: `http://localhost:${port}`,
      port,
      seeded,
      setupCode,
      close() {
        closing ??= app.close().then(() => db.close());
        return closing;
      },
    };
  } catch (error) {
    await db.close();
    throw error;
  }
}
