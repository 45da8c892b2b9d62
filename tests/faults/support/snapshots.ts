// What a user may see, read two ways: from the server by a clean pull from
// cursor 0 (a fresh session, no proxy), and from a device's IndexedDB.
import { randomUUID } from 'node:crypto';
import type { Table } from 'dexie';
import { type FeldakteDb, tableOf } from '../../../src/db/infrastructure/schema';
import { SyncedEntity } from '../../../src/shared/records';
import { createApiClient } from '../../../src/sync';
import { DEMO_PASSWORD } from './device';
import { type AnyRecord, type RecordKey, recordKey } from './records';

export type Snapshot = Map<RecordKey, AnyRecord>;

export async function serverViewOf(serverUrl: string, username: string): Promise<Snapshot> {
  let token: string | null = null;
  const api = createApiClient({
    baseUrl: serverUrl,
    deviceId: `verifier-${randomUUID()}`,
    getToken: () => token,
  });
  token = (await api.login({ username, password: DEMO_PASSWORD })).token;
  const view: Snapshot = new Map();
  let cursor = '0';
  for (;;) {
    const batch = await api.pull({ cursor });
    for (const change of batch.changes) view.set(recordKey(change.entity, change.record.id), change.record);
    for (const removal of batch.removed) view.delete(recordKey(removal.entity, removal.id));
    if (!batch.hasMore) return view;
    cursor = batch.cursor;
  }
}

export async function deviceViewOf(db: FeldakteDb): Promise<Snapshot> {
  const view: Snapshot = new Map();
  for (const entity of SyncedEntity.options) {
    // An entity the device keeps no table for yet shows up as missing records in the comparison.
    const table: Table<AnyRecord, string> | undefined = tableOf(db, entity);
    if (!table) continue;
    for (const record of await table.toArray()) view.set(recordKey(entity, record.id), record);
  }
  return view;
}
