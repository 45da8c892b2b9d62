// The one open database instance: the signed-in user's own store on this device.
import { Dexie } from 'dexie';
import { createKeyring, rewrapKeyring, unlockKeyring } from '../../crypto/data-key';
import { loadKeyring, saveKeyring } from './device-store';
import { FeldakteDb, userDbName } from './schema';

let current: FeldakteDb | null = null;
let currentKey: CryptoKey | null = null;

/**
 * Opens the user's database with their data key (see crypto/data-key.ts). The
 * same user's database is reused only while it is open with the same key.
 */
export function openUserDb(
  userId: string,
  dataKey: CryptoKey | null,
  options: { sealPlaintext?: boolean } = {},
): FeldakteDb {
  const name = userDbName(userId);
  if (current?.name === name && currentKey === dataKey) return current;
  current?.close();
  currentKey = dataKey;
  current = new FeldakteDb(name, { dataKey, ...options });
  return current;
}

export function closeUserDb(): void {
  current?.close();
  current = null;
  currentKey = null;
}

/**
 * Deletes a user's local database (logout, revocation). The caller decides
 * beforehand whether pending outbox entries may be lost, and forgets the
 * account and its keyring (device-store.ts deleteAccount).
 */
export async function deleteUserDb(userId: string): Promise<void> {
  const name = userDbName(userId);
  if (current?.name === name) closeUserDb();
  await Dexie.delete(name);
}

/**
 * The user's data key from their password (login or unlock, online or offline):
 * the first time on this device a new random key is made and its keyring stored;
 * after that the stored keyring is unwrapped. A wrong password throws
 * WrongPasswordError (crypto/data-key.ts).
 */
export async function dataKeyFor(userId: string, password: string): Promise<CryptoKey> {
  const keyring = await loadKeyring(userId);
  if (keyring) return unlockKeyring(keyring, password);
  const created = await createKeyring(password);
  await saveKeyring(userId, created.keyring);
  return created.dataKey;
}

/**
 * After the user changed their password: the same data key, wrapped by the new
 * one. `beforeSave` runs once the new keyring is made and before it is stored
 * (the server's own change): a wrong old password (WrongPasswordError) stops
 * before it, and its failure leaves the stored keyring as it was.
 */
export async function rewrapDataKey(
  userId: string,
  oldPassword: string,
  newPassword: string,
  beforeSave?: () => Promise<void>,
): Promise<void> {
  const keyring = await loadKeyring(userId);
  const rewrapped = keyring && (await rewrapKeyring(keyring, oldPassword, newPassword));
  await beforeSave?.();
  if (rewrapped) await saveKeyring(userId, rewrapped);
}
