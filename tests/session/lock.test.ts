// Locking on demand and after the team's limit without input: the key leaves memory with the database.
import { afterEach, describe, expect, it, vi } from 'vitest';
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
