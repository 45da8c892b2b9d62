// One simulated device: its own IndexedDB database (fake-indexeddb), its own
// device id, its own API client (through the fault proxy) and the app's real
// sync engine on top. It writes through the app's local repositories, exactly
// as the UI does.

import { randomUUID } from 'node:crypto';
import { generateDataKey } from '../../../src/crypto/data-key';
import type { Actor } from '../../../src/db/infrastructure/local-write';
import { FeldakteDb } from '../../../src/db/infrastructure/schema';
import type { SessionUser } from '../../../src/shared/protocol';
import { createApiClient, createSyncEngine, type SyncEngine, type SyncState } from '../../../src/sync';

export const DEMO_PASSWORD = 'feldakte-demo';

export interface SimulatedDevice {
  /** Who and what, for messages: "anna-phone". */
  label: string;
  deviceId: string;
  user: SessionUser;
  actor: Actor;
  db: FeldakteDb;
  /** One sync run of the engine (push, then pull); its outcome as the engine reports it. */
  sync(): Promise<SyncState>;
  countPending(): Promise<number>;
  dispose(): Promise<void>;
}

export interface DeviceOptions {
  label: string;
  username: string;
  /** Where the device's requests go: the fault proxy. */
  baseUrl: string;
}

export async function openDevice(options: DeviceOptions): Promise<SimulatedDevice> {
  const deviceId = randomUUID();
  let token: string | null = null;
  const api = createApiClient({ baseUrl: options.baseUrl, deviceId, getToken: () => token });
  const session = await api.login({ username: options.username, password: DEMO_PASSWORD });
  token = session.token;

  // A unique name: the suite runs once per database in one process, on one fake IndexedDB.
  const db = new FeldakteDb(`feldakte-faults-${options.label}-${deviceId}`, {
    dataKey: await generateDataKey(),
  });
  await db.open();
  // Timers stay off (start() is never called): the test decides when a device syncs.
  const engine: SyncEngine = createSyncEngine({ db, api });

  return {
    label: options.label,
    deviceId,
    user: session.user,
    actor: { userId: session.user.id, teamId: session.user.teamId },
    db,
    async sync() {
      await engine.syncNow();
      return engine.getState();
    },
    countPending: () => db.outbox.where('status').equals('pending').count(),
    async dispose() {
      engine.stop();
      await db.delete();
    },
  };
}
