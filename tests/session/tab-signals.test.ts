// Two tabs of the same person: locking or leaving in one takes the other along.
import { Dexie } from 'dexie';
import { describe, expect, it, vi } from 'vitest';
import { userDbName } from '../../src/db/infrastructure/schema';
import {
  anna,
  loginOf,
  openTab,
  SLOW,
  setUpSessionBed,
  signedInSession,
  type Tab,
} from './support/session-bed';

setUpSessionBed([anna]);

/** anna signed in in one tab, and unlocked in a second one. */
async function twoTabs(): Promise<[Tab, Tab]> {
  const first = await openTab();
  await first.manager.signIn(loginOf(anna));
  const second = await openTab();
  expect(second.manager.getGate().status).toBe('locked');
  await second.manager.unlock(anna.password);
  return [first, second];
}

describe('tab signals', () => {
  it(
    'lock() in one tab locks the other',
    async () => {
      const [first, second] = await twoTabs();
      const { db } = signedInSession(second);

      await first.manager.lock();

      await vi.waitFor(() =>
        expect(second.manager.getGate()).toEqual({
          status: 'locked',
          user: anna.user,
          onlineLoginRequired: false,
        }),
      );
      expect(db.isOpen()).toBe(false);
      expect(second.engines.every((entry) => entry.stopped)).toBe(true);
    },
    SLOW,
  );

  it(
    'signOut() in one tab leaves the other signed out',
    async () => {
      const [first, second] = await twoTabs();
      const { db } = signedInSession(second);

      await first.manager.signOut();

      await vi.waitFor(() => expect(second.manager.getGate().status).toBe('signedOut'));
      expect(db.isOpen()).toBe(false);
      expect(await Dexie.exists(userDbName(anna.user.id))).toBe(false);
    },
    SLOW,
  );

  // A tab on the lock screen of an account another tab wiped would otherwise ask for a
  // password that can no longer open anything.
  it(
    'signOut() in one tab also takes a tab along that shows the lock screen of that account',
    async () => {
      const first = await openTab();
      await first.manager.signIn(loginOf(anna));
      const locked = await openTab();
      expect(locked.manager.getGate()).toMatchObject({ status: 'locked', user: { id: anna.user.id } });

      await first.manager.signOut();

      await vi.waitFor(
        () => expect(locked.manager.getGate()).toEqual({ status: 'signedOut', notice: 'signedOut' }),
        {
          timeout: 2_000,
        },
      );
    },
    SLOW,
  );
});
