// A real Feldakte server for end-to-end tests: embedded PGlite in a fresh temp
// data dir, migrated, demo-seeded, listening on a free port of 127.0.0.1.
//
//   const server = await startTestServer({ staticDir: 'dist' });
//   // ... drive a browser against server.url ...
//   await server.close(); // stops the server, closes PGlite, deletes the data dir
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type RunningServer, startServer } from '../../../src/server/start';

export interface TestServerOptions {
  /** Built app to serve (e.g. "dist"); omitted: API only. */
  staticDir?: string;
  /** Demo teams and users (password "feldakte-demo"); default true. */
  seedDemo?: boolean;
  /** Reuse a data dir (e.g. to test a restart); default: a fresh temp dir, deleted on close. */
  dataDir?: string;
  /** How long a login lasts (default 30 days); short values test token expiry. */
  sessionTtlSeconds?: number;
}

export interface TestServer extends RunningServer {
  dataDir: string;
}

export async function startTestServer(options: TestServerOptions = {}): Promise<TestServer> {
  const dataDir = options.dataDir ?? (await mkdtemp(join(tmpdir(), 'feldakte-server-')));
  const server = await startServer({
    port: 0,
    host: '127.0.0.1',
    dataDir,
    seedDemo: options.seedDemo ?? true,
    ...(options.staticDir ? { staticDir: options.staticDir } : {}),
    ...(options.sessionTtlSeconds ? { sessionTtlSeconds: options.sessionTtlSeconds } : {}),
  });
  return {
    ...server,
    dataDir,
    async close() {
      await server.close();
      if (!options.dataDir) await rm(dataDir, { recursive: true, force: true });
    },
  };
}
