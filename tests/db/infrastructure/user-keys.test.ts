// The user's data key on this device: made at the first login, unwrapped with the
// password after that, gone with the user's local data.
import { Dexie } from 'dexie';
import { describe, expect, it } from 'vitest';
import { WrongPasswordError } from '../../../src/crypto/data-key';
import { loadKeyring } from '../../../src/db/infrastructure/device-store';
import { userDbName } from '../../../src/db/infrastructure/schema';
import { closeUserDb, dataKeyFor, openUserDb, rewrapDataKey } from '../../../src/db/infrastructure/user-db';
import { createCase } from '../../../src/db/repositories/cases';
import { wipeAccount } from '../../../src/session/account-access';
import { caseFields, worker } from '../support/fixtures';
import { plaintextsFound } from '../support/raw-idb';

// PBKDF2 with 600,000 iterations takes a few hundred milliseconds per unlock.
const SLOW = 60_000;

describe("a user's data key", () => {
  it(
    'is made at the first login, opens the same data after a restart, and only with the password',
    async () => {
      const userId = crypto.randomUUID();
      const firstKey = await dataKeyFor(userId, 'erstes Passwort');
      const keyring = await loadKeyring(userId);
      expect(keyring?.iterations).toBeGreaterThanOrEqual(600_000);

      const db = openUserDb(userId, firstKey);
      const c = await createCase(db, worker, caseFields({ familyName: 'Familie Nowak-Schulte' }));
      closeUserDb();
      expect(await plaintextsFound(db.name, ['Familie Nowak-Schulte'])).toEqual([]);

      // A restart: the key is gone from memory; the password brings it back.
      await expect(dataKeyFor(userId, 'falsch')).rejects.toBeInstanceOf(WrongPasswordError);
      const reopened = openUserDb(userId, await dataKeyFor(userId, 'erstes Passwort'));
      expect(await reopened.cases.get(c.id)).toMatchObject({ familyName: 'Familie Nowak-Schulte' });

      // A password change re-wraps the same key.
      await rewrapDataKey(userId, 'erstes Passwort', 'zweites Passwort');
      await expect(dataKeyFor(userId, 'erstes Passwort')).rejects.toBeInstanceOf(WrongPasswordError);
      const afterChange = openUserDb(userId, await dataKeyFor(userId, 'zweites Passwort'));
      expect(afterChange).not.toBe(reopened);
      expect(await afterChange.cases.get(c.id)).toMatchObject({ familyName: 'Familie Nowak-Schulte' });

      // Logout or revocation deletes the keyring with the data.
      await wipeAccount(userId);
      expect(await loadKeyring(userId)).toBeUndefined();
      expect(await Dexie.exists(userDbName(userId))).toBe(false);
    },
    SLOW,
  );
});
