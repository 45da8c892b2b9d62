// Leaving the device: a lead's revocation and the person's own logout both delete the local data.
import { Dexie } from 'dexie';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadAccount, loadActiveAccount, loadKeyring } from '../../src/db/infrastructure/device-store';
import { countPending } from '../../src/db/infrastructure/outbox';
import { userDbName } from '../../src/db/infrastructure/schema';
import { createCase } from '../../src/db/repositories/cases';
import { caseFields } from '../db/support/fixtures';
import {
  anna,
  loginOf,
  openTab,
  SLOW,
  setUpSessionBed,
  signedInSession,
  type Tab,
} from './support/session-bed';

const bed = setUpSessionBed([anna]);

afterEach(() => {
  vi.useRealTimers();
});

async function expectWiped(userId: string): Promise<void> {
  expect(await Dexie.exists(userDbName(userId))).toBe(false);
  expect(await loadAccount(userId)).toBeUndefined();
  expect(await loadKeyring(userId)).toBeUndefined();
  expect(await loadActiveAccount()).toBeUndefined();
}

/** anna signed in, one case written while the server was out of reach: it waits in the outbox. */
async function signedInWithPendingChange(): Promise<Tab> {
  const tab = await openTab();
  await tab.manager.signIn(loginOf(anna));
  const session = signedInSession(tab);
  await session.engine.syncNow();
  bed.server.offline = true;
  await createCase(session.db, session.actor, caseFields());
  await session.engine.syncNow();
  expect(await countPending(session.db)).toBe(1);
  bed.server.offline = false;
  return tab;
}

describe('revocation', () => {
  it(
    "wipes the user's data when a sync request is answered 'revoked', pending changes and all",
    async () => {
      const tab = await signedInWithPendingChange();
      const { db, engine } = signedInSession(tab);
      bed.server.revokedUsers.add(anna.user.id);

      await engine.syncNow();

      await vi.waitFor(() =>
        expect(tab.manager.getGate()).toEqual({ status: 'signedOut', notice: 'revoked' }),
      );
      expect(db.isOpen()).toBe(false);
      await expectWiped(anna.user.id);
    },
    SLOW,
  );

  it(
    "wipes the user's data when the refresh is answered 'revoked'",
    async () => {
      const tab = await signedInWithPendingChange();
      const { engine } = signedInSession(tab);
      bed.server.expireAccessTokens(anna.user.id);
      bed.server.refreshRevoked = true;

      await engine.syncNow();

      expect(bed.server.refreshCalls).toHaveLength(1);
      await vi.waitFor(() =>
        expect(tab.manager.getGate()).toEqual({ status: 'signedOut', notice: 'revoked' }),
      );
      await expectWiped(anna.user.id);
    },
    SLOW,
  );

  it(
    "wipes the local account of the username a login is refused 'revoked' for",
    async () => {
      const tab = await signedInWithPendingChange();
      await tab.manager.lock();
      await tab.manager.switchUser();
      bed.server.revokedUsers.add(anna.user.id);

      await expect(tab.manager.signIn(loginOf(anna))).rejects.toMatchObject({
        name: 'HttpError',
        status: 401,
      });

      expect(tab.manager.getGate().status).toBe('signedOut');
      await expectWiped(anna.user.id);
    },
    SLOW,
  );

  it(
    'a locked device the lead revoked wipes the accounts of that team as soon as it is online, without an unlock',
    async () => {
      const tab = await signedInWithPendingChange();
      await tab.manager.lock();
      bed.server.teamsRevokingDevice = [anna.user.teamId];

      // The next start (the phone found and opened) asks before showing the lock screen for long.
      const found = await openTab();
      await vi.waitFor(() =>
        expect(found.manager.getGate()).toEqual({ status: 'signedOut', notice: 'revoked' }),
      );
      await expectWiped(anna.user.id);
      expect(bed.server.revocationChecks.length).toBeGreaterThan(0);
      expect(bed.server.revocationChecks.every((deviceId) => deviceId !== null)).toBe(true);
    },
    SLOW,
  );

  it(
    "a revocation by another team leaves this team's locked account alone",
    async () => {
      const tab = await signedInWithPendingChange();
      await tab.manager.lock();
      bed.server.teamsRevokingDevice = ['00000000-0000-4000-8000-0000000000ff'];

      const reopened = await openTab();
      await vi.waitFor(() => expect(bed.server.revocationChecks.length).toBeGreaterThan(0));
      // The answer is handled after the request: give a wrong wipe the time to happen.
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(reopened.manager.getGate()).toMatchObject({ status: 'locked', user: { id: anna.user.id } });
      expect(await loadAccount(anna.user.id)).toBeDefined();
      expect(await Dexie.exists(userDbName(anna.user.id))).toBe(true);
    },
    SLOW,
  );
});

describe('signOut()', () => {
  it(
    'ends the session on the server with the Bearer token, then deletes database, account and keyring',
    async () => {
      const tab = await openTab();
      await tab.manager.signIn(loginOf(anna));
      const { db } = signedInSession(tab);

      await tab.manager.signOut();

      expect(bed.server.logouts).toEqual([`Bearer ${bed.server.latestFor(anna.user.id).token}`]);
      expect(tab.manager.getGate()).toEqual({ status: 'signedOut', notice: 'signedOut' });
      expect(db.isOpen()).toBe(false);
      await expectWiped(anna.user.id);
    },
    SLOW,
  );

  it(
    'wipes offline too, without waiting for the server',
    async () => {
      const tab = await signedInWithPendingChange();
      bed.server.offline = true;

      await tab.manager.signOut();

      expect(bed.server.logouts).toEqual([]);
      expect(tab.manager.getGate()).toEqual({ status: 'signedOut', notice: 'signedOut' });
      await expectWiped(anna.user.id);
    },
    SLOW,
  );

  it(
    'waits five seconds for a server that never answers, then wipes anyway',
    async () => {
      // The API client's own limit lies far beyond: only the logout's limit can end the wait.
      const tab = await openTab({ apiTimeoutMs: 10 * 60_000 });
      await tab.manager.signIn(loginOf(anna));
      bed.server.logoutHangs = true;
      vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
      let settled = false;
      const signingOut = tab.manager.signOut().finally(() => {
        settled = true;
      });
      // setImmediate is left real: polling with it does not move the faked clock.
      while (bed.server.logouts.length === 0) await new Promise((resolve) => setImmediate(resolve));

      await vi.advanceTimersByTimeAsync(4_999);
      expect(settled).toBe(false);
      expect(tab.manager.getGate().status).toBe('signedIn');

      await vi.advanceTimersByTimeAsync(1);
      vi.useRealTimers();
      await settlesWithin(signingOut, 10_000);
      expect(tab.manager.getGate()).toEqual({ status: 'signedOut', notice: 'signedOut' });
      await expectWiped(anna.user.id);
    },
    SLOW,
  );
});

/** Fails the test with a message instead of waiting for the test's own time limit. */
async function settlesWithin(promise: Promise<unknown>, ms: number): Promise<void> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`not settled within ${ms} ms`)), ms);
  });
  try {
    await Promise.race([promise, deadline]);
  } finally {
    clearTimeout(timer);
  }
}
