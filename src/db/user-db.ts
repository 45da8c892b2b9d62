// The one open database instance: the signed-in user's own store on this device.
import { Dexie } from 'dexie';
import { FeldakteDb, userDbName } from './schema';

let current: FeldakteDb | null = null;

export function openUserDb(userId: string): FeldakteDb {
  const name = userDbName(userId);
  if (current?.name === name) return current;
  current?.close();
  current = new FeldakteDb(name);
  return current;
}

export function closeUserDb(): void {
  current?.close();
  current = null;
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
