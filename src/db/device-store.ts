// Device-wide storage outside any user's database: which user is signed in on
// this device, and the device's own id (sent with every sync request).
import { Dexie, type Table } from 'dexie';
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

class DeviceDb extends Dexie {
  sessions!: Table<StoredSession, string>;
  device!: Table<DeviceEntry, string>;

  constructor() {
    super('feldakte-device');
    this.version(1).stores({ sessions: 'key', device: 'key' });
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
