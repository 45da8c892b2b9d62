// A tablet two people use, and a password changed on another device.
import { describe, expect, it } from 'vitest';
import { countPending } from '../../src/db/infrastructure/outbox';
import { FeldakteDb, userDbName } from '../../src/db/infrastructure/schema';
import { dataKeyFor } from '../../src/db/infrastructure/user-db';
import { createCase, getCase } from '../../src/db/repositories/cases';
import { caseFields } from '../db/support/fixtures';
import { anna, ben, loginOf, openTab, SLOW, setUpSessionBed, signedInSession } from './support/session-bed';

const bed = setUpSessionBed([anna, ben]);

describe('shared device', () => {
  it(
    "keeps one encrypted store per person; anna's key is not ben's, and she gets back in offline",
    async () => {
      const tab = await openTab();
      await tab.manager.signIn(loginOf(anna));
      const annas = signedInSession(tab);
      await annas.engine.syncNow();
      bed.server.offline = true;
      const annasCase = await createCase(annas.db, annas.actor, caseFields({ familyName: 'Familie Anna' }));
      await tab.manager.lock();
      await tab.manager.switchUser();
      expect(tab.manager.getGate()).toEqual({ status: 'signedOut', notice: null });

      bed.server.offline = false;
      await tab.manager.signIn(loginOf(ben));
      const bens = signedInSession(tab);
      expect(bens.user.id).toBe(ben.user.id);
      expect(bens.db.name).toBe(userDbName(ben.user.id));
      const bensCase = await createCase(bens.db, bens.actor, caseFields({ familyName: 'Familie Ben' }));
      expect((await bens.db.cases.toArray()).map((row) => row.id)).toEqual([bensCase.id]);

      const bensKey = await dataKeyFor(ben.user.id, ben.password);
      const annasDbWithBensKey = new FeldakteDb(userDbName(anna.user.id), {
        dataKey: bensKey,
        sealPlaintext: false,
      });
      await expect(annasDbWithBensKey.cases.toArray()).rejects.toMatchObject({ name: 'UnsealError' });
      annasDbWithBensKey.close();

      await tab.manager.lock();
      await tab.manager.switchUser();
      // The login page, offline: anna has an account here, so her password unlocks it.
      bed.server.offline = true;
      await tab.manager.signIn(loginOf(anna));

      const back = signedInSession(tab);
      expect(back.user.id).toBe(anna.user.id);
      expect((await getCase(back.db, annasCase.id))?.familyName).toBe('Familie Anna');
      expect(await countPending(back.db)).toBe(1);
      expect(await back.db.cases.get(bensCase.id)).toBeUndefined();
    },
    SLOW,
  );
});

describe('password changed elsewhere', () => {
  it(
    'keeps the data with the previous password, after which the new one unlocks offline',
    async () => {
      bed.server.setPassword(anna.user.username, 'altes Passwort');
      const tab = await openTab();
      await tab.manager.signIn(loginOf(anna, 'altes Passwort'));
      const before = signedInSession(tab);
      const created = await createCase(before.db, before.actor, caseFields({ familyName: 'Familie Weber' }));
      await tab.manager.lock();
      await tab.manager.switchUser();
      bed.server.setPassword(anna.user.username, 'neues Passwort');

      const changed = await tab.manager
        .signIn(loginOf(anna, 'neues Passwort'))
        .catch((error: unknown) => error);
      expect(changed).toMatchObject({ name: 'PasswordChangedError', newPassword: 'neues Passwort' });
      type Changed = Parameters<typeof tab.manager.finishPasswordChange>[0];

      await expect(tab.manager.finishPasswordChange(changed as Changed, 'geraten')).rejects.toMatchObject({
        name: 'WrongPasswordError',
      });
      await tab.manager.finishPasswordChange(changed as Changed, 'altes Passwort');

      expect((await getCase(signedInSession(tab).db, created.id))?.familyName).toBe('Familie Weber');
      await tab.manager.lock();
      bed.server.offline = true;
      await tab.manager.unlock('neues Passwort');
      expect((await getCase(signedInSession(tab).db, created.id))?.familyName).toBe('Familie Weber');
    },
    SLOW,
  );

  it(
    'lets the local data go and opens an empty database with the new password',
    async () => {
      bed.server.setPassword(anna.user.username, 'altes Passwort');
      const tab = await openTab();
      await tab.manager.signIn(loginOf(anna, 'altes Passwort'));
      const before = signedInSession(tab);
      await createCase(before.db, before.actor, caseFields());
      await tab.manager.lock();
      await tab.manager.switchUser();
      bed.server.setPassword(anna.user.username, 'neues Passwort');

      const changed = await tab.manager
        .signIn(loginOf(anna, 'neues Passwort'))
        .catch((error: unknown) => error);
      expect(changed).toMatchObject({ name: 'PasswordChangedError' });
      await tab.manager.finishPasswordChange(
        changed as Parameters<typeof tab.manager.finishPasswordChange>[0],
        null,
      );

      const session = signedInSession(tab);
      expect(session.user.id).toBe(anna.user.id);
      expect(await session.db.cases.count()).toBe(0);
      expect(await session.db.outbox.count()).toBe(0);
    },
    SLOW,
  );
});
