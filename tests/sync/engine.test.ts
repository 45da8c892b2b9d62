import { HttpResponse, http } from 'msw';
import { describe, expect, it, vi } from 'vitest';
import { FeldakteDb } from '../../src/db/infrastructure/schema';
import { createCase, updateCase } from '../../src/db/repositories/cases';
import { PROTOCOL_VERSION } from '../../src/shared/protocol';
import { API_PATHS } from '../../src/sync/api-client';
import { createSyncEngine, type SyncEngine, type SyncEngineOptions } from '../../src/sync/engine';
import { META_KEYS } from '../../src/sync/sync-meta';
import { caseFields, freshDb, testDataKey, worker } from '../db/support/fixtures';
import type { FakeBrowser } from './support/fake-browser';
import { BASE_URL, mswServer, type ProtocolHarness } from './support/protocol-harness';
import { setUpEngineBed } from './support/sync-bed';

let db: FeldakteDb;
let harness: ProtocolHarness;
let browser: FakeBrowser;

const { track } = setUpEngineBed((bed) => {
  ({ db, harness, browser } = bed);
});

function engineFor(options: Partial<SyncEngineOptions> = {}): SyncEngine {
  return track(createSyncEngine({ db, api: harness.client(), ...options }));
}

async function outboxRows() {
  return db.outbox.orderBy('seq').toArray();
}

describe('sync engine', () => {
  it('counts writes made offline at once and sends them when the connection returns', async () => {
    browser.onLine = false;
    const engine = engineFor();
    engine.start();

    const c = await createCase(db, worker, caseFields());
    await updateCase(db, worker, c.id, { phone: '1' });
    await createCase(db, worker, caseFields({ familyName: 'Familie Zwei' }));

    await vi.waitFor(() => expect(engine.getState()).toMatchObject({ pendingCount: 3, phase: 'offline' }));
    expect(engine.getState().online).toBe(false);
    expect(harness.pushRequests).toHaveLength(0);

    browser.goOnline();

    await vi.waitFor(() => expect(engine.getState()).toMatchObject({ phase: 'idle', pendingCount: 0 }));
    expect(harness.server.recordsOf('case')).toHaveLength(2);
    const { lastSyncedAt } = engine.getState();
    expect(lastSyncedAt).not.toBeNull();
    expect((await db.meta.get(META_KEYS.lastSyncedAt))?.value).toBe(lastSyncedAt);
  });

  it('goes offline quietly when the server cannot be reached, keeping the outbox', async () => {
    mswServer.use(http.post(`${BASE_URL}${API_PATHS.push}`, () => HttpResponse.error()));
    await createCase(db, worker, caseFields());
    const engine = engineFor();

    await engine.syncNow();

    expect(engine.getState()).toMatchObject({ phase: 'offline', lastError: null, pendingCount: 1 });
    expect(await db.outbox.count()).toBe(1);
  });

  it('the offline event switches to offline', async () => {
    const engine = engineFor();
    engine.start();
    await vi.waitFor(() => expect(engine.getState().phase).toBe('idle'));

    browser.goOffline();

    expect(engine.getState()).toMatchObject({ phase: 'offline', online: false });
  });

  it('401 asks for the password and leaves the outbox as it is', async () => {
    let token = 'abgelaufen';
    const engine = createSyncEngine({ db, api: harness.client(() => token) });
    await createCase(db, worker, caseFields());
    const before = await outboxRows();

    await engine.syncNow();

    expect(engine.getState().phase).toBe('unauthorized');
    expect(await outboxRows()).toEqual(before);

    token = harness.token;
    await engine.syncNow();
    expect(engine.getState()).toMatchObject({ phase: 'idle', pendingCount: 0, lastError: null });
  });

  it('426 asks for an app update and leaves the outbox as it is', async () => {
    harness.protocolVersion = PROTOCOL_VERSION + 1;
    await createCase(db, worker, caseFields());
    const before = await outboxRows();
    const engine = engineFor();

    await engine.syncNow();

    expect(engine.getState()).toMatchObject({
      phase: 'upgrade_required',
      pendingCount: 1,
      // This fake server answers without a key, like one from before keys: the text stays.
      lastError: { message: 'Bitte die App aktualisieren' },
    });
    expect(await outboxRows()).toEqual(before);
  });

  it('runs one sync at a time; requests meanwhile make exactly one more run', async () => {
    const engine = engineFor();
    const release = harness.hold();

    const first = engine.syncNow();
    await vi.waitFor(() => expect(harness.inFlight).toBe(1));
    expect(engine.getState().phase).toBe('syncing');
    // A write during the run, and three more requests for a sync.
    await createCase(db, worker, caseFields());
    const more = [engine.syncNow(), engine.syncNow(), engine.syncNow()];
    release();
    await Promise.all([first, ...more]);

    expect(harness.maxInFlight).toBe(1);
    // Run one: pull only (nothing pending then). Run two: push the write, pull.
    expect(harness.pullCursors).toHaveLength(2);
    expect(harness.pushRequests).toHaveLength(1);
    expect(engine.getState()).toMatchObject({ phase: 'idle', pendingCount: 0 });
  });

  it('pushes shortly after a local write while online', async () => {
    const engine = engineFor({ writeDebounceMs: 20 });
    engine.start();
    await vi.waitFor(() => expect(engine.getState().phase).toBe('idle'));

    const c = await createCase(db, worker, caseFields());

    await vi.waitFor(() => expect(harness.server.records.has(c.id)).toBe(true));
    await vi.waitFor(() => expect(engine.getState().pendingCount).toBe(0));
  });

  it('syncs on a timer while started, and not after stop', async () => {
    // Only the engine's interval is faked: each tick is one step the test takes.
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const engine = engineFor({ intervalMs: 60_000 });
    engine.start();
    await vi.waitFor(() => expect(harness.pullCursors).toHaveLength(1));
    await vi.waitFor(() => expect(engine.getState().phase).toBe('idle'));

    for (const pulls of [2, 3]) {
      vi.advanceTimersByTime(60_000);
      await vi.waitFor(() => expect(harness.pullCursors).toHaveLength(pulls));
      await vi.waitFor(() => expect(engine.getState().phase).toBe('idle'));
    }

    engine.stop();
    expect(vi.getTimerCount()).toBe(0);
    vi.advanceTimersByTime(10 * 60_000);
    await new Promise((resolve) => setImmediate(resolve));
    expect(harness.pullCursors).toHaveLength(3);
  });

  it('shows rejected changes without blocking the sync', async () => {
    harness.server.rejectIf = () => ({
      code: 'forbidden',
      httpStatus: 403,
      message: 'kein Zugriff',
      field: null,
    });
    await createCase(db, worker, caseFields());
    const engine = engineFor();

    await engine.syncNow();

    expect(engine.getState()).toMatchObject({ phase: 'idle', pendingCount: 0, rejectedCount: 1 });
  });

  it('reports pull progress', async () => {
    for (let i = 0; i < 5; i++) await createCase(db, worker, caseFields({ reference: `EF-${i}` }));
    await engineFor().syncNow();
    harness.server.pageSize = 2;
    const other = freshDb();
    try {
      const engine = createSyncEngine({ db: other, api: harness.client() });
      const seen: number[] = [];
      engine.subscribe(() => seen.push(engine.getState().pulled));

      await engine.syncNow();

      expect([...new Set(seen)]).toEqual([0, 2, 4, 5]);
      expect(await other.cases.count()).toBe(5);
    } finally {
      await other.delete();
    }
  });

  it('remembers the last sync across a reload', async () => {
    const first = engineFor();
    await first.syncNow();
    const { lastSyncedAt } = first.getState();
    expect(lastSyncedAt).not.toBeNull();

    const reopened = new FeldakteDb(db.name, { dataKey: testDataKey });
    const release = harness.hold(); // the network hangs: the time must come from the database
    const second = track(createSyncEngine({ db: reopened, api: harness.client() }));
    second.start();

    await vi.waitFor(() => expect(second.getState().lastSyncedAt).toBe(lastSyncedAt));
    expect(harness.inFlight).toBe(1);
    release();
    await second.syncNow();
    reopened.close();
  });

  it('returns the same state object until something changes', async () => {
    const engine = engineFor();
    const listener = vi.fn();
    engine.subscribe(listener);
    const before = engine.getState();
    expect(engine.getState()).toBe(before);

    await engine.syncNow();

    const after = engine.getState();
    expect(after).not.toBe(before);
    expect(listener).toHaveBeenCalled();
    expect(engine.getState()).toBe(after);
  });
});
