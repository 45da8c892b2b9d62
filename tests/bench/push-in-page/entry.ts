// The push figure's device, inside Chromium: the app's own modules (API client,
// sync engine, encrypted FeldakteDb, createNote) bundled by push-figure.ts into
// one script for a page at the server's origin. Bench only: never part of dist/.
import { generateDataKey } from '../../../src/crypto/data-key';
import { FeldakteDb } from '../../../src/db/infrastructure/schema';
import { createNote } from '../../../src/db/repositories/notes';
import { createApiClient, createSyncEngine } from '../../../src/sync';

export interface InPagePushArguments {
  username: string;
  password: string;
  /** The notes' fields, made in node from the bench's seed. */
  notes: Array<Record<string, unknown>>;
}

export interface InPagePushFigure {
  /**
   * syncNow() to the push's outcome stored on the device: every entry acknowledged and
   * removed from the outbox, the server's records stored (the moment the run starts its pull).
   */
  storedMs: number;
  /** The whole sync run: push and the pull after it. */
  syncRunMs: number;
  mutations: number;
  writeMs: number;
}

async function measurePushInPage(args: InPagePushArguments): Promise<InPagePushFigure> {
  let token: string | null = null;
  const base = createApiClient({ deviceId: crypto.randomUUID(), getToken: () => token });
  const session = await base.login({ username: args.username, password: args.password });
  token = session.token;
  // A sync run pulls only once its push has settled every answer in IndexedDB.
  let pullStarted: number | undefined;
  const api = {
    ...base,
    pull(request: Parameters<typeof base.pull>[0]) {
      pullStarted ??= performance.now();
      return base.pull(request);
    },
  };

  const db = new FeldakteDb(`feldakte-bench-push-${crypto.randomUUID()}`, {
    dataKey: await generateDataKey(),
  });
  await db.open();
  const engine = createSyncEngine({ db, api });
  try {
    await engine.syncNow(); // what the device already holds
    const actor = { userId: session.user.id, teamId: session.user.teamId };
    const writeStarted = performance.now();
    for (const fields of args.notes) {
      await createNote(db, actor, fields as Parameters<typeof createNote>[2]);
    }
    const writeMs = performance.now() - writeStarted;
    const mutations = args.notes.length;
    const pending = await db.outbox.where('status').equals('pending').count();
    if (pending !== mutations) throw new Error(`outbox holds ${pending}, wrote ${mutations}`);

    pullStarted = undefined;
    const started = performance.now();
    await engine.syncNow();
    const syncRunMs = performance.now() - started;
    const left = await db.outbox.where('status').equals('pending').count();
    if (left !== 0) throw new Error(`push left ${left} pending: ${JSON.stringify(engine.getState())}`);
    if (pullStarted === undefined) throw new Error('the sync run never pulled');
    return { storedMs: pullStarted - started, syncRunMs, mutations, writeMs };
  } finally {
    engine.stop();
    await db.delete();
  }
}

(window as unknown as { feldaktePushBench: typeof measurePushInPage }).feldaktePushBench = measurePushInPage;
