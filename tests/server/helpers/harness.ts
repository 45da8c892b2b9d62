// One app per suite over a migrated (and by default demo-seeded) test database,
// driven through app.inject(), with shortcuts for the sync protocol.
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll } from 'vitest';
import { buildApp } from '../../../src/server/app';
import type { Database } from '../../../src/server/db/database';
import { migrate } from '../../../src/server/db/migrate';
import { DEMO_PASSWORD } from '../../../src/server/seed/demo-data';
import { seedDemoData } from '../../../src/server/seed/seed-demo';
import type { Clock } from '../../../src/server/services/clock';
import {
  type Change,
  type LoginResponse,
  type Mutation,
  PROTOCOL_HEADER,
  PROTOCOL_VERSION,
  type PullResponse,
  type PushResponse,
} from '../../../src/shared/protocol';
import type { DatabaseTarget } from './databases';

export interface Harness {
  app: FastifyInstance;
  db: Database;
  login(username: string): Promise<LoginResponse>;
  /** Pushes as device `device` (default "test-device"). */
  push(token: string, mutations: Mutation[], device?: string): Promise<PushResponse>;
  pull(token: string, cursor?: string, limit?: number): Promise<PullResponse>;
  /** Pulls until hasMore is false; returns every change in order and the final cursor. */
  pullAll(token: string, cursor?: string, limit?: number): Promise<{ changes: Change[]; cursor: string }>;
  request(options: InjectOptions): Promise<LightMyRequestResponse>;
  close(): Promise<void>;
}

export function syncHeaders(token: string): Record<string, string> {
  return { authorization: `Bearer ${token}`, [PROTOCOL_HEADER]: String(PROTOCOL_VERSION) };
}

export interface HarnessOptions {
  /** Demo teams and users (default true). */
  seed?: boolean;
  /** The server's "now" for substitution periods (default the system clock). */
  clock?: Clock;
  /** PostgreSQL pool size (default 10). */
  maxConnections?: number;
  /** How long a login lasts (default 30 days). */
  sessionTtlSeconds?: number;
  /** How long an access token of a refreshing device lasts (default 15 minutes). */
  accessTokenTtlSeconds?: number;
}

export async function createHarness(
  target: DatabaseTarget,
  { seed = true, clock, maxConnections, sessionTtlSeconds, accessTokenTtlSeconds }: HarnessOptions = {},
): Promise<Harness> {
  const testDb = await target.create(maxConnections ? { maxConnections } : {});
  const db = testDb.db;
  await migrate(db);
  if (seed) await seedDemoData(db);
  const app = await buildApp({
    db,
    ...(clock ? { clock } : {}),
    ...(sessionTtlSeconds ? { sessionTtlSeconds } : {}),
    ...(accessTokenTtlSeconds ? { accessTokenTtlSeconds } : {}),
  });

  async function expectOk<T>(response: LightMyRequestResponse): Promise<T> {
    if (response.statusCode !== 200) throw new Error(`HTTP ${response.statusCode}: ${response.body}`);
    return response.json<T>();
  }

  const harness: Harness = {
    app,
    db,
    request: (options) => app.inject(options),
    async login(username) {
      const response = await app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username, password: DEMO_PASSWORD },
      });
      return expectOk<LoginResponse>(response);
    },
    async push(token, mutations, device = 'test-device') {
      const response = await app.inject({
        method: 'POST',
        url: '/api/sync/push',
        headers: { ...syncHeaders(token), 'x-feldakte-device': device },
        payload: { mutations },
      });
      return expectOk<PushResponse>(response);
    },
    async pull(token, cursor = '0', limit = 500) {
      const response = await app.inject({
        method: 'GET',
        url: '/api/sync/pull',
        query: { cursor, limit: String(limit) },
        headers: syncHeaders(token),
      });
      return expectOk<PullResponse>(response);
    },
    async pullAll(token, cursor = '0', limit = 500) {
      const changes: Change[] = [];
      let next = cursor;
      for (;;) {
        const page = await harness.pull(token, next, limit);
        changes.push(...page.changes);
        next = page.cursor;
        if (!page.hasMore) return { changes, cursor: next };
      }
    },
    async close() {
      await app.close();
      await testDb.dispose();
    },
  };
  return harness;
}

/**
 * One harness for the enclosing describe block: opened before its tests with
 * `usernames` logged in one after another (their sessions handed over in the same
 * order), closed after them.
 */
export function harnessForBlock<const Names extends readonly string[]>(
  target: DatabaseTarget,
  usernames: Names,
  receive: (harness: Harness, sessions: { [K in keyof Names]: LoginResponse }) => void,
): void {
  let harness: Harness | undefined;
  beforeAll(async () => {
    const opened = await createHarness(target);
    harness = opened;
    const sessions: LoginResponse[] = [];
    for (const username of usernames) sessions.push(await opened.login(username));
    receive(opened, sessions as { [K in keyof Names]: LoginResponse });
  });
  afterAll(() => harness?.close());
}
