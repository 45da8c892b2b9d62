// Scope changes lose nothing: a case (or record) leaving the device while changes
// of it still wait is dropped only after those changes went to the server; a
// refused one stays visible in the outbox with its data. A case coming into scope
// (substitution starts) arrives with its children and leaves with them.
import { describe, expect, it } from 'vitest';
import { createAppointment } from '../../src/db/appointments';
import { createCase } from '../../src/db/cases';
import { listConflicts } from '../../src/db/conflicts';
import { createNote, updateNote } from '../../src/db/notes';
import { listRejectedForCase } from '../../src/db/outbox';
import { FeldakteDb } from '../../src/db/schema';
import { createSubstitution } from '../../src/db/substitutions';
import type { CaseRecord } from '../../src/shared/records';
import { createSyncEngine } from '../../src/sync/engine';
import { applyPullBatch } from '../../src/sync/pull';
import { readDeferredRemovals } from '../../src/sync/sync-meta';
import {
  appointmentFields,
  caseFields,
  lead,
  noteFields,
  serverMeta,
  substitutionFields,
  worker,
} from '../db/support/fixtures';
import type { ProtocolHarness } from './support/protocol-harness';
import { setUpSyncBed } from './support/sync-bed';

let db: FeldakteDb;
let harness: ProtocolHarness;

setUpSyncBed((bed) => {
  db = bed.db;
  harness = bed.harness;
});

function engine(database: FeldakteDb = db) {
  return createSyncEngine({ db: database, api: harness.client() });
}

/** A case with a note, an appointment and a substitution, all synced. */
async function syncedCaseWithChildren() {
  const c = await createCase(db, worker, caseFields());
  const note = await createNote(db, worker, noteFields(c.id));
  await createAppointment(db, worker, appointmentFields(c.id));
  await createSubstitution(db, lead, substitutionFields(c.id));
  await engine().syncNow();
  return { c, note };
}

async function localCounts(caseId: string) {
  return {
    cases: await db.cases.where('id').equals(caseId).count(),
    notes: await db.notes.where('caseId').equals(caseId).count(),
    appointments: await db.appointments.where('caseId').equals(caseId).count(),
    substitutions: await db.substitutions.where('caseId').equals(caseId).count(),
  };
}

const none = { cases: 0, notes: 0, appointments: 0, substitutions: 0 };

/** While the run's pull is on its way (its push is done): the user writes, and the case is reassigned. */
function onceBeforePull(action: () => Promise<void>) {
  harness.beforePull = async () => {
    harness.beforePull = null;
    await action();
  };
}

describe('a case reassigned away', () => {
  it('pushes the edits written during the sync before the case leaves; refused ones stay visible', async () => {
    const { c, note } = await syncedCaseWithChildren();
    let newNoteId = '';
    onceBeforePull(async () => {
      await updateNote(db, worker, note.id, { text: 'noch schnell ergänzt' });
      newNoteId = (await createNote(db, worker, noteFields(c.id, { text: 'neue Notiz' }))).id;
      harness.server.revokeCase(c.id);
    });
    const sync = engine();

    await sync.syncNow();

    // Both edits reached the server, which refused them: the case is not the worker's any more.
    const sent = harness.pushRequests.flatMap((r) => r.mutations.map((m) => m.recordId));
    expect(sent.slice(-2)).toEqual([note.id, newNoteId]);
    expect(await localCounts(c.id)).toEqual(none);
    const rejected = await listRejectedForCase(db, c.id);
    expect(rejected.map((e) => [e.op, e.data.text, e.rejection?.httpStatus])).toEqual([
      ['update', 'noch schnell ergänzt', 403],
      ['create', 'neue Notiz', 403],
    ]);
    expect(sync.getState()).toMatchObject({ phase: 'idle', pendingCount: 0, rejectedCount: 2 });
    expect(await readDeferredRemovals(db)).toEqual([]);
    expect(await db.bases.count()).toBe(0);
  });

  it('stays, across a reload, while its edits cannot be pushed; leaves after the next push', async () => {
    const { c, note } = await syncedCaseWithChildren();
    onceBeforePull(async () => {
      await updateNote(db, worker, note.id, { text: 'wartet' });
      harness.server.revokeCase(c.id);
      harness.dropPushResponses = 1;
    });

    await engine().syncNow();

    expect(await localCounts(c.id)).toEqual({ cases: 1, notes: 1, appointments: 1, substitutions: 1 });
    expect(await db.notes.get(note.id)).toMatchObject({ text: 'wartet' });
    expect(await readDeferredRemovals(db)).toEqual([{ entity: 'case', id: c.id }]);

    const reopened = new FeldakteDb(db.name);
    try {
      const after = engine(reopened);
      await after.syncNow();
      expect(after.getState()).toMatchObject({ phase: 'idle', pendingCount: 0, rejectedCount: 1 });
      expect(await reopened.cases.get(c.id)).toBeUndefined();
      expect(await reopened.notes.get(note.id)).toBeUndefined();
      expect((await listRejectedForCase(reopened, c.id))[0]?.data).toEqual({ text: 'wartet' });
    } finally {
      reopened.close();
    }
  });
});

describe('a record deleted on the server while an edit of it waits', () => {
  it('is kept: the edit reaches the server, which keeps the record as a delete-vs-edit conflict', async () => {
    const { note } = await syncedCaseWithChildren();
    harness.server.remove('note', note.id);
    onceBeforePull(async () => {
      await updateNote(db, worker, note.id, { text: 'nicht verlieren' });
    });

    await engine().syncNow();

    expect(await db.notes.get(note.id)).toMatchObject({ text: 'nicht verlieren' });
    expect((await listConflicts(db)).map((v) => [v.recordId, v.isDeletion])).toEqual([[note.id, true]]);
    expect(await readDeferredRemovals(db)).toEqual([]);
  });
});

describe('a case coming into scope and leaving it (substitution)', () => {
  it('arrives with its children and leaves with them', async () => {
    const at = '2026-07-01T08:00:00.000Z';
    const meta = serverMeta(at, lead.userId);
    const c: CaseRecord = { ...caseFields({ assignedTo: lead.userId }), id: crypto.randomUUID(), ...meta };
    harness.server.seed('case', c);
    harness.server.seed('note', {
      ...noteFields(c.id),
      id: crypto.randomUUID(),
      authorId: lead.userId,
      reviewedBy: null,
      concernAcknowledgedBy: null,
      amendments: [],
      ...meta,
    });
    harness.server.seed('appointment', {
      ...appointmentFields(c.id),
      id: crypto.randomUUID(),
      workerId: lead.userId,
      ...meta,
    });
    harness.server.seed('substitution', {
      ...substitutionFields(c.id, { substituteId: worker.userId }),
      id: crypto.randomUUID(),
      ...meta,
    });
    harness.server.revokeCase(c.id);
    await engine().syncNow();
    expect(await localCounts(c.id)).toEqual(none);

    harness.server.grantCase(c.id);
    await engine().syncNow();
    expect(await localCounts(c.id)).toEqual({ cases: 1, notes: 1, appointments: 1, substitutions: 1 });

    harness.server.revokeCase(c.id);
    await engine().syncNow();
    expect(await localCounts(c.id)).toEqual(none);
  });

  it('a waiting removal is void when the case arrives again', async () => {
    const c = await createCase(db, worker, caseFields());
    const removal = {
      cursor: '1',
      hasMore: false,
      changes: [],
      removed: [{ entity: 'case' as const, id: c.id }],
    };
    await applyPullBatch(db, removal);
    expect(await readDeferredRemovals(db)).toEqual([{ entity: 'case', id: c.id }]);

    const record = { ...(await db.cases.get(c.id)), version: 1 } as CaseRecord;
    await applyPullBatch(db, {
      cursor: '2',
      hasMore: false,
      changes: [{ entity: 'case', record }],
      removed: [],
    });

    expect(await readDeferredRemovals(db)).toEqual([]);
  });
});
