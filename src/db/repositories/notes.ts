// Local repository of case notes (Verlaufsnotizen).
import type { z } from 'zod';
import type { NoteFields, NoteRecord } from '../../shared/records';
import { deleteLocal } from '../infrastructure/local-delete';
import { type Actor, createLocal, RecordNotFoundError, updateLocal } from '../infrastructure/local-write';
import { type FeldakteDb, localWriteTables } from '../infrastructure/schema';
import { deleteDraft, draftKeys } from './drafts';

/** A note's fields as a form or a caller gives them: the fields added later may be left out (defaults apply). */
export type NoteInput = z.input<typeof NoteFields>;
type NotePatch = Partial<Omit<NoteFields, 'caseId'>>;

/** Newest first: by date, then by time of writing. */
export function newestFirst(a: NoteRecord, b: NoteRecord): number {
  return b.date.localeCompare(a.date) || b.createdAt.localeCompare(a.createdAt);
}

export async function listNotesForCase(db: FeldakteDb, caseId: string): Promise<NoteRecord[]> {
  const notes = await db.notes.where('caseId').equals(caseId).toArray();
  return notes.sort(newestFirst);
}

export function getNote(db: FeldakteDb, id: string): Promise<NoteRecord | undefined> {
  return db.notes.get(id);
}

export function createNote(db: FeldakteDb, actor: Actor, fields: NoteInput): Promise<NoteRecord> {
  // createLocal parses the fields with the shared schema, which fills in the defaults.
  return createLocal(db, 'note', actor, fields as NoteFields, {
    teamId: actor.teamId,
    authorId: actor.userId,
    reviewedBy: null,
    concernAcknowledgedBy: null,
    amendments: [],
  });
}

export function updateNote(db: FeldakteDb, actor: Actor, id: string, patch: NotePatch) {
  return updateLocal(db, 'note', actor, id, patch);
}

/** The tables a note save touches: the note, its outbox entry, the appointment it documents, the draft. */
function noteSaveTables(db: FeldakteDb) {
  return [...localWriteTables(db), db.drafts];
}

/** Saves a new note and deletes the form's draft in the same transaction. */
export function createNoteFromDraft(
  db: FeldakteDb,
  actor: Actor,
  fields: NoteInput,
  draftKey: string,
): Promise<NoteRecord> {
  return db.transaction('rw', noteSaveTables(db), async () => {
    const note = await createNote(db, actor, fields);
    await deleteDraft(db, draftKey);
    return note;
  });
}

/** Saves the author's edit (if anything changed) and deletes the form's draft in the same transaction. */
export function updateNoteFromDraft(
  db: FeldakteDb,
  actor: Actor,
  id: string,
  patch: NotePatch,
  draftKey: string,
): Promise<void> {
  return db.transaction('rw', noteSaveTables(db), async () => {
    if (Object.keys(patch).length > 0) await updateNote(db, actor, id, patch);
    await deleteDraft(db, draftKey);
  });
}

/**
 * "Besuch dokumentieren": the note about an appointment and the appointment marked
 * done are one change on the device: both or neither, with their two outbox
 * entries in order (the note first), and the form's draft gone with them.
 */
export function createVisitNote(
  db: FeldakteDb,
  actor: Actor,
  appointmentId: string,
  fields: NoteInput,
  draftKey: string,
): Promise<NoteRecord> {
  return db.transaction('rw', noteSaveTables(db), async () => {
    const appointment = await db.appointments.get(appointmentId);
    if (!appointment) throw new RecordNotFoundError('appointment', appointmentId);
    const note = await createNote(db, actor, { ...fields, caseId: appointment.caseId, appointmentId });
    if (appointment.status !== 'done') {
      await updateLocal(db, 'appointment', actor, appointment.id, { status: 'done' });
    }
    await deleteDraft(db, draftKey);
    return note;
  });
}

/** The note that documents an appointment, if this device has one. */
export function findNoteOfAppointment(
  db: FeldakteDb,
  appointmentId: string,
): Promise<NoteRecord | undefined> {
  return db.notes.where('appointmentId').equals(appointmentId).first();
}

/**
 * Which note documents each of these appointments (appointment id → note id), from
 * the clear `appointmentId` index alone: no note is read or opened.
 */
export async function noteIdsOfAppointments(
  db: FeldakteDb,
  appointmentIds: readonly string[],
): Promise<Map<string, string>> {
  const noteIds = new Map<string, string>();
  if (appointmentIds.length === 0) return noteIds;
  await db.notes
    .where('appointmentId')
    .anyOf([...appointmentIds])
    .eachKey((appointmentId, cursor) => {
      if (!noteIds.has(appointmentId as string))
        noteIds.set(appointmentId as string, cursor.primaryKey as string);
    });
  return noteIds;
}

/** The notes of a case per help-plan goal they worked on, newest first (goals without notes are absent). */
export async function notesPerGoal(db: FeldakteDb, caseId: string): Promise<Map<string, NoteRecord[]>> {
  const perGoal = new Map<string, NoteRecord[]>();
  for (const note of await listNotesForCase(db, caseId)) {
    for (const goalId of new Set(note.goalIds)) {
      perGoal.set(goalId, [...(perGoal.get(goalId) ?? []), note]);
    }
  }
  return perGoal;
}

/**
 * Only the author deletes a note, and only before a lead marked it "Geprüft"
 * (ChangeNotAllowedError otherwise). Later edits of a reviewed note are kept by
 * the server as amendments (record.amendments), never deleted.
 */
export function deleteNote(db: FeldakteDb, actor: Actor, id: string): Promise<void> {
  return db.transaction('rw', noteSaveTables(db), async () => {
    await deleteLocal(db, 'note', actor, id);
    // An edit left unsaved has nothing to be saved to any more.
    await deleteDraft(db, draftKeys.editNote(id));
  });
}

/** A lead marks a note "Geprüft"; the server records the reviewer. */
export function markNoteReviewed(db: FeldakteDb, actor: Actor, id: string): Promise<NoteRecord> {
  return db.transaction('rw', localWriteTables(db), async () => {
    const note = await updateLocal(db, 'note', actor, id, { reviewedAt: new Date().toISOString() });
    await db.notes.update(id, { reviewedBy: actor.userId });
    return { ...note, reviewedBy: actor.userId };
  });
}
