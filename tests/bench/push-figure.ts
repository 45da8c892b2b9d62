// Push: 1,000 offline mutations from one worker's device until the server
// acknowledged them.
//
// How, and why this is fair: the app has no way (rightly, no test hook in src/)
// to make 1,000 notes in Chromium other than typing them, which would measure the
// typing. So the device is the app's own code in node: the real sync engine and
// API client on the app's encrypted Dexie database (FeldakteDb with a data key,
// on fake-indexeddb - an in-memory IndexedDB), written through the app's own
// repository (createNote: validation, record + outbox in one transaction, sealed
// at rest), exactly as the UI writes. The device first syncs what it holds, then
// writes the 1,000 notes "offline" (nothing is sent while it writes), and the
// clock runs from syncNow() to the last push batch's answer (the engine pushes
// the outbox in order, in batches of 100, then pulls). The whole run including
// the pull that follows is reported as well.
import { randomUUID } from 'node:crypto';
import { generateDataKey } from '../../src/crypto/data-key';
import { createNote } from '../../src/db/notes';
import { FeldakteDb } from '../../src/db/schema';
import { createApiClient, createSyncEngine } from '../../src/sync';
import { createPrng } from '../faults/support/prng';
import { BENCH_PASSWORD, benchNoteFields, dayFrom } from './dataset';

export interface PushFigure {
  /** syncNow() to the answer of the last push batch. */
  acknowledgedMs: number;
  /** The whole sync run: push and the pull after it. */
  syncRunMs: number;
  mutations: number;
  writeMs: number;
}

export async function measurePush(options: {
  baseUrl: string;
  username: string;
  caseIds: string[];
  mutations: number;
}): Promise<PushFigure> {
  if (!('indexedDB' in globalThis)) throw new Error('run.ts installs fake-indexeddb for the node device');
  let token: string | null = null;
  const base = createApiClient({ baseUrl: options.baseUrl, deviceId: randomUUID(), getToken: () => token });
  const session = await base.login({ username: options.username, password: BENCH_PASSWORD });
  token = session.token;
  let lastAck = 0;
  const api = {
    ...base,
    async push(request: Parameters<typeof base.push>[0]) {
      const response = await base.push(request);
      lastAck = performance.now();
      return response;
    },
  };

  const db = new FeldakteDb(`feldakte-bench-push-${randomUUID()}`, { dataKey: await generateDataKey() });
  await db.open();
  const engine = createSyncEngine({ db, api });
  try {
    await engine.syncNow(); // what the device already holds
    const actor = { userId: session.user.id, teamId: session.user.teamId };
    const prng = createPrng(1_000);
    const writeStarted = performance.now();
    for (let i = 0; i < options.mutations; i++) {
      const caseId = options.caseIds[i % options.caseIds.length] as string;
      await createNote(
        db,
        actor,
        benchNoteFields(prng, caseId, dayFrom(0)) as Parameters<typeof createNote>[2],
      );
    }
    const writeMs = performance.now() - writeStarted;
    const pending = await db.outbox.where('status').equals('pending').count();
    if (pending !== options.mutations) throw new Error(`outbox holds ${pending}, wrote ${options.mutations}`);

    const started = performance.now();
    await engine.syncNow();
    const syncRunMs = performance.now() - started;
    const left = await db.outbox.where('status').equals('pending').count();
    const state = engine.getState();
    if (left !== 0) throw new Error(`push left ${left} pending: ${JSON.stringify(state)}`);
    return { acknowledgedMs: lastAck - started, syncRunMs, mutations: options.mutations, writeMs };
  } finally {
    engine.stop();
    await db.delete();
  }
}
