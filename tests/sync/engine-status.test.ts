// The engine's status as the UI shows it: progress of a run, the way back from an
// expired token, one tab syncing at a time, and every tab seeing the same counts.
import { describe, expect, it, vi } from 'vitest';
import { withConflictFlag } from '../../src/db/infrastructure/conflict-flag';
import { FeldakteDb } from '../../src/db/infrastructure/schema';
import { createCase, updateCase } from '../../src/db/repositories/cases';
import { createSyncEngine, type SyncProgress } from '../../src/sync/engine';
import { fieldConflict } from '../db/support/conflicts';
import { caseFields, testDataKey, worker } from '../db/support/fixtures';
import type { FakeBrowser } from './support/fake-browser';
import { FakeLocks } from './support/fake-locks';
import type { ProtocolHarness } from './support/protocol-harness';
import { setUpEngineBed } from './support/sync-bed';

let db: FeldakteDb;
let harness: ProtocolHarness;
let browser: FakeBrowser;

const { track, trackConnection } = setUpEngineBed((bed) => {
  ({ db, harness, browser } = bed);
});

/** Another tab of the same user: its own connection to the same database. */
function otherTab(): FeldakteDb {
  return trackConnection(new FeldakteDb(db.name, { dataKey: testDataKey }));
}

describe('progress', () => {
  it('counts what was pushed out of what waited, then what the pull received', async () => {
    for (let i = 0; i < 3; i++) await createCase(db, worker, caseFields({ reference: `EF-${i}` }));
    harness.server.pageSize = 2;
    const engine = createSyncEngine({ db, api: harness.client() });
    const seen: (SyncProgress | null)[] = [engine.getState().progress];
    engine.subscribe(() => {
      const { progress } = engine.getState();
      if (seen.at(-1) !== progress) seen.push(progress);
    });

    await engine.syncNow();

    expect(seen).toEqual([
      null,
      { phase: 'push', done: 0, total: 3 },
      { phase: 'push', done: 3, total: 3 },
      { phase: 'pull', done: 0, total: null },
      { phase: 'pull', done: 2, total: null },
      { phase: 'pull', done: 3, total: null },
      null,
    ]);
  });
});

describe('an expired token', () => {
  it('keeps the outbox, stops asking the server, and resumes when syncNow follows the new token', async () => {
    let token = 'abgelaufen';
    // The engine's interval and write debounce are faked: the test moves time on itself.
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'setTimeout', 'clearTimeout'] });
    const engine = track(
      createSyncEngine({ db, api: harness.client(() => token), intervalMs: 60_000, writeDebounceMs: 1_000 }),
    );
    const c = await createCase(db, worker, caseFields());
    engine.start();
    await vi.waitFor(() => expect(engine.getState().phase).toBe('unauthorized'));
    const asked = harness.requests;
    expect(asked).toBe(1);

    // Timer ticks, a local write, and the network coming back: none of them can help.
    await updateCase(db, worker, c.id, { phone: 'offline geändert' });
    browser.goOffline();
    browser.goOnline();
    await vi.advanceTimersByTimeAsync(5 * 60_000);
    await vi.waitFor(() => expect(engine.getState().pendingCount).toBe(2));
    vi.useRealTimers();

    expect(engine.getState()).toMatchObject({ phase: 'unauthorized', pendingCount: 2 });
    expect(await db.outbox.count()).toBe(2);
    // Nothing after the first refusals.
    expect(harness.requests).toBe(asked);

    token = harness.token; // the user typed the password again
    await engine.syncNow();

    expect(engine.getState()).toMatchObject({ phase: 'idle', pendingCount: 0, lastError: null });
    expect(harness.server.records.get(c.id)?.record).toMatchObject({ phone: 'offline geändert' });
  });
});

describe('tabs', () => {
  it('only one tab syncs at a time (Web Locks); the other runs after it', async () => {
    browser.locks = new FakeLocks();
    await createCase(db, worker, caseFields());
    const tabA = createSyncEngine({ db, api: harness.client() });
    const tabB = createSyncEngine({ db: otherTab(), api: harness.client() });
    const release = harness.hold();

    const runs = [tabA.syncNow(), tabB.syncNow()];
    await vi.waitFor(() => expect(harness.inFlight).toBe(1));
    // Tab B is queued behind tab A's lock: it cannot send anything until A is done.
    await vi.waitFor(() => expect(browser.locks?.waiting).toBe(1));
    expect(harness.inFlight).toBe(1);
    release();
    await Promise.all(runs);

    expect(browser.locks.maxHeld).toBe(1);
    expect(harness.maxInFlight).toBe(1);
    // Tab B found the outbox already empty: one push in all.
    expect(harness.pushRequests).toHaveLength(1);
    expect(harness.pullCursors).toHaveLength(2);
  });

  it("another tab's counts, conflicts and last sync follow the database at once", async () => {
    const tabB = track(
      createSyncEngine({
        db: otherTab(),
        api: harness.client(),
        intervalMs: 60_000,
        writeDebounceMs: 60_000,
      }),
    );
    tabB.start();
    await vi.waitFor(() => expect(tabB.getState().lastSyncedAt).not.toBeNull());
    const firstSync = tabB.getState().lastSyncedAt;

    const c = await createCase(db, worker, caseFields());
    await vi.waitFor(() =>
      expect(tabB.getState()).toMatchObject({ pendingCount: 1, oldestPendingAt: c.createdAt }),
    );

    const tabA = createSyncEngine({ db, api: harness.client() });
    await new Promise((resolve) => setTimeout(resolve, 5)); // a later timestamp than tab B's
    await tabA.syncNow();
    await vi.waitFor(() =>
      expect(tabB.getState()).toMatchObject({
        pendingCount: 0,
        oldestPendingAt: null,
        lastSyncedAt: tabA.getState().lastSyncedAt,
      }),
    );
    expect(tabB.getState().lastSyncedAt).not.toBe(firstSync);

    const synced = await db.cases.get(c.id);
    await db.cases.put(
      withConflictFlag({
        ...(synced as NonNullable<typeof synced>),
        conflicts: [fieldConflict('phone', '1', '2')],
      }),
    );
    await vi.waitFor(() => expect(tabB.getState().conflictCount).toBe(1));
  });
});
