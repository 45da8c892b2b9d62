// Talks to the real server from the test process, with the app's own API client
// (same headers, same response checks): to look at what the server holds, and to
// fill it with data before a browser signs in.
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { Change, Mutation } from '../../../src/shared/protocol';
import type { NoteFields, NoteRecord, RecordOf, SyncedEntity } from '../../../src/shared/records';
import { type ApiClient, createApiClient } from '../../../src/sync';
import { DEMO_PASSWORD } from './app';

export interface SignedInApi {
  api: ApiClient;
  userId: string;
}

/** A fresh session of `username`, as a device of its own. */
export async function signIn(baseUrl: string, username: string): Promise<SignedInApi> {
  let token: string | null = null;
  const api = createApiClient({ baseUrl, deviceId: `e2e-${randomUUID()}`, getToken: () => token });
  const session = await api.login({ username, password: DEMO_PASSWORD });
  token = session.token;
  return { api, userId: session.user.id };
}

/** Everything the user may see, by a pull from the very beginning. */
export async function pullEverything(api: ApiClient): Promise<Change[]> {
  const changes = new Map<string, Change>();
  let cursor = '0';
  for (;;) {
    const batch = await api.pull({ cursor, limit: 2000 });
    for (const change of batch.changes) changes.set(`${change.entity}:${change.record.id}`, change);
    for (const removal of batch.removed) changes.delete(`${removal.entity}:${removal.id}`);
    if (!batch.hasMore) return [...changes.values()];
    cursor = batch.cursor;
  }
}

export function recordsOf<E extends SyncedEntity>(changes: Change[], entity: E): RecordOf[E][] {
  // A change's entity names the kind of its record.
  return changes.filter((change) => change.entity === entity).map((change) => change.record as RecordOf[E]);
}

/** The notes the server holds, as the lead of the team sees them. */
export async function notesOnServer(baseUrl: string, leadUsername = 'lea'): Promise<NoteRecord[]> {
  const { api } = await signIn(baseUrl, leadUsername);
  return recordsOf(await pullEverything(api), 'note');
}

/** Fields with a default may be left out: the server fills them in. */
export function noteCreate(fields: z.input<typeof NoteFields>): Mutation {
  return {
    id: randomUUID(),
    entity: 'note',
    op: 'create',
    recordId: randomUUID(),
    baseVersion: null,
    data: { ...fields },
    clientTime: new Date().toISOString(),
  };
}

/**
 * Writes `count` notes on the worker's cases through the push API, in batches of
 * 100 as a device would; `textOf(i)` makes each note recognisable. One batch at
 * a time: the server applies mutations one by one anyway (parallel pushes measured
 * no faster on PGlite).
 */
export async function pushNotesAs(
  baseUrl: string,
  username: string,
  count: number,
  textOf: (index: number) => string,
): Promise<void> {
  const { api } = await signIn(baseUrl, username);
  const cases = recordsOf(await pullEverything(api), 'case');
  if (cases.length === 0) throw new Error(`${username} has no cases to write notes in`);
  const date = new Date().toISOString().slice(0, 10);

  async function pushBatch(start: number): Promise<void> {
    const mutations: Mutation[] = [];
    for (let i = start; i < Math.min(start + 100, count); i++) {
      const caseId = (cases[i % cases.length] as (typeof cases)[number]).id;
      mutations.push(
        noteCreate({
          caseId,
          date,
          kind: 'phone',
          durationMinutes: 10,
          text: textOf(i),
          concern8a: false,
          reviewedAt: null,
        }),
      );
    }
    const { results } = await api.push({ mutations });
    const refused = results.filter((result) => result.status !== 'applied');
    if (refused.length > 0) throw new Error(`seeding not applied: ${JSON.stringify(refused[0])}`);
  }
  for (let start = 0; start < count; start += 100) await pushBatch(start);
}
