// A device that last ran the app with schema v1 and still has changes waiting:
// the upgrade to the current schema must keep every one of them, unchanged, and
// the next sync must deliver them.

import { Dexie } from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SEALED_PROPERTY } from '../../../src/db/infrastructure/encryption/middleware';
import { FeldakteDb } from '../../../src/db/infrastructure/schema';
import { createSyncEngine } from '../../../src/sync/engine';
import { ProtocolHarness, startMswForThisFile } from '../../sync/support/protocol-harness';
import { caseFields, noteFields, testDataKey, worker } from '../support/fixtures';
import { beforeV3, STORES_V1, V3_DEFAULTS } from '../support/older-records';
import { plaintextsFound, readRawStores } from '../support/raw-idb';

startMswForThisFile();

const at = '2026-03-01T08:00:00.000Z';
const syncedCaseId = crypto.randomUUID();
const newCaseId = crypto.randomUUID();
const newNoteId = crypto.randomUUID();

/** Records as v1 stored them: no conflicts, no amendments, none of the fields added in v3. */
const syncedCaseV1 = {
  ...beforeV3('case', caseFields({ familyName: 'Familie Alt', phone: 'geändert, wartet' })),
  id: syncedCaseId,
  teamId: worker.teamId,
  version: 2,
  createdAt: at,
  updatedAt: at,
  updatedBy: worker.userId,
};
const newCaseV1 = {
  ...syncedCaseV1,
  ...beforeV3('case', caseFields({ familyName: 'Familie Neu' })),
  id: newCaseId,
  version: 0,
};
const newNoteV1 = {
  ...beforeV3('note', noteFields(newCaseId)),
  id: newNoteId,
  teamId: worker.teamId,
  authorId: worker.userId,
  reviewedBy: null,
  version: 0,
  createdAt: at,
  updatedAt: at,
  updatedBy: worker.userId,
};

function entry(n: number, fields: Record<string, unknown>) {
  return {
    id: `0000000${n}-0000-4000-8000-000000000000`,
    clientTime: `2026-03-01T08:0${n}:00.000Z`,
    status: 'pending',
    rejection: null,
    ...fields,
  };
}

const outboxV1 = [
  entry(1, {
    entity: 'case',
    op: 'update',
    recordId: syncedCaseId,
    baseVersion: 2,
    data: { phone: 'geändert, wartet' },
  }),
  entry(2, {
    entity: 'case',
    op: 'create',
    recordId: newCaseId,
    baseVersion: null,
    data: beforeV3('case', caseFields({ familyName: 'Familie Neu' })),
  }),
  entry(3, {
    entity: 'note',
    op: 'update',
    recordId: crypto.randomUUID(),
    baseVersion: 1,
    data: { text: 'abgelehnt' },
    status: 'rejected',
    rejection: { code: 'not_found', httpStatus: 404, message: 'unbekannt', field: null, at },
  }),
  entry(4, {
    entity: 'note',
    op: 'create',
    recordId: newNoteId,
    baseVersion: null,
    data: beforeV3('note', noteFields(newCaseId)),
  }),
];

let name: string;
let harness: ProtocolHarness;

beforeEach(async () => {
  name = `upgrade-${crypto.randomUUID()}`;
  harness = new ProtocolHarness();
  harness.install();
  harness.server.seed('case', {
    ...caseFields({ familyName: 'Familie Alt' }),
    ...syncedCaseV1,
    phone: '05622 1234',
    conflicts: [],
  });

  const v1 = new Dexie(name);
  v1.version(1).stores(STORES_V1);
  await v1.table('cases').bulkPut([syncedCaseV1, newCaseV1]);
  await v1.table('notes').put(newNoteV1);
  await v1.table('outbox').bulkAdd(outboxV1);
  await v1.table('meta').put({ key: 'sync.pullCursor', value: '0' });
  v1.close();
});

afterEach(async () => {
  await Dexie.delete(name);
});

describe('schema upgrade from v1', () => {
  it('keeps every outbox entry unchanged and gives old records the fields the protocol now needs', async () => {
    const db = new FeldakteDb(name, { dataKey: testDataKey });
    await db.open();
    try {
      // Upgraded through every version the schema declares, up to the newest (3).
      // Through every version on to the latest.
      expect(db.verno).toBeGreaterThanOrEqual(3);
      const entries = await db.outbox.orderBy('seq').toArray();
      expect(entries).toEqual(outboxV1.map((e, i) => ({ ...e, seq: i + 1 })));

      expect(await db.cases.get(syncedCaseId)).toEqual({
        ...syncedCaseV1,
        conflicts: [],
        ...V3_DEFAULTS.case,
      });
      expect(await db.notes.get(newNoteId)).toEqual({
        ...newNoteV1,
        conflicts: [],
        amendments: [],
        ...V3_DEFAULTS.note,
      });
      expect(await db.substitutions.count()).toBe(0);
    } finally {
      db.close();
    }
  });

  it('seals every row the old database held in the clear', async () => {
    const secrets = [syncedCaseV1.familyName, syncedCaseV1.address, newNoteV1.text] as string[];
    expect((await plaintextsFound(name, secrets)).length).toBeGreaterThanOrEqual(secrets.length);
    const db = new FeldakteDb(name, { dataKey: testDataKey });
    await db.open();
    try {
      for (const [store, values] of Object.entries(await readRawStores(name))) {
        for (const value of values) expect(Object.keys(value as object), store).toContain(SEALED_PROPERTY);
      }
      expect(await plaintextsFound(name, secrets)).toEqual([]);
      expect(await db.cases.get(syncedCaseId)).toMatchObject({ familyName: syncedCaseV1.familyName });
      expect(await db.outbox.count()).toBe(outboxV1.length);
    } finally {
      db.close();
    }
  });

  it('syncs the waiting changes after the upgrade', async () => {
    const db = new FeldakteDb(name, { dataKey: testDataKey });
    try {
      const engine = createSyncEngine({ db, api: harness.client() });

      await engine.syncNow();

      expect(engine.getState()).toMatchObject({ phase: 'idle', pendingCount: 0, rejectedCount: 1 });
      const sent = harness.pushRequests.flatMap((r) => r.mutations.map((m) => m.id));
      expect(sent).toEqual([outboxV1[0]?.id, outboxV1[1]?.id, outboxV1[3]?.id]);
      expect(harness.server.records.get(syncedCaseId)?.record).toMatchObject({
        version: 3,
        phone: 'geändert, wartet',
      });
      expect(harness.server.records.get(newCaseId)?.record).toMatchObject({ familyName: 'Familie Neu' });
      // The server fills in the defaults of fields the queued v1 entries do not name.
      expect(harness.server.records.get(newNoteId)?.record).toMatchObject({
        caseId: newCaseId,
        ...V3_DEFAULTS.note,
      });
      expect(await db.outbox.toArray()).toEqual([
        expect.objectContaining({ id: outboxV1[2]?.id, status: 'rejected' }),
      ]);
      expect(await db.cases.get(syncedCaseId)).toMatchObject({ version: 3, phone: 'geändert, wartet' });
      expect(await db.notes.get(newNoteId)).toMatchObject({ version: 1 });
    } finally {
      db.close();
    }
  });
});
