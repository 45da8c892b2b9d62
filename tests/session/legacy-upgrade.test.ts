// A device that ran the app from before encryption: its clear-text session becomes a locked account without tokens.
import { Dexie } from 'dexie';
import { describe, expect, it } from 'vitest';
import { loadKeyring } from '../../src/db/infrastructure/device-store';
import { plaintextsFound, readRawStores } from '../db/support/raw-idb';
import { anna, openTab, setUpSessionBed, signedInSession } from './support/session-bed';

const LEGACY_TOKEN = 'legacy-klartext-token-0123456789abcdef';

const bed = setUpSessionBed([anna]);

/** The device store as the app before encryption left it (versions 1-2, written before device-store opens it). */
async function writeLegacyDeviceStore(): Promise<void> {
  const legacy = new Dexie('feldakte-device');
  legacy.version(1).stores({ sessions: 'key', device: 'key' });
  legacy.version(2).stores({ keyrings: 'userId' });
  // The older app's user had no lock setting yet.
  const { lockAfterMinutes: _, ...olderUser } = anna.user;
  await legacy.table('sessions').put({
    key: 'current',
    token: LEGACY_TOKEN,
    expiresAt: '2026-05-01T08:00:00.000Z',
    user: olderUser,
  });
  legacy.close();
}

describe('device store v2 -> v3', () => {
  it('starts locked with an online login required and the clear-text token gone; the login makes a keyring', async () => {
    await writeLegacyDeviceStore();

    const tab = await openTab();

    expect(tab.manager.getGate()).toMatchObject({
      status: 'locked',
      user: { id: anna.user.id, username: anna.user.username },
      onlineLoginRequired: true,
    });
    expect(Object.keys(await readRawStores('feldakte-device'))).not.toContain('sessions');
    expect(await plaintextsFound('feldakte-device', [LEGACY_TOKEN])).toEqual([]);

    // Offline nothing can prove the password yet.
    bed.server.offline = true;
    await expect(tab.manager.unlock(anna.password)).rejects.toMatchObject({ name: 'NetworkError' });

    bed.server.offline = false;
    await tab.manager.unlock(anna.password);

    expect(bed.server.logins).toEqual([
      { username: anna.user.username, password: anna.password, refresh: true },
    ]);
    expect(signedInSession(tab).user).toEqual(anna.user);
    expect(await loadKeyring(anna.user.id)).toBeDefined();
  }, 60_000);
});
