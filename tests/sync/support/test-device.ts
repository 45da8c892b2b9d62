// One device of the signed-in user: its own database and client, syncing against
// the shared in-memory server. Two of them play phone and tablet of one worker.
import type { FeldakteDb } from '../../../src/db/infrastructure/schema';
import type { ApiClient } from '../../../src/sync/api-client';
import { pullChanges } from '../../../src/sync/pull';
import { pushOutbox } from '../../../src/sync/push';
import { freshDb } from '../../db/support/fixtures';
import { type ProtocolHarness, VALID_TOKEN } from './protocol-harness';

export interface TestDevice {
  readonly deviceId: string;
  readonly db: FeldakteDb;
  readonly api: ApiClient;
  push(): Promise<unknown>;
  pull(): Promise<unknown>;
  /** Push, then pull, as one engine run does. */
  sync(): Promise<void>;
}

export function testDevice(harness: ProtocolHarness, deviceId: string): TestDevice {
  const db = freshDb();
  const api = harness.client(() => VALID_TOKEN, deviceId);
  return {
    deviceId,
    db,
    api,
    push: () => pushOutbox(db, api),
    pull: () => pullChanges(db, api),
    async sync() {
      await pushOutbox(db, api);
      await pullChanges(db, api);
    },
  };
}
