// Device-wide storage outside any user's database: the accounts that use this
// device (a shared tablet has several), which of them was active last, the
// device's own id (sent with every sync request), and each user's keyring
// (their data key, wrapped by their password: useless without it).
//
// What is readable here without a password is only what the lock screen needs:
// who the account is (name, team, role) and the team's lock setting. The
// session tokens are sealed with the user's data key, so a copied device store
// cannot talk to the server either.
import { Dexie, type Table } from 'dexie';
import type { Keyring } from '../../crypto/data-key';
import type { Sealed } from '../../crypto/sealed';
import type { SessionUser } from '../../shared/protocol';

/** One user who signed in on this device and did not sign out. */
export interface StoredAccount {
  userId: string;
  user: SessionUser;
  /** The access and refresh token, sealed with the user's data key; null until an online login. */
  tokens: Sealed | null;
  /** Wrong passwords on the lock screen since the last successful unlock. */
  failedUnlocks: number;
  /** The database's rows written before it was encrypted have all been sealed (encryption.ts). */
  plaintextSealed: boolean;
}

/** What the app before encryption stored: one session with the token in the clear. */
interface LegacySession {
  key: 'current';
  token: string;
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
  accounts!: Table<StoredAccount, string>;
  device!: Table<DeviceEntry, string>;
  keyrings!: Table<StoredKeyring, string>;

  constructor() {
    super('feldakte-device');
    this.version(1).stores({ sessions: 'key', device: 'key' });
    this.version(2).stores({ keyrings: 'userId' });
    // The clear-text session becomes an account without tokens: its user unlocks once online,
    // which proves the password before a keyring is made from it. The token itself is dropped.
    this.version(3)
      .stores({ accounts: 'userId', sessions: null })
      .upgrade(async (tx) => {
        const legacy = (await tx.table('sessions').get('current')) as LegacySession | undefined;
        if (!legacy) return;
        const account: StoredAccount = {
          userId: legacy.user.id,
          user: legacy.user,
          tokens: null,
          failedUnlocks: 0,
          plaintextSealed: false,
        };
        await tx.table('accounts').put(account);
        await tx.table('device').put({ key: ACTIVE_USER, value: legacy.user.id });
      });
  }
}

const ACTIVE_USER = 'activeUser';

const deviceDb = new DeviceDb();

export async function loadAccount(userId: string): Promise<StoredAccount | undefined> {
  return deviceDb.accounts.get(userId);
}

export async function findAccountByUsername(username: string): Promise<StoredAccount | undefined> {
  const wanted = username.trim().toLowerCase();
  return (await deviceDb.accounts.toArray()).find(
    (account) => account.user.username.toLowerCase() === wanted,
  );
}

/** Stores the account and makes it the one the app opens with next time. */
export async function saveActiveAccount(account: StoredAccount): Promise<void> {
  await deviceDb.transaction('rw', deviceDb.accounts, deviceDb.device, async () => {
    await deviceDb.accounts.put(account);
    await deviceDb.device.put({ key: ACTIVE_USER, value: account.userId });
  });
}

export async function updateAccount(
  userId: string,
  changes: Partial<Omit<StoredAccount, 'userId'>>,
): Promise<void> {
  await deviceDb.accounts.update(userId, changes);
}

/** The account the app opens with (the lock screen's), if any. */
export async function loadActiveAccount(): Promise<StoredAccount | undefined> {
  const active = await deviceDb.device.get(ACTIVE_USER);
  return active ? deviceDb.accounts.get(active.value) : undefined;
}

/** Another person signs in on a shared device: the active account stays stored, locked. */
export async function clearActiveAccount(): Promise<void> {
  await deviceDb.device.delete(ACTIVE_USER);
}

/** Forgets the account and its keyring (logout, revocation). */
export async function deleteAccount(userId: string): Promise<void> {
  await deviceDb.transaction('rw', deviceDb.accounts, deviceDb.device, deviceDb.keyrings, async () => {
    await deviceDb.accounts.delete(userId);
    await deviceDb.keyrings.delete(userId);
    const active = await deviceDb.device.get(ACTIVE_USER);
    if (active?.value === userId) await deviceDb.device.delete(ACTIVE_USER);
  });
}

/** Every account on this device (a revoked device wipes those of the revoking team). */
export function listAccounts(): Promise<StoredAccount[]> {
  return deviceDb.accounts.toArray();
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
