// The one open database instance: the signed-in user's own store on this device.
import { Dexie } from 'dexie';
import { FeldakteDb, userDbName } from './schema';

let current: FeldakteDb | null = null;
let currentKey: CryptoKey | null = null;

/**
 * Opens the user's database with their data key (see crypto/data-key.ts). The
 * same user's database is reused only while it is open with the same key.
 */
export function openUserDb(userId: string, dataKey: CryptoKey | null): FeldakteDb {
  const name = userDbName(userId);
  if (current?.name === name && currentKey === dataKey) return current;
  current?.close();
  currentKey = dataKey;
  current = new FeldakteDb(name, { dataKey });
  return current;
}

export function closeUserDb(): void {
  current?.close();
  current = null;
  currentKey = null;
}

/**
 * Wipes a user's local database (logout, device revocation). The caller decides
 * beforehand whether pending outbox entries may be lost.
 */
export async function deleteUserDb(userId: string): Promise<void> {
  const name = userDbName(userId);
  if (current?.name === name) closeUserDb();
  await Dexie.delete(name);
}
