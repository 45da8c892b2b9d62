// "Passwort ändern": the server takes the new password, and this device's data
// key is wrapped by it (the same key: the records stay readable), so the offline
// unlock takes the new password and no longer the old one.
import { describe, expect, it } from 'vitest';
import { loadAccount, loadKeyring } from '../../src/db/infrastructure/device-store';
import { createCase, getCase } from '../../src/db/repositories/cases';
import { caseFields } from '../db/support/fixtures';
import { anna, closeAllTabs, openTab, SLOW, setUpSessionBed, signedInSession } from './support/session-bed';

const bed = setUpSessionBed([anna]);
const NEW_PASSWORD = 'Annas neues Passwort 3';

describe('changing the password', () => {
  it(
    're-wraps the same data key: after a reload offline only the new password unlocks',
    async () => {
      const tab = await openTab();
      await tab.manager.signIn({ username: 'anna', password: anna.password });
      const before = signedInSession(tab);
      const created = await createCase(before.db, before.actor, caseFields({ familyName: 'Familie Roth' }));
      const oldKeyring = await loadKeyring(anna.user.id);

      await tab.manager.changePassword({ currentPassword: anna.password, newPassword: NEW_PASSWORD });

      expect(bed.server.passwordOf('anna')).toBe(NEW_PASSWORD);
      const newKeyring = await loadKeyring(anna.user.id);
      expect(newKeyring?.salt).not.toEqual(oldKeyring?.salt);
      // Still signed in, with the same records.
      expect(signedInSession(tab).user.id).toBe(anna.user.id);
      closeAllTabs();

      bed.server.offline = true;
      const reloaded = await openTab();
      await expect(reloaded.manager.unlock(anna.password)).rejects.toMatchObject({
        name: 'WrongUnlockPasswordError',
      });
      await reloaded.manager.unlock(NEW_PASSWORD);
      const session = signedInSession(reloaded);
      expect((await getCase(session.db, created.id))?.familyName).toBe('Familie Roth');
      expect((await loadAccount(anna.user.id))?.failedUnlocks).toBe(0);
    },
    SLOW,
  );

  it(
    'refuses a wrong current password before asking the server, and keeps the old key',
    async () => {
      const tab = await openTab();
      await tab.manager.signIn({ username: 'anna', password: anna.password });
      const keyring = await loadKeyring(anna.user.id);

      await expect(
        tab.manager.changePassword({ currentPassword: 'nicht das Passwort', newPassword: NEW_PASSWORD }),
      ).rejects.toMatchObject({ name: 'WrongPasswordError' });

      expect(bed.server.passwordChanges).toEqual([]);
      expect(await loadKeyring(anna.user.id)).toEqual(keyring);
    },
    SLOW,
  );

  it(
    'keeps the old key when the server refuses (offline), so the old password still unlocks',
    async () => {
      const tab = await openTab();
      await tab.manager.signIn({ username: 'anna', password: anna.password });
      bed.server.offline = true;

      await expect(
        tab.manager.changePassword({ currentPassword: anna.password, newPassword: NEW_PASSWORD }),
      ).rejects.toMatchObject({ name: 'NetworkError' });

      await tab.manager.lock();
      await tab.manager.unlock(anna.password);
      expect(signedInSession(tab).user.id).toBe(anna.user.id);
      expect(bed.server.passwordOf('anna')).toBe(anna.password);
    },
    SLOW,
  );
});
