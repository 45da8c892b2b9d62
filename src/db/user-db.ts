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

/** Deletes a user's local database (logout: the caller has pushed first or the user accepted the loss). */
export async function deleteUserDb(userId: string): Promise<void> {
  const name = userDbName(userId);
  if (current?.name === name) closeUserDb();
  await Dexie.delete(name);
}
