// Locking on demand and after the team's limit without input: the key leaves memory with the database.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { recordSchemaOf } from '../../src/shared/records';
import { caseFields, serverMeta, worker } from '../db/support/fixtures';
import { FakeBrowser } from '../sync/support/fake-browser';
import {
  anna,
  loginOf,
  openTab,
  SLOW,
  setUpSessionBed,
  signedInSession,
  type Tab,
} from './support/session-bed';

/** anna's team locks after one minute without input. */
const annaLocksSoon = { ...anna, user: { ...anna.user, lockAfterMinutes: 1 } };

const bed = setUpSessionBed([annaLocksSoon]);

/**
 * Whether a lock has started: it stops the engine at once, while the gate turns
 * 'locked' only after the device store was read, so the gate alone would still
 * say 'signedIn' for a lock already under way.
 */
function lockBegun(tab: Tab): boolean {
  return tab.engines.some((entry) => entry.stopped);
}

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('lock()', () => {
  it(
    'shows the lock screen, closes the database and stops the engine',
    async () => {
      const browser = new FakeBrowser().install();
      const tab = await openTab();
      await tab.manager.signIn(loginOf(annaLocksSoon));
      const { db, engine } = signedInSession(tab);
      await engine.syncNow();
      expect(db.isOpen()).toBe(true);

      await tab.manager.lock();

      expect(tab.manager.getGate()).toEqual({
        status: 'locked',
        user: annaLocksSoon.user,
        onlineLoginRequired: false,
      });
      expect(db.isOpen()).toBe(false);
      expect(tab.engines.map((entry) => entry.stopped)).toEqual([true]);
      // A stopped engine no longer follows the browser's connectivity.
      const pulls = bed.server.pullAuthorizations.length;
      browser.goOffline();
      browser.goOnline();
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(bed.server.pullAuthorizations).toHaveLength(pulls);
    },
    SLOW,
  );
});

describe('the search index', () => {
  /** anna signed in, her case "Familie Vertraulich" pulled and found by the search; the tab's search module with it. */
  async function signedInAndSearched() {
    const at = '2026-03-01T09:00:00.000Z';
    bed.server.syncServerOf(annaLocksSoon.user.id).seed(
      'case',
      recordSchemaOf.case.parse({
        id: crypto.randomUUID(),
        ...caseFields({ familyName: 'Familie Vertraulich' }),
        ...serverMeta(at, worker.userId),
      }),
    );
    const tab = await openTab();
    // The tab's own copy of the module (openTab loads fresh ones), which its session manager uses.
    const { searchIndexOf } = await import('../../src/db/search/search');
    await tab.manager.signIn(loginOf(annaLocksSoon));
    const { db, engine } = signedInSession(tab);
    await engine.syncNow();
    const index = searchIndexOf(db);
    await index.ready;
    expect(index.search('Vertraulich').map((result) => result.title)).toEqual(['Familie Vertraulich']);
    return { tab, index };
  }

  it(
    'forgets the decrypted text it held when the app locks',
    async () => {
      const { tab, index } = await signedInAndSearched();

      await tab.manager.lock();

      expect(index.size).toBe(0);
      expect(index.search('Vertraulich')).toEqual([]);
    },
    SLOW,
  );

  it(
    'forgets the decrypted text it held at logout',
    async () => {
      const { tab, index } = await signedInAndSearched();

      await tab.manager.signOut();

      expect(tab.manager.getGate().status).toBe('signedOut');
      expect(index.size).toBe(0);
      expect(index.search('Vertraulich')).toEqual([]);
    },
    SLOW,
  );
});

describe('inactivity', () => {
  it(
    'locks once the limit passed without input',
    async () => {
      vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'Date'] });
      const tab = await openTab();
      await tab.manager.signIn(loginOf(annaLocksSoon));
      const { db } = signedInSession(tab);

      vi.advanceTimersByTime(45_000);
      expect(lockBegun(tab)).toBe(false);
      vi.advanceTimersByTime(30_000);
      expect(lockBegun(tab)).toBe(true);

      await vi.waitFor(() => expect(tab.manager.getGate().status).toBe('locked'));
      expect(db.isOpen()).toBe(false);
    },
    SLOW,
  );

  it(
    'stays signed in while there is input, and locks a minute after the last',
    async () => {
      vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'Date'] });
      const tab = await openTab();
      await tab.manager.signIn(loginOf(annaLocksSoon));

      // Three minutes in all, three times the limit, never a minute without input.
      for (const type of ['pointerdown', 'keydown', 'input', 'wheel']) {
        vi.advanceTimersByTime(45_000);
        expect(lockBegun(tab)).toBe(false);
        tab.activity.dispatchEvent(new Event(type));
      }
      vi.advanceTimersByTime(45_000);
      expect(lockBegun(tab)).toBe(false);

      vi.advanceTimersByTime(30_000);
      expect(lockBegun(tab)).toBe(true);
      await vi.waitFor(() => expect(tab.manager.getGate().status).toBe('locked'));
    },
    SLOW,
  );
});
