// A device against a started server (startServer), through app.inject: log in
// with the demo password, push, and pull everything, each answer checked
// against the shared protocol schema as a device would read it.
import type { FastifyInstance } from 'fastify';
import { DEMO_PASSWORD } from '../../../src/server/seed/demo-data';
import {
  type Change,
  DEVICE_HEADER,
  LoginResponse,
  type Mutation,
  PullResponse,
  PushResponse,
  type Removal,
} from '../../../src/shared/protocol';
import { syncHeaders } from './harness';

export async function loginOn(app: FastifyInstance, username: string): Promise<string> {
  const response = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username, password: DEMO_PASSWORD },
  });
  if (response.statusCode !== 200) throw new Error(`login ${username}: HTTP ${response.statusCode}`);
  return LoginResponse.parse(response.json()).token;
}

/** Pulls from cursor 0 until nothing more is waiting. */
export async function pullEverything(
  app: FastifyInstance,
  token: string,
): Promise<{ changes: Change[]; removed: Removal[] }> {
  const changes: Change[] = [];
  const removed: Removal[] = [];
  let cursor = '0';
  for (;;) {
    const response = await app.inject({
      method: 'GET',
      url: '/api/sync/pull',
      query: { cursor, limit: '500' },
      headers: syncHeaders(token),
    });
    if (response.statusCode !== 200) throw new Error(`pull: HTTP ${response.statusCode}: ${response.body}`);
    const page = PullResponse.parse(response.json());
    changes.push(...page.changes);
    removed.push(...page.removed);
    cursor = page.cursor;
    if (!page.hasMore) return { changes, removed };
  }
}

/** Pushes as device "test-device"; throws unless every mutation was applied. */
export async function pushApplied(app: FastifyInstance, token: string, mutations: Mutation[]): Promise<void> {
  const response = await app.inject({
    method: 'POST',
    url: '/api/sync/push',
    headers: { ...syncHeaders(token), [DEVICE_HEADER]: 'test-device' },
    payload: { mutations },
  });
  if (response.statusCode !== 200) throw new Error(`push: HTTP ${response.statusCode}: ${response.body}`);
  const refused = PushResponse.parse(response.json()).results.filter((result) => result.status !== 'applied');
  if (refused.length > 0) throw new Error(`push not applied: ${JSON.stringify(refused)}`);
}
