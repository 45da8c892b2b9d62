// A push and its retry can reach the server at the same moment (a device that
// timed out and sent again, a proxy that repeats). Every copy must get a truthful
// answer: each mutation is applied by exactly one copy, and every other copy
// answers 'duplicate' - never a rejection of the device's own, applied change.
// On PostgreSQL the copies run in truly concurrent transactions.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../src/server/start';
import type { Mutation, MutationResult } from '../../src/shared/protocol';
import { type ApiClient, createApiClient } from '../../src/sync';
import { DEMO_PASSWORD } from './support/device';
import { serverTargets } from './support/server-targets';

const ROUNDS = 25;
const COPIES = 3;
const BATCH = 10;

function noteCreate(caseId: string, text: string): Mutation {
  return {
    id: randomUUID(),
    entity: 'note',
    op: 'create',
    recordId: randomUUID(),
    baseVersion: null,
    data: {
      caseId,
      date: '2026-11-20',
      kind: 'phone',
      durationMinutes: 10,
      text,
      concern8a: false,
      reviewedAt: null,
    },
    clientTime: new Date().toISOString(),
  };
}

describe.each(serverTargets())('concurrent copies of one push ($name)', (target) => {
  let server: RunningServer;
  let api: ApiClient;
  let caseId: string;

  beforeAll(async () => {
    server = await target.start();
    let token: string | null = null;
    api = createApiClient({ baseUrl: server.url, deviceId: `copies-${randomUUID()}`, getToken: () => token });
    token = (await api.login({ username: 'anna', password: DEMO_PASSWORD })).token;
    const pulled = await api.pull({ cursor: '0', limit: 2000 });
    const someCase = pulled.changes.find((change) => change.entity === 'case');
    if (!someCase) throw new Error('anna has no case');
    caseId = someCase.record.id;
  });

  afterAll(async () => {
    await server?.close();
  });

  it(`${ROUNDS} rounds of ${COPIES} simultaneous copies of ${BATCH} creates: one applies, the others answer duplicate`, async () => {
    const wrong: string[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const mutations = Array.from({ length: BATCH }, (_, i) => noteCreate(caseId, `Kopie ${round}.${i}`));
      const answers = await Promise.all(Array.from({ length: COPIES }, () => api.push({ mutations })));
      for (const mutation of mutations) {
        const results = answers.map(
          ({ results }) => results.find((r) => r.id === mutation.id) as MutationResult,
        );
        const statuses = results.map((result) => result.status).sort();
        const truthful =
          statuses.filter((s) => s === 'applied').length === 1 && statuses.every((s) => s !== 'rejected');
        if (!truthful) {
          const reasons = results.map((r) => (r.status === 'rejected' ? `rejected: ${r.message}` : r.status));
          wrong.push(`round ${round}, ${mutation.id}: ${reasons.join(', ')}`);
        }
      }
    }
    expect(wrong.length, `${wrong.length} untruthful answers:\n${wrong.slice(0, 10).join('\n')}\n`).toBe(0);
  });
});
