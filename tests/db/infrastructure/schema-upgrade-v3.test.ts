// A device that last ran the app with schema v2 and still has
// changes waiting: the upgrade to v3 keeps every outbox entry exactly as it was
// (the server applies the new fields' defaults to them), gives the old records
// and the server copies kept under them (bases) the new fields' defaults, and the
// next sync delivers the waiting changes.
import { Dexie } from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FeldakteDb } from '../../../src/db/infrastructure/schema';
import { createSyncEngine } from '../../../src/sync/engine';
import { ProtocolHarness, startMswForThisFile } from '../../sync/support/protocol-harness';
import { refuse } from '../../sync/support/server-mutations';
import {
  appointmentFields,
  caseFields,
  noteFields,
  preConsultationFields,
  serverMeta,
  substitutionFields,
  testDataKey,
  worker,
} from '../support/fixtures';
import { beforeV3, STORES_V1, STORES_V2, V3_DEFAULTS } from '../support/older-records';

startMswForThisFile();

const at = '2026-03-01T08:00:00.000Z';
const caseId = crypto.randomUUID();
const syncedNoteId = crypto.randomUUID();
const newNoteId = crypto.randomUUID();
const appointmentId = crypto.randomUUID();
const preConsultationId = crypto.randomUUID();
const substitutionId = crypto.randomUUID();

/** Records as the server holds them today (v3 fields included). */
const serverCase = { ...caseFields(), id: caseId, ...serverMeta(at, worker.userId) };
const serverNote = {
  ...noteFields(caseId),
  id: syncedNoteId,
  authorId: worker.userId,
  reviewedBy: null,
  concernAcknowledgedBy: null,
  amendments: [],
  ...serverMeta(at, worker.userId),
};

/** The same records as v2 stored them, with the local edits that wait for the server. */
const caseV2 = { ...beforeV3('case', serverCase), phone: '0561 999' };
const syncedNoteV2 = { ...beforeV3('note', serverNote), text: 'ergänzt, wartet' };
const newNoteV2 = {
  ...beforeV3('note', serverNote),
  id: newNoteId,
  text: 'offline geschrieben',
  version: 0,
};
const appointmentV2 = {
  ...appointmentFields(caseId),
  id: appointmentId,
  workerId: worker.userId,
  ...serverMeta(at, worker.userId),
};
const preConsultationV2 = {
  ...beforeV3('preConsultation', preConsultationFields()),
  id: preConsultationId,
  workerId: worker.userId,
  ...serverMeta(at, worker.userId),
};
const substitutionV2 = {
  ...substitutionFields(caseId),
  id: substitutionId,
  ...serverMeta(at, worker.userId),
};
/** The server copies under the records with waiting changes, as v2 kept them. */
const basesV2 = [
  { id: caseId, entity: 'case', record: beforeV3('case', serverCase) },
  { id: syncedNoteId, entity: 'note', record: beforeV3('note', serverNote) },
];

type EntryV2 = Record<string, unknown> & { id: string; status: string; data: unknown };

function entry(n: number, fields: Record<string, unknown>): EntryV2 {
  return {
    data: {},
    id: `0000000${n}-0000-4000-8000-000000000000`,
    clientTime: `2026-03-01T08:0${n}:00.000Z`,
    status: 'pending',
    rejection: null,
    caseId,
    ...fields,
  };
}

const outboxV2 = [
  entry(1, { entity: 'case', op: 'update', recordId: caseId, baseVersion: 1, data: { phone: '0561 999' } }),
  entry(2, {
    entity: 'note',
    op: 'update',
    recordId: syncedNoteId,
    baseVersion: 1,
    data: { text: 'ergänzt, wartet' },
  }),
  entry(3, {
    entity: 'note',
    op: 'create',
    recordId: newNoteId,
    baseVersion: null,
    data: beforeV3('note', noteFields(caseId, { text: 'offline geschrieben' })),
  }),
  entry(4, {
    entity: 'appointment',
    op: 'update',
    recordId: crypto.randomUUID(),
    baseVersion: 1,
    data: { place: 'abgelehnt' },
    status: 'rejected',
    rejection: { code: 'not_found', httpStatus: 404, message: 'unbekannt', field: null, at },
  }),
  entry(5, {
    entity: 'preConsultation',
    op: 'update',
    recordId: preConsultationId,
    baseVersion: 1,
    data: { advice: 'nachgetragen' },
    caseId: null,
  }),
];

let name: string;
let harness: ProtocolHarness;

beforeEach(async () => {
  name = `upgrade-v2-${crypto.randomUUID()}`;
  harness = new ProtocolHarness();
  harness.install();
  harness.server.seed('case', serverCase);
  harness.server.seed('note', serverNote);
  harness.server.seed('preConsultation', { ...preConsultationFields(), ...preConsultationV2, conflicts: [] });

  const v2 = new Dexie(name);
  v2.version(1).stores(STORES_V1);
  v2.version(2).stores(STORES_V2);
  await v2.table('cases').put(caseV2);
  await v2.table('notes').bulkPut([syncedNoteV2, newNoteV2]);
  await v2.table('appointments').put(appointmentV2);
  await v2.table('preConsultations').put(preConsultationV2);
  await v2.table('substitutions').put(substitutionV2);
  await v2.table('bases').bulkPut(basesV2);
  await v2.table('outbox').bulkAdd(outboxV2);
  // The device had pulled the server's records (the three seeded above) before the update.
  await v2.table('meta').put({ key: 'sync.pullCursor', value: '3' });
  v2.close();
});

afterEach(async () => {
  await Dexie.delete(name);
});

describe('schema upgrade from v2 to v3', () => {
  it('keeps every outbox entry as it was and gives old records and bases the new defaults', async () => {
    const db = new FeldakteDb(name, { dataKey: testDataKey });
    await db.open();
    try {
      // Through v3 on to the latest version.
      expect(db.verno).toBeGreaterThanOrEqual(3);
      expect(await db.outbox.orderBy('seq').toArray()).toEqual(
        outboxV2.map((e, i) => ({ ...e, seq: i + 1 })),
      );

      expect(await db.cases.get(caseId)).toEqual({ ...caseV2, ...V3_DEFAULTS.case });
      expect(await db.notes.get(syncedNoteId)).toEqual({ ...syncedNoteV2, ...V3_DEFAULTS.note });
      expect(await db.notes.get(newNoteId)).toEqual({ ...newNoteV2, ...V3_DEFAULTS.note });
      expect(await db.preConsultations.get(preConsultationId)).toEqual({
        ...preConsultationV2,
        ...V3_DEFAULTS.preConsultation,
      });
      // Entities without new fields stay exactly as they were.
      expect(await db.appointments.get(appointmentId)).toEqual(appointmentV2);
      expect(await db.substitutions.get(substitutionId)).toEqual(substitutionV2);

      expect(await db.bases.get(caseId)).toEqual({
        ...basesV2[0],
        record: { ...basesV2[0]?.record, ...V3_DEFAULTS.case },
      });
      expect(await db.bases.get(syncedNoteId)).toEqual({
        ...basesV2[1],
        record: { ...basesV2[1]?.record, ...V3_DEFAULTS.note },
      });

      // Defaults are copies: filling one record's list must not touch another's.
      const notes = await db.notes.toArray();
      expect(notes.map((n) => n.goalIds)).toEqual([[], []]);
      expect(
        await Promise.all([db.goals, db.comments, db.partners, db.drafts].map((t) => t.count())),
      ).toEqual([0, 0, 0, 0]);
      expect(await db.notes.where('appointmentId').equals(appointmentId).count()).toBe(0);
    } finally {
      db.close();
    }
  });

  it('sends the waiting entries unchanged; a rejected one puts back a base that has the new fields', async () => {
    harness.server.rejectIf = (mutation) =>
      mutation.recordId === syncedNoteId ? refuse('forbidden', 403, 'geprüft').rejected : null;
    const db = new FeldakteDb(name, { dataKey: testDataKey });
    try {
      const engine = createSyncEngine({ db, api: harness.client() });

      await engine.syncNow();

      expect(engine.getState()).toMatchObject({ phase: 'idle', pendingCount: 0, rejectedCount: 2 });
      const sent = harness.pushRequests.flatMap((r) => r.mutations);
      const pending = outboxV2.filter((e) => e.status === 'pending');
      expect(sent.map((m) => [m.id, m.data])).toEqual(pending.map((e) => [e.id, e.data]));
      // The server filled in the defaults of what the queued v2 create did not name.
      expect(harness.server.records.get(newNoteId)?.record).toMatchObject({
        text: 'offline geschrieben',
        ...V3_DEFAULTS.note,
      });
      expect(await db.notes.get(newNoteId)).toMatchObject({ version: 1, ...V3_DEFAULTS.note });
      expect(await db.cases.get(caseId)).toMatchObject({ phone: '0561 999', ...V3_DEFAULTS.case });
      // The refused edit is taken back: the note is the server's copy again, new fields included.
      expect(await db.notes.get(syncedNoteId)).toEqual({ ...serverNote });
    } finally {
      db.close();
    }
  });
});
