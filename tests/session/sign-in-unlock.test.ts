// Online sign-in, the lock screen after a reload, and the limit of wrong offline passwords.
import { describe, expect, it } from 'vitest';
import { loadAccount, loadKeyring } from '../../src/db/infrastructure/device-store';
import { userDbName } from '../../src/db/infrastructure/schema';
import { createCase, getCase } from '../../src/db/repositories/cases';
import { caseFields } from '../db/support/fixtures';
import { plaintextsFound } from '../db/support/raw-idb';
import {
  anna,
  closeAllTabs,
  loginOf,
  openTab,
  SLOW,
  setUpSessionBed,
  signedInSession,
} from './support/session-bed';

const bed = setUpSessionBed([anna]);

describe('online sign-in', () => {
  it(
    'asks for a refresh token, keeps the tokens only sealed, makes a keyring and encrypts the records',
    async () => {
      const tab = await openTab();
      expect(tab.manager.getGate()).toEqual({ status: 'signedOut', notice: null });

      await tab.manager.signIn(loginOf(anna));

      expect(bed.server.logins).toEqual([{ ...loginOf(anna), refresh: true }]);
      const session = signedInSession(tab);
      expect(session.user.id).toBe(anna.user.id);
      const issued = bed.server.latestFor(anna.user.id);
      const account = await loadAccount(anna.user.id);
      expect(account).toMatchObject({ userId: anna.user.id, failedUnlocks: 0 });
      expect(account?.tokens).not.toBeNull();
      expect(await loadKeyring(anna.user.id)).toBeDefined();
      expect(await plaintextsFound('feldakte-device', [issued.token, issued.refreshToken])).toEqual([]);

      const created = await createCase(
        session.db,
        session.actor,
        caseFields({ familyName: 'Familie Lindqvist' }),
      );
      expect((await getCase(session.db, created.id))?.familyName).toBe('Familie Lindqvist');
      expect(await plaintextsFound(userDbName(anna.user.id), ['Familie Lindqvist'])).toEqual([]);
    },
    SLOW,
  );
});

describe('lock screen after a reload', () => {
  it(
    'starts locked and opens the same records offline with the right password',
    async () => {
      const first = await openTab();
      await first.manager.signIn(loginOf(anna));
      const before = signedInSession(first);
      const created = await createCase(before.db, before.actor, caseFields({ familyName: 'Familie Aydin' }));
      closeAllTabs();

      bed.server.offline = true;
      const reloaded = await openTab();
      expect(reloaded.manager.getGate()).toEqual({
        status: 'locked',
        user: anna.user,
        onlineLoginRequired: false,
      });

      await reloaded.manager.unlock(anna.password);

      const session = signedInSession(reloaded);
      expect(session.user.id).toBe(anna.user.id);
      expect((await getCase(session.db, created.id))?.familyName).toBe('Familie Aydin');
    },
    SLOW,
  );
});

describe('wrong passwords on the lock screen', () => {
  it(
    'counts down across reloads, then needs the server, which then unlocks and resets the count',
    async () => {
      const first = await openTab();
      await first.manager.signIn(loginOf(anna));
      const created = await createCase(signedInSession(first).db, signedInSession(first).actor, caseFields());
      await first.manager.lock();
      bed.server.offline = true;

      await expect(first.manager.unlock('falsch 1')).rejects.toMatchObject({
        name: 'WrongUnlockPasswordError',
        attemptsLeft: 4,
      });
      await expect(first.manager.unlock('falsch 2')).rejects.toMatchObject({
        name: 'WrongUnlockPasswordError',
        attemptsLeft: 3,
      });
      expect(first.manager.getGate()).toMatchObject({ status: 'locked', onlineLoginRequired: false });
      closeAllTabs();

      // A reload does not give the tries back.
      const reloaded = await openTab();
      expect((await loadAccount(anna.user.id))?.failedUnlocks).toBe(2);
      await expect(reloaded.manager.unlock('falsch 3')).rejects.toMatchObject({ attemptsLeft: 2 });
      await expect(reloaded.manager.unlock('falsch 4')).rejects.toMatchObject({ attemptsLeft: 1 });
      await expect(reloaded.manager.unlock('falsch 5')).rejects.toMatchObject({
        name: 'OnlineLoginRequiredError',
      });
      expect(reloaded.manager.getGate()).toEqual({
        status: 'locked',
        user: anna.user,
        onlineLoginRequired: true,
      });

      // Offline even the right password is not taken: only the server may confirm it now.
      await expect(reloaded.manager.unlock(anna.password)).rejects.toMatchObject({ name: 'NetworkError' });
      expect(reloaded.manager.getGate()).toMatchObject({ status: 'locked', onlineLoginRequired: true });
      expect(bed.server.logins).toHaveLength(1);

      bed.server.offline = false;
      await reloaded.manager.unlock(anna.password);

      expect(bed.server.logins).toHaveLength(2);
      const session = signedInSession(reloaded);
      expect(await getCase(session.db, created.id)).toBeDefined();
      expect((await loadAccount(anna.user.id))?.failedUnlocks).toBe(0);
    },
    SLOW,
  );
});
