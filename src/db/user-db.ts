// The one open database instance: the signed-in user's own store on this device.
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
