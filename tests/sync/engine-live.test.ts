// The engine and the server's live events, the device status report and the
// team's devices: against the msw protocol server, whose event stream the test
// writes to and breaks. Timers of the engine are set far out, so a run here
// happens only because an event (or the test) asked for it.
import { HttpResponse, http } from 'msw';
import { describe, expect, it, vi } from 'vitest';
import { FeldakteDb } from '../../src/db/infrastructure/schema';
import { createCase } from '../../src/db/repositories/cases';
import type { DeviceStatus } from '../../src/shared/protocol';
import type { NoteRecord } from '../../src/shared/records';
import { API_PATHS } from '../../src/sync/api-client';
import { createSyncEngine, type SyncEngine } from '../../src/sync/engine';
import { createDeferredEngine } from '../../src/ui/session/deferred-engine';
import { caseFields, serverMeta, serverNoteRecord, testDataKey, worker } from '../db/support/fixtures';
import type { FakeBrowser } from './support/fake-browser';
import { FakeLocks } from './support/fake-locks';
import {
  BASE_URL,
  DEVICE_ID,
  mswServer,
  type ProtocolHarness,
  VALID_TOKEN,
} from './support/protocol-harness';
import { refuse } from './support/server-mutations';
import { setUpEngineBed } from './support/sync-bed';

let db: FeldakteDb;
let harness: ProtocolHarness;
let browser: FakeBrowser;

const { track, trackConnection } = setUpEngineBed((bed) => {
  ({ db, harness, browser } = bed);
});

const HOUR = 3_600_000;

function engineFor(database: FeldakteDb = db, getToken: () => string | null = () => VALID_TOKEN): SyncEngine {
  return track(
    createSyncEngine({
      db: database,
      api: harness.client(getToken),
      intervalMs: HOUR,
      writeDebounceMs: HOUR,
      // The shortest reconnect delay: half of a second after a drop.
      random: () => 0,
    }),
  );
}

async function startedAndConnected(engine: SyncEngine = engineFor()): Promise<SyncEngine> {
  engine.start();
  await firstRunDone(engine);
  await vi.waitFor(() => expect(engine.getState().live).toBe('open'));
  return engine;
}

/** The run start() asked for has finished (the phase is 'idle' before it begins, too). */
async function firstRunDone(engine: SyncEngine): Promise<void> {
  await vi.waitFor(() =>
    expect(engine.getState()).toMatchObject({ phase: 'idle', lastSyncedAt: expect.any(String) }),
  );
}

/** A note a colleague wrote, on the server only. */
function noteOnServer(concern8a = false): NoteRecord {
  const meta = serverMeta('2026-03-02T10:00:00.000Z', worker.userId);
  const caseRecord = { ...caseFields(), id: crypto.randomUUID(), ...meta };
  harness.server.seed('case', caseRecord);
  const note = serverNoteRecord(caseRecord.id, { concern8a, text: 'Kind mit Hämatom am Arm' }, meta);
  harness.server.seed('note', note);
  return note;
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 50));

describe('live events', () => {
  it('a concern event makes the device pull the note at once', async () => {
    await startedAndConnected();
    const note = noteOnServer(true);
    await settle();
    expect(await db.notes.get(note.id)).toBeUndefined();

    harness.live.send({
      type: 'concern',
      noteId: note.id,
      caseId: note.caseId,
      authorId: note.authorId,
      at: note.createdAt,
    });

    await vi.waitFor(async () => expect(await db.notes.get(note.id)).toMatchObject({ concern8a: true }));
  });

  it('changes events during a run make exactly one more run', async () => {
    const engine = await startedAndConnected();
    const pullsBefore = harness.pullCursors.length;
    const release = harness.hold();

    harness.live.send({ type: 'changes' });
    await vi.waitFor(() => expect(harness.inFlight).toBe(1));
    for (let i = 0; i < 3; i++) harness.live.send({ type: 'changes' });
    await settle();
    release();

    await vi.waitFor(() => expect(harness.pullCursors.length).toBe(pullsBefore + 2));
    await settle();
    expect(harness.pullCursors.length).toBe(pullsBefore + 2);
    expect(engine.getState().phase).toBe('idle');
  });

  it('reconnects after the stream drops and pulls what it missed meanwhile', async () => {
    const engine = await startedAndConnected();

    harness.live.dropAll();
    const missed = noteOnServer();

    await vi.waitFor(() => expect(harness.live.opened).toBe(2), { timeout: 3000 });
    await vi.waitFor(async () => expect(await db.notes.get(missed.id)).toBeDefined());
    expect(engine.getState().live).toBe('open');
  });

  it('closes on offline and stop, and opens again when the network returns', async () => {
    const engine = await startedAndConnected();

    browser.goOffline();
    await vi.waitFor(() => expect(harness.live.openCount).toBe(0));
    expect(engine.getState().live).toBe('off');

    browser.goOnline();
    await vi.waitFor(() => expect(engine.getState().live).toBe('open'));
    expect(harness.live.openCount).toBe(1);

    engine.stop();
    await vi.waitFor(() => expect(harness.live.openCount).toBe(0));
    expect(engine.getState().live).toBe('off');
  });

  it('a 401 on the stream stops it and hands over to the re-login; it returns after the next good run', async () => {
    let token = VALID_TOKEN;
    const engine = await startedAndConnected(engineFor(db, () => token));

    // The session expired on the server; the stream breaks and may not come back with the old token.
    harness.token = 'neues-token';
    harness.live.dropAll();

    await vi.waitFor(() => expect(engine.getState().phase).toBe('unauthorized'), { timeout: 3000 });
    expect(engine.getState().live).toBe('off');
    const attempts = harness.live.opened;
    browser.goOffline();
    browser.goOnline();
    await settle();
    expect(harness.live.opened).toBe(attempts);

    token = 'neues-token'; // the user typed the password again
    await engine.syncNow();

    await vi.waitFor(() => expect(engine.getState().live).toBe('open'));
    expect(harness.live.openCount).toBe(1);
  });

  it('keeps one connection per browser: the tab holding the lock, then the next tab', async () => {
    browser.locks = new FakeLocks();
    const tabA = await startedAndConnected();
    const otherTabDb = trackConnection(new FeldakteDb(db.name, { dataKey: testDataKey }));
    const tabB = engineFor(otherTabDb);
    tabB.start();
    await firstRunDone(tabB);
    expect(tabB.getState().live).toBe('otherTab');
    expect(harness.live.openCount).toBe(1);

    // Tab B's device still pulls what tab A's stream announced: they share the database.
    const note = noteOnServer();
    harness.live.send({ type: 'changes' });
    await vi.waitFor(async () => expect(await otherTabDb.notes.get(note.id)).toBeDefined());

    tabA.stop();
    await vi.waitFor(() => expect(tabB.getState().live).toBe('open'));
    expect(harness.live.openCount).toBe(1);
    expect(harness.live.opened).toBe(2);
  });
});

describe('device status', () => {
  it('reports what the outbox still holds after a run that reached the server', async () => {
    const first = await createCase(db, worker, caseFields({ familyName: 'Familie Abgelehnt' }));
    await createCase(db, worker, caseFields());
    harness.server.rejectIf = (mutation) =>
      mutation.recordId === first.id ? refuse('forbidden', 403, 'nicht erlaubt').rejected : null;
    const engine = engineFor();

    await engine.syncNow();

    const rejected = await db.outbox.toArray();
    expect(rejected.map((e) => e.status)).toEqual(['rejected']);
    expect(harness.deviceReports).toEqual([
      { deviceId: DEVICE_ID, report: { pendingCount: 1, oldestPendingAt: rejected[0]?.clientTime } },
    ]);

    await engine.syncNow();
    expect(harness.deviceReports).toHaveLength(2);
  });

  it('reports an empty outbox as nothing waiting', async () => {
    await engineFor().syncNow();
    expect(harness.deviceReports.map((r) => r.report)).toEqual([{ pendingCount: 0, oldestPendingAt: null }]);
  });

  it('does not report when the server could not be reached', async () => {
    const engine = engineFor();
    browser.onLine = false;
    await engine.syncNow();
    browser.onLine = true;
    mswServer.use(http.get(`${BASE_URL}${API_PATHS.pull}`, () => HttpResponse.error()));
    await engine.syncNow();

    expect(engine.getState().phase).toBe('offline');
    expect(harness.deviceReports).toEqual([]);
  });

  it('a failed report never fails the sync', async () => {
    harness.deviceReportStatus = 500;
    await createCase(db, worker, caseFields());
    const engine = engineFor();

    await engine.syncNow();

    expect(engine.getState()).toMatchObject({ phase: 'idle', lastError: null, pendingCount: 0 });
  });
});

describe('team devices', () => {
  it('the engine, and the deferred one the screens hold, ask the server', async () => {
    const device: DeviceStatus = {
      deviceId: 'phone-of-anna',
      userId: worker.userId,
      pendingCount: 3,
      oldestPendingAt: '2026-03-01T08:00:00.000Z',
      lastSeenAt: '2026-03-02T09:00:00.000Z',
      reportedAt: '2026-03-02T09:00:00.000Z',
    };
    harness.teamDevices = [device];
    const engine = createSyncEngine({ db, api: harness.client() });

    await expect(engine.teamDevices()).resolves.toEqual([device]);
    await expect(createDeferredEngine(async () => engine).teamDevices()).resolves.toEqual([device]);
  });
});
