// The other ways in besides the login: the set-up of an empty installation and an
// invitation (or reset) code. Each ends exactly like an online login on this
// device: a keyring made from the chosen password, sealed tokens, the lock screen
// after a reload that opens offline with that password.
import { describe, expect, it } from 'vitest';
import { loadAccount, loadKeyring } from '../../src/db/infrastructure/device-store';
import { createCase, getCase } from '../../src/db/repositories/cases';
import { caseFields } from '../db/support/fixtures';
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

const ADMIN = {
  ...anna.user,
  id: '99999999-9999-4999-8999-999999999999',
  role: 'admin' as const,
  administers: true,
};

const SETUP = {
  setupCode: 'ABCD2345',
  organisationName: 'Jugendhilfe Nord e. V.',
  teamName: 'Team Mitte',
  displayName: 'Ada Admin',
  username: 'ada',
  password: 'ein langes Passwort',
};

describe('set-up of an empty installation', () => {
  it('says whether it is needed, and false offline', async () => {
    const tab = await openTab();
    expect(await tab.manager.setupNeeded()).toBe(false);

    bed.server.awaitSetup(SETUP.setupCode, ADMIN);
    expect(await tab.manager.setupNeeded()).toBe(true);

    bed.server.offline = true;
    expect(await tab.manager.setupNeeded()).toBe(false);
  });

  it(
    'signs the first person in like a login, and the chosen password unlocks offline after a reload',
    async () => {
      bed.server.awaitSetup(SETUP.setupCode, ADMIN);
      const tab = await openTab();

      await tab.manager.setUp(SETUP);

      expect(bed.server.setups).toEqual([{ ...SETUP, refresh: true }]);
      const session = signedInSession(tab);
      expect(session.user).toMatchObject({ id: ADMIN.id, username: 'ada', role: 'admin' });
      expect(await loadKeyring(ADMIN.id)).toBeDefined();
      expect(await loadAccount(ADMIN.id)).toMatchObject({ userId: ADMIN.id, failedUnlocks: 0 });
      const created = await createCase(session.db, session.actor, caseFields({ familyName: 'Familie Ode' }));
      closeAllTabs();

      bed.server.offline = true;
      const reloaded = await openTab();
      expect(reloaded.manager.getGate()).toMatchObject({ status: 'locked', onlineLoginRequired: false });
      await reloaded.manager.unlock(SETUP.password);
      expect((await getCase(signedInSession(reloaded).db, created.id))?.familyName).toBe('Familie Ode');
    },
    SLOW,
  );

  it('stays signed out when the server refuses the code', async () => {
    bed.server.awaitSetup(SETUP.setupCode, ADMIN);
    const tab = await openTab();

    await expect(tab.manager.setUp({ ...SETUP, setupCode: 'FALSCH99' })).rejects.toMatchObject({
      name: 'HttpError',
      status: 400,
    });

    expect(tab.manager.getGate()).toEqual({ status: 'signedOut', notice: null });
    expect(await loadAccount(ADMIN.id)).toBeUndefined();
  });
});

describe('an invitation code', () => {
  it(
    'sets the password and signs in; the new password then unlocks offline and logs in online',
    async () => {
      bed.server.issueCode('anna', 'EINLADUNG7');
      const tab = await openTab();

      await tab.manager.redeemCode({
        username: 'anna',
        code: 'EINLADUNG7',
        password: 'Annas neues Passwort',
      });

      expect(bed.server.redemptions).toEqual([
        { username: 'anna', code: 'EINLADUNG7', password: 'Annas neues Passwort', refresh: true },
      ]);
      expect(signedInSession(tab).user.id).toBe(anna.user.id);
      await tab.manager.lock();

      bed.server.offline = true;
      await expect(tab.manager.unlock(anna.password)).rejects.toMatchObject({
        name: 'WrongUnlockPasswordError',
      });
      await tab.manager.unlock('Annas neues Passwort');
      expect(signedInSession(tab).user.id).toBe(anna.user.id);

      await tab.manager.signOut();
      bed.server.offline = false;
      await tab.manager.signIn(loginOf(anna, 'Annas neues Passwort'));
      expect(signedInSession(tab).user.id).toBe(anna.user.id);
    },
    SLOW,
  );

  it(
    'after a reset on a device that still holds the old key: the same choice as a password changed elsewhere',
    async () => {
      const tab = await openTab();
      await tab.manager.signIn(loginOf(anna));
      const before = signedInSession(tab);
      const created = await createCase(before.db, before.actor, caseFields({ familyName: 'Familie Berg' }));
      await tab.manager.lock();
      await tab.manager.switchUser();

      bed.server.issueCode('anna', 'RESET1234');
      const failure = await tab.manager
        .redeemCode({ username: 'anna', code: 'RESET1234', password: 'Annas zweites Passwort' })
        .catch((error: unknown) => error);

      expect(failure).toMatchObject({ name: 'PasswordChangedError' });
      await tab.manager.finishPasswordChange(
        failure as Parameters<typeof tab.manager.finishPasswordChange>[0],
        anna.password,
      );
      const session = signedInSession(tab);
      expect((await getCase(session.db, created.id))?.familyName).toBe('Familie Berg');
    },
    SLOW,
  );

  it('refuses a wrong code without signing in, and a revoked person is told so', async () => {
    bed.server.issueCode('anna', 'EINLADUNG7');
    const tab = await openTab();

    await expect(
      tab.manager.redeemCode({ username: 'anna', code: 'FALSCH', password: 'Annas neues Passwort' }),
    ).rejects.toMatchObject({ name: 'HttpError', status: 401 });
    expect(tab.manager.getGate()).toEqual({ status: 'signedOut', notice: null });

    bed.server.revokedUsers.add(anna.user.id);
    await expect(
      tab.manager.redeemCode({ username: 'anna', code: 'EINLADUNG7', password: 'Annas neues Passwort' }),
    ).rejects.toMatchObject({ status: 401, body: { error: { code: 'revoked' } } });
    expect(await loadAccount(anna.user.id)).toBeUndefined();
  });
});
