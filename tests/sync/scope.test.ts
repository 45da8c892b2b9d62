// Scope changes lose nothing: a case (or record) leaving the device while changes
// of it still wait is dropped only after those changes went to the server; a
// refused one stays visible in the outbox with its data. A case coming into scope
// (substitution starts) arrives with its children and leaves with them. Goals,
// comments and drafts of notes go with their case.
import { describe, expect, it } from 'vitest';
import { createLocal, updateLocal } from '../../src/db/infrastructure/local-write';
import { listRejected } from '../../src/db/infrastructure/outbox';
import { FeldakteDb } from '../../src/db/infrastructure/schema';
import { createAppointment } from '../../src/db/repositories/appointments';
import { createCase } from '../../src/db/repositories/cases';
import { createNote, updateNote } from '../../src/db/repositories/notes';
import { createSubstitution } from '../../src/db/repositories/substitutions';
import type { CaseRecord } from '../../src/shared/records';
import { createSyncEngine } from '../../src/sync/engine';
import { applyPullBatch } from '../../src/sync/pull';
import { readDeferredRemovals } from '../../src/sync/sync-meta';
import { listConflictViews } from '../db/support/conflicts';
import {
  appointmentFields,
  caseFields,
  commentFields,
  goalFields,
  lead,
  noteFields,
  serverMeta,
  substitutionFields,
  testDataKey,
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

/** A case with a note, an appointment, a substitution, a goal and a comment, all synced, and a note draft. */
async function syncedCaseWithChildren() {
  const c = await createCase(db, worker, caseFields());
  const note = await createNote(db, worker, noteFields(c.id));
  await createAppointment(db, worker, appointmentFields(c.id));
  await createSubstitution(db, lead, substitutionFields(c.id));
  const goal = await createLocal(db, 'goal', worker, goalFields(c.id), { teamId: worker.teamId });
  await createLocal(db, 'comment', worker, commentFields(c.id, note.id), {
    teamId: worker.teamId,
    authorId: worker.userId,
  });
  await putDraft(c.id);
  await engine().syncNow();
  return { c, note, goal };
}

/** An unsaved new-note form of the case (drafts are local only). */
function putDraft(caseId: string) {
  return db.drafts.put({
    key: `note:new:${caseId}`,
    caseId,
    values: { text: 'halb geschrieben' },
    updatedAt: '2026-07-02T10:00:00.000Z',
  });
}

async function localCounts(caseId: string, database: FeldakteDb = db) {
  const ofCase = (table: 'notes' | 'appointments' | 'substitutions' | 'goals' | 'comments' | 'drafts') =>
    database[table].where('caseId').equals(caseId).count();
  return {
    cases: await database.cases.where('id').equals(caseId).count(),
    notes: await ofCase('notes'),
    appointments: await ofCase('appointments'),
    substitutions: await ofCase('substitutions'),
    goals: await ofCase('goals'),
    comments: await ofCase('comments'),
    drafts: await ofCase('drafts'),
  };
}

/** The refused changes of a case, as the sync screen lists refused changes. */
async function rejectedOfCase(database: FeldakteDb, caseId: string) {
  return (await listRejected(database)).filter((entry) => entry.caseId === caseId);
}

const none = { cases: 0, notes: 0, appointments: 0, substitutions: 0, goals: 0, comments: 0, drafts: 0 };
const all = { cases: 1, notes: 1, appointments: 1, substitutions: 1, goals: 1, comments: 1, drafts: 1 };

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
    const rejected = await rejectedOfCase(db, c.id);
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

    expect(await localCounts(c.id)).toEqual(all);
    expect(await db.notes.get(note.id)).toMatchObject({ text: 'wartet' });
    expect(await readDeferredRemovals(db)).toEqual([{ entity: 'case', id: c.id }]);

    const reopened = new FeldakteDb(db.name, { dataKey: testDataKey });
    try {
      const after = engine(reopened);
      await after.syncNow();
      expect(after.getState()).toMatchObject({ phase: 'idle', pendingCount: 0, rejectedCount: 1 });
      expect(await reopened.cases.get(c.id)).toBeUndefined();
      expect(await localCounts(c.id, reopened)).toEqual(none);
      expect((await rejectedOfCase(reopened, c.id))[0]?.data).toEqual({ text: 'wartet' });
    } finally {
      reopened.close();
    }
  });
});

describe('a case reassigned away while a goal edit waits', () => {
  it('keeps the case with its goal until the edit went to the server', async () => {
    const { c, goal } = await syncedCaseWithChildren();
    onceBeforePull(async () => {
      await updateLocal(db, 'goal', worker, goal.id, { status: 'achieved' });
      harness.server.revokeCase(c.id);
      harness.dropPushResponses = 1;
    });

    await engine().syncNow();

    expect(await localCounts(c.id)).toEqual(all);
    expect(await db.goals.get(goal.id)).toMatchObject({ status: 'achieved' });

    await engine().syncNow();

    expect(await localCounts(c.id)).toEqual(none);
    expect((await rejectedOfCase(db, c.id)).map((e) => [e.entity, e.data])).toEqual([
      ['goal', { status: 'achieved' }],
    ]);
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
    expect((await listConflictViews(db)).map((v) => [v.recordId, v.isDeletion])).toEqual([[note.id, true]]);
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
    harness.server.seed('goal', { ...goalFields(c.id), id: crypto.randomUUID(), ...meta });
    const noteId = harness.server.recordsOf('note')[0]?.id ?? '';
    harness.server.seed('comment', {
      ...commentFields(c.id, noteId),
      id: crypto.randomUUID(),
      authorId: lead.userId,
      ...meta,
    });
    harness.server.revokeCase(c.id);
    await engine().syncNow();
    expect(await localCounts(c.id)).toEqual(none);

    harness.server.grantCase(c.id);
    await engine().syncNow();
    await putDraft(c.id);
    expect(await localCounts(c.id)).toEqual(all);

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
