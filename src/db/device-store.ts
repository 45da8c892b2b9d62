// Device-wide storage outside any user's database: which user is signed in on
// this device, the device's own id (sent with every sync request), and each
// user's keyring (their data key, wrapped by their password: useless without it).
import { Dexie, type Table } from 'dexie';
import type { Keyring } from '../crypto/data-key';
import type { SessionUser } from '../shared/protocol';

export interface StoredSession {
  key: 'current';
  token: string;
  expiresAt: string;
  user: SessionUser;
}

interface DeviceEntry {
  key: string;
  value: string;
}

interface StoredKeyring {
  userId: string;
  keyring: Keyring;
}

class DeviceDb extends Dexie {
  sessions!: Table<StoredSession, string>;
  device!: Table<DeviceEntry, string>;
  keyrings!: Table<StoredKeyring, string>;

  constructor() {
    super('feldakte-device');
    this.version(1).stores({ sessions: 'key', device: 'key' });
    this.version(2).stores({ keyrings: 'userId' });
  }
}

const deviceDb = new DeviceDb();

export async function loadSession(): Promise<StoredSession | undefined> {
  return deviceDb.sessions.get('current');
}

export async function saveSession(session: Omit<StoredSession, 'key'>): Promise<void> {
  await deviceDb.sessions.put({ key: 'current', ...session });
}

export async function clearSession(): Promise<void> {
  await deviceDb.sessions.delete('current');
}

/** A stable random id for this browser profile, made once. */
export async function getDeviceId(): Promise<string> {
  return deviceDb.transaction('rw', deviceDb.device, async () => {
    const existing = await deviceDb.device.get('deviceId');
    if (existing) return existing.value;
    const deviceId = crypto.randomUUID();
    await deviceDb.device.put({ key: 'deviceId', value: deviceId });
    return deviceId;
  });
}

/** The user's keyring on this device, if they ever signed in here. */
export async function loadKeyring(userId: string): Promise<Keyring | undefined> {
  return (await deviceDb.keyrings.get(userId))?.keyring;
}

export async function saveKeyring(userId: string, keyring: Keyring): Promise<void> {
  await deviceDb.keyrings.put({ userId, keyring });
}

export async function deleteKeyring(userId: string): Promise<void> {
  await deviceDb.keyrings.delete(userId);
}
