// Retention end to end: when the deletion date of a closed case or of a
// pre-consultation that became no case has passed, the server erases it, and the
// erasure reaches every device of the team in its next sync - the real sync engine
// on the real encrypted Dexie database (fake-indexeddb) against the real server,
// on PGlite and on the PostgreSQL at DATABASE_URL.
//
// Seeded through the push protocol from the devices of a worker (Anna) and the
// lead (Lea); a third device of Anna's (the tablet) edits the case offline and only
// comes back after the erasure. The deletion dates are made to pass by running the
// server's retention service with a clock moved past them (no sleeping).
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { updateLocal } from '../../src/db/infrastructure/local-write';
import { type FeldakteDb, tableOf } from '../../src/db/infrastructure/schema';
import { createAppointment } from '../../src/db/repositories/appointments';
import { createCase, getCase, updateCase } from '../../src/db/repositories/cases';
import { createComment, listCommentsForNote } from '../../src/db/repositories/comments';
import { draftKeys, saveDraft } from '../../src/db/repositories/drafts';
import { createGoal, listGoalsForCase } from '../../src/db/repositories/goals';
import { createNote, listNotesForCase, updateNote } from '../../src/db/repositories/notes';
import { createPreConsultation, listPreConsultations } from '../../src/db/repositories/pre-consultations';
import { listFilteredReviewQueue } from '../../src/db/repositories/review';
import { closeSearchIndex, searchIndexOf, searchLocal } from '../../src/db/search/search';
import {
  caseDeletionDate,
  createRetention,
  DEFAULT_RETENTION,
  deletionDate,
} from '../../src/server/services/retention';
import type { RunningServer } from '../../src/server/start';
import type { CaseRecord, MutableEntity, NoteRecord } from '../../src/shared/records';
import { openDevice, type SimulatedDevice } from './support/device';
import { localCopiesOf } from './support/local-holdings';
import { serverTargets } from './support/server-targets';

const HOUR = 60 * 60 * 1000;

/** Words that occur only in the seeded records, so search and the audit dump can look for them. */
const ERASED_FAMILY = 'Quastenbrink';
const ERASED_NOTE_TEXTS = [
  'Hausbesuch bei Familie Quastenbrink, Gespräch über die Flaschenpost-Sammlung.',
  'Telefonat mit Frau Quastenbrink wegen Kesselflicker-Termin beim Jugendamt.',
];
const ERASED_COMMENT = 'Bitte die Absprache zum Kesselflicker-Termin nachtragen.';
const ERASED_GOAL = 'Leuchtturmwärter-Ausbildung für Jonas beginnen';
const ERASED_PLACE = 'Mühlenweg 7, Schilfbrück';
const PRE_CONTACT = 'Frau Wendelgard Ottersbach';
const PRE_CONCERN = 'Sorgen um die Nachtruhe der Zwillinge Ottersbach';
const DRAFT_TEXT = 'Entwurf: Flaschenpost-Sammlung ansprechen';
const TABLET_TEXTS = {
  note: 'Nachtrag vom Tablet: Zauberwald-Ausflug besprochen.',
  newNote: 'Neue Notiz vom Tablet zum Zauberwald-Ausflug.',
  phone: '0170 5550199',
  advice: 'Rat vom Tablet: Zauberwald-Beratungsstelle.',
};
const KEPT_FAMILY = 'Sommerfeldt';
const KEPT_NOTE_TEXT = 'Erstgespräch mit Familie Sommerfeldt über die Pflegschaft.';

const today = () => new Date().toISOString().slice(0, 10);

interface Seeded {
  erasedCase: CaseRecord;
  notes: NoteRecord[];
  appointmentId: string;
  goalId: string;
  commentId: string;
  preConsultationId: string;
  keptCase: CaseRecord;
  keptNoteId: string;
}

/** The records the erasure of the case takes (the case and everything hanging off it). */
function caseRecords(s: Seeded): { entity: MutableEntity; id: string }[] {
  return [
    { entity: 'case', id: s.erasedCase.id },
    ...s.notes.map((note) => ({ entity: 'note' as const, id: note.id })),
    { entity: 'appointment', id: s.appointmentId },
    { entity: 'goal', id: s.goalId },
    { entity: 'comment', id: s.commentId },
  ];
}

async function syncOk(device: SimulatedDevice): Promise<void> {
  const state = await device.sync();
  expect(state.lastError, `${device.label}: ${state.lastError?.message}`).toBeNull();
  expect(state.phase, device.label).toBe('idle');
}

async function holds(db: FeldakteDb, entity: MutableEntity, id: string): Promise<boolean> {
  return (await tableOf(db, entity).get(id)) !== undefined;
}

/** Ids among the search results for `query`, once the device's live index has taken in the latest writes. */
async function searchSettles(
  db: FeldakteDb,
  query: string,
  expected: (ids: string[]) => boolean,
): Promise<string[]> {
  let ids: string[] = [];
  await vi.waitFor(async () => {
    ids = (await searchLocal(db, query)).map((r) => r.id);
    if (!expected(ids)) throw new Error(`results for "${query}": ${ids.join(', ')}`);
  });
  return ids;
}

describe.each(serverTargets())('retention reaches the devices ($name)', (target) => {
  let server: RunningServer;
  let anna: SimulatedDevice;
  let lea: SimulatedDevice;
  /** Anna's second device: holds everything, then edits offline and misses the erasure. */
  let tablet: SimulatedDevice;
  let seeded: Seeded;
  let tabletNewNoteId: string;

  /** Runs the server's retention service as if it were `at`. */
  const runRetentionAt = (at: number) =>
    createRetention(server.db, () => new Date(at), DEFAULT_RETENTION).tick();

  const serverRowsOf = async (table: string, ids: readonly string[]) =>
    server.db.query<{ id: string }>(`SELECT id::text AS id FROM ${table} WHERE id = ANY($1::uuid[])`, [ids]);

  beforeAll(async () => {
    server = await target.start();
    anna = await openDevice({ label: 'anna-phone', username: 'anna', baseUrl: server.url });
    lea = await openDevice({ label: 'lea-laptop', username: 'lea', baseUrl: server.url });
    tablet = await openDevice({ label: 'anna-tablet', username: 'anna', baseUrl: server.url });
    for (const device of [anna, lea, tablet]) await syncOk(device);
  });

  afterAll(async () => {
    for (const device of [anna, lea, tablet]) {
      if (!device) continue;
      closeSearchIndex(device.db);
      await device.dispose();
    }
    await server?.close();
  });

  it('the worker and the lead push a case with notes, appointment, goal and comment, a pre-consultation and a case that stays; every device holds them', async () => {
    const caseFields = (reference: string, familyName: string) => ({
      reference,
      familyName,
      clients: `${familyName} (Eltern), zwei Kinder`,
      address: ERASED_PLACE,
      phone: '',
      helpType: 'SPFH § 31 SGB VIII',
      status: 'open' as const,
      startDate: today(),
      assignedTo: anna.user.id,
      sourcePreConsultationId: null,
    });
    const erasedCase = await createCase(anna.db, anna.actor, caseFields('R-001', ERASED_FAMILY));
    const notes: NoteRecord[] = [];
    for (const text of ERASED_NOTE_TEXTS) {
      notes.push(
        await createNote(anna.db, anna.actor, {
          caseId: erasedCase.id,
          date: today(),
          kind: 'home_visit',
          durationMinutes: 60,
          text,
          concern8a: false,
          reviewedAt: null,
        }),
      );
    }
    const appointment = await createAppointment(anna.db, anna.actor, {
      caseId: erasedCase.id,
      date: today(),
      time: '10:00',
      durationMinutes: 90,
      place: ERASED_PLACE,
      kind: 'home_visit',
      status: 'planned',
    });
    const goal = await createGoal(anna.db, anna.actor, {
      caseId: erasedCase.id,
      title: ERASED_GOAL,
      description: '',
      status: 'open',
    });
    const pre = await createPreConsultation(anna.db, anna.actor, {
      date: today(),
      contact: PRE_CONTACT,
      concern: PRE_CONCERN,
      advice: '',
      outcome: 'done',
      convertedCaseId: null,
      referralPartnerId: null,
    });
    const keptCase = await createCase(anna.db, anna.actor, caseFields('R-002', KEPT_FAMILY));
    const keptNote = await createNote(anna.db, anna.actor, {
      caseId: keptCase.id,
      date: today(),
      kind: 'meeting',
      durationMinutes: 45,
      text: KEPT_NOTE_TEXT,
      concern8a: false,
      reviewedAt: null,
    });
    await syncOk(anna);
    expect(await anna.countPending()).toBe(0);

    // The lead comments on a note and closes the case: from now on it has a deletion date.
    await syncOk(lea);
    const [firstNote] = notes;
    if (!firstNote) throw new Error('no note seeded');
    const comment = await createComment(lea.db, lea.actor, firstNote, ERASED_COMMENT);
    await updateCase(lea.db, lea.actor, erasedCase.id, {
      status: 'closed',
      endDate: today(),
      closingReason: 'goals_met',
    });
    await syncOk(lea);
    expect(await lea.countPending()).toBe(0);
    await syncOk(anna);
    await syncOk(tablet);

    seeded = {
      erasedCase,
      notes,
      appointmentId: appointment.id,
      goalId: goal.id,
      commentId: comment.id,
      preConsultationId: pre.id,
      keptCase,
      keptNoteId: keptNote.id,
    };
    const everything = [
      ...caseRecords(seeded),
      { entity: 'preConsultation' as const, id: pre.id },
      { entity: 'case' as const, id: keptCase.id },
      { entity: 'note' as const, id: keptNote.id },
    ];
    for (const device of [anna, lea, tablet]) {
      for (const { entity, id } of everything) {
        expect(await holds(device.db, entity, id), `${device.label} holds ${entity} ${id}`).toBe(true);
      }
      expect((await getCase(device.db, erasedCase.id))?.status, device.label).toBe('closed');
      expect(await device.db.outbox.count(), device.label).toBe(0);
    }

    // An unsaved note form of the case on Anna's phone: it must go with the case.
    await saveDraft(anna.db, draftKeys.newNote(erasedCase.id), erasedCase.id, { text: DRAFT_TEXT });

    // The tablet goes offline and keeps working on the case and the pre-consultation.
    await updateCase(tablet.db, tablet.actor, erasedCase.id, { phone: TABLET_TEXTS.phone });
    await updateNote(tablet.db, tablet.actor, firstNote.id, { text: TABLET_TEXTS.note });
    tabletNewNoteId = (
      await createNote(tablet.db, tablet.actor, {
        caseId: erasedCase.id,
        date: today(),
        kind: 'phone',
        durationMinutes: 15,
        text: TABLET_TEXTS.newNote,
        concern8a: false,
        reviewedAt: null,
      })
    ).id;
    await updateLocal(tablet.db, 'preConsultation', tablet.actor, pre.id, { advice: TABLET_TEXTS.advice });
    expect(await tablet.countPending()).toBe(4);
  });

  it('a pre-consultation that became no case is erased after its own period and leaves the devices; the case is not yet due', async () => {
    const [row] = await server.db.query<{ updatedAt: Date }>(
      'SELECT updated_at AS "updatedAt" FROM pre_consultations WHERE id = $1',
      [seeded.preConsultationId],
    );
    const due = Date.parse(deletionDate(row?.updatedAt ?? null, DEFAULT_RETENTION.preConsultationDays) ?? '');
    expect(due).toBeGreaterThan(Date.now());

    await runRetentionAt(due - HOUR);
    expect(await serverRowsOf('pre_consultations', [seeded.preConsultationId])).toHaveLength(1);
    await runRetentionAt(due + HOUR);
    expect(await serverRowsOf('pre_consultations', [seeded.preConsultationId])).toEqual([]);
    // The closed case has the longer period of its own record type.
    expect(await serverRowsOf('cases', [seeded.erasedCase.id])).toHaveLength(1);

    for (const device of [anna, lea]) {
      await syncOk(device);
      expect(await localCopiesOf(device.db, [seeded.preConsultationId]), device.label).toEqual([]);
      expect((await listPreConsultations(device.db)).map((p) => p.id)).not.toContain(
        seeded.preConsultationId,
      );
      for (const { entity, id } of caseRecords(seeded)) {
        expect(await holds(device.db, entity, id), `${device.label} still holds ${entity} ${id}`).toBe(true);
      }
    }
  });

  it('after the case deletion date the case and all its children leave both devices; the other case stays', async () => {
    const erasedIds = caseRecords(seeded).map((r) => r.id);
    const [row] = await server.db.query<{ endDate: string | null; closedAt: Date | null }>(
      'SELECT end_date AS "endDate", closed_at AS "closedAt" FROM cases WHERE id = $1',
      [seeded.erasedCase.id],
    );
    const due = Date.parse(
      caseDeletionDate(
        { endDate: row?.endDate ?? null, closedAt: row?.closedAt ?? null },
        DEFAULT_RETENTION.caseDays,
      ) ?? '',
    );
    expect(due).toBeGreaterThan(Date.now());

    // The devices' search indexes are live while the erasure arrives, as in the app.
    for (const device of [anna, lea]) {
      const found = await searchSettles(device.db, ERASED_FAMILY, (ids) =>
        ids.includes(seeded.erasedCase.id),
      );
      expect(found).toContain(seeded.erasedCase.id);
      await searchIndexOf(device.db).ready;
    }
    const keptBefore = await Promise.all(
      [anna, lea].map(async (device) => ({
        keptCase: await getCase(device.db, seeded.keptCase.id),
        keptNotes: await listNotesForCase(device.db, seeded.keptCase.id),
      })),
    );

    await runRetentionAt(due - HOUR);
    expect(await serverRowsOf('cases', [seeded.erasedCase.id])).toHaveLength(1);
    await runRetentionAt(due + HOUR);
    expect(await serverRowsOf('cases', [seeded.erasedCase.id])).toEqual([]);
    expect(await serverRowsOf('notes', [seeded.keptNoteId])).toHaveLength(1);

    for (const [index, device] of [anna, lea].entries()) {
      await syncOk(device);
      const db = device.db;
      // Nothing of it stays: no record, no server copy, no outbox entry, no draft, no waiting removal.
      expect(await localCopiesOf(db, erasedIds), device.label).toEqual([]);
      expect(await db.outbox.count(), device.label).toBe(0);

      // The app's own queries find nothing of it any more.
      expect(await getCase(db, seeded.erasedCase.id)).toBeUndefined();
      expect(await listNotesForCase(db, seeded.erasedCase.id)).toEqual([]);
      expect(await db.appointments.where('caseId').equals(seeded.erasedCase.id).toArray()).toEqual([]);
      expect(await listGoalsForCase(db, seeded.erasedCase.id)).toEqual([]);
      for (const note of seeded.notes) expect(await listCommentsForNote(db, note.id)).toEqual([]);
      const queue = (await listFilteredReviewQueue(db, {})).map((n) => n.id);
      for (const note of seeded.notes) expect(queue).not.toContain(note.id);

      // Neither does search: the live index drops them, and one built afresh never has them.
      for (const query of [ERASED_FAMILY, 'Flaschenpost', 'Kesselflicker', 'Leuchtturmwärter']) {
        const left = await searchSettles(db, query, (ids) => !ids.some((id) => erasedIds.includes(id)));
        expect(left.filter((id) => erasedIds.includes(id))).toEqual([]);
      }
      closeSearchIndex(db);
      for (const query of [ERASED_FAMILY, 'Flaschenpost', 'Ottersbach']) {
        const fresh = (await searchLocal(db, query)).map((r) => r.id);
        expect(fresh.filter((id) => [...erasedIds, seeded.preConsultationId].includes(id))).toEqual([]);
      }

      // The case that stays is exactly as before, and still found.
      expect(await getCase(db, seeded.keptCase.id)).toEqual(keptBefore[index]?.keptCase);
      expect(await listNotesForCase(db, seeded.keptCase.id)).toEqual(keptBefore[index]?.keptNotes);
      expect((await searchLocal(db, KEPT_FAMILY)).map((r) => r.id)).toContain(seeded.keptCase.id);
    }
  });

  it('an offline edit of the erased records is rejected as not found and brings nothing back, on the server or the device', async () => {
    const erasedIds = [...caseRecords(seeded).map((r) => r.id), seeded.preConsultationId];
    const state = await tablet.sync();
    expect(state.lastError).toBeNull();
    expect(state.rejectedCount).toBe(4);
    expect(await tablet.countPending()).toBe(0);

    // What happens: the push comes first and each change is answered "not found" (the server
    // has no such record and no scope change explaining it). The device marks the entries
    // rejected and takes the records back to their server copies; the pull that follows
    // drops them, since nothing of them is pending any more. The rejected entries stay in
    // the outbox, with the data the tablet typed, for the user to see (push.ts) - the only
    // thing of the erased case left on the device.
    const rejections = await tablet.db.outbox.toArray();
    expect(rejections.map((e) => [e.entity, e.op, e.status, e.rejection?.code]).sort()).toEqual(
      [
        ['case', 'update', 'rejected', 'not_found'],
        ['note', 'create', 'rejected', 'not_found'],
        ['note', 'update', 'rejected', 'not_found'],
        ['preConsultation', 'update', 'rejected', 'not_found'],
      ].sort(),
    );
    const copies = await localCopiesOf(tablet.db, [...erasedIds, tabletNewNoteId]);
    expect(copies.filter((held) => !held.startsWith('outbox(rejected):'))).toEqual([]);
    expect(await getCase(tablet.db, seeded.erasedCase.id)).toBeUndefined();
    expect(await listNotesForCase(tablet.db, seeded.erasedCase.id)).toEqual([]);

    // The server did not recreate anything, nor keep the rejected edits.
    for (const table of ['cases', 'notes', 'appointments', 'goals', 'comments', 'pre_consultations']) {
      expect(await serverRowsOf(table, [...erasedIds, tabletNewNoteId]), table).toEqual([]);
    }
    expect(
      await server.db.query('SELECT id FROM applied_mutations WHERE record_id = ANY($1::uuid[])', [
        [...erasedIds, tabletNewNoteId],
      ]),
    ).toEqual([]);

    // The lead's devices, the one in use and a new one, do not receive any of it.
    await syncOk(lea);
    expect(await localCopiesOf(lea.db, [...erasedIds, tabletNewNoteId])).toEqual([]);
    const fresh = await openDevice({ label: 'lea-new', username: 'lea', baseUrl: server.url });
    try {
      await syncOk(fresh);
      expect(await localCopiesOf(fresh.db, [...erasedIds, tabletNewNoteId])).toEqual([]);
      expect(await holds(fresh.db, 'case', seeded.keptCase.id)).toBe(true);
    } finally {
      await fresh.dispose();
    }
  });

  it('the audit log keeps only that the records were erased: ids and counts, none of their content', async () => {
    const erasures = await server.db.query<{ detail: Record<string, unknown>; caseIds: string[] }>(
      `SELECT detail, case_ids::text[] AS "caseIds" FROM audit_log
       WHERE action = 'retention_erased' AND detail->>'id' = ANY($1::text[])`,
      [[seeded.erasedCase.id, seeded.preConsultationId]],
    );
    expect(erasures.map((e) => e.detail)).toEqual(
      expect.arrayContaining([
        {
          entity: 'case',
          id: seeded.erasedCase.id,
          counts: { case: 1, note: 2, appointment: 1, goal: 1, comment: 1 },
        },
        { entity: 'preConsultation', id: seeded.preConsultationId },
      ]),
    );
    expect(erasures).toHaveLength(2);

    const [dump] = await server.db.query<{ text: string }>(
      `SELECT string_agg(a::text, '|') AS text FROM audit_log a`,
    );
    const content = [
      ERASED_FAMILY,
      ...ERASED_NOTE_TEXTS,
      ERASED_COMMENT,
      ERASED_GOAL,
      ERASED_PLACE,
      PRE_CONTACT,
      PRE_CONCERN,
      ...Object.values(TABLET_TEXTS),
      'Flaschenpost',
      'Kesselflicker',
      'Ottersbach',
      'Zauberwald',
    ];
    for (const text of content) expect(dump?.text, text).not.toContain(text);
  });
});
