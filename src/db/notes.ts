// Local repository of case notes (Verlaufsnotizen).
import type { NoteFields, NoteRecord } from '../shared/records';
import { deleteLocal } from './local-delete';
import { type Actor, createLocal, updateLocal } from './local-write';
import { type FeldakteDb, localWriteTables } from './schema';

/** Newest first: by date, then by time of writing. */
function newestFirst(a: NoteRecord, b: NoteRecord): number {
  return b.date.localeCompare(a.date) || b.createdAt.localeCompare(a.createdAt);
}

export async function listNotesForCase(db: FeldakteDb, caseId: string): Promise<NoteRecord[]> {
  const notes = await db.notes.where('caseId').equals(caseId).toArray();
  return notes.sort(newestFirst);
}

export function getNote(db: FeldakteDb, id: string): Promise<NoteRecord | undefined> {
  return db.notes.get(id);
}

/**
 * The lead's review queue: unreviewed before reviewed, § 8a concerns on top of
 * each group, newest first within. Only notes the server has acknowledged
 * (version > 0) are listed: a lead reviews what was synced.
 */
export async function listReviewQueue(db: FeldakteDb): Promise<NoteRecord[]> {
  const notes = await db.notes.filter((n) => n.version > 0).toArray();
  const rank = (n: NoteRecord) => (n.reviewedAt ? 2 : 0) + (n.concern8a ? 0 : 1);
  return notes.sort((a, b) => rank(a) - rank(b) || newestFirst(a, b));
}

export function createNote(db: FeldakteDb, actor: Actor, fields: NoteFields): Promise<NoteRecord> {
  return createLocal(db, 'note', actor, fields, {
    teamId: actor.teamId,
    authorId: actor.userId,
    reviewedBy: null,
    amendments: [],
  });
}

export function updateNote(
  db: FeldakteDb,
  actor: Actor,
  id: string,
  patch: Partial<Omit<NoteFields, 'caseId'>>,
) {
  return updateLocal(db, 'note', actor, id, patch);
}

/**
 * Only the author deletes a note, and only before a lead marked it "Geprüft"
 * (ChangeNotAllowedError otherwise). Later edits of a reviewed note are kept by
 * the server as amendments (record.amendments), never deleted.
 */
export function deleteNote(db: FeldakteDb, actor: Actor, id: string): Promise<void> {
  return deleteLocal(db, 'note', actor, id);
}

/** A lead marks a note "Geprüft"; the server records the reviewer. */
export function markNoteReviewed(db: FeldakteDb, actor: Actor, id: string): Promise<NoteRecord> {
  return db.transaction('rw', localWriteTables(db), async () => {
    const note = await updateLocal(db, 'note', actor, id, { reviewedAt: new Date().toISOString() });
    await db.notes.update(id, { reviewedBy: actor.userId });
    return { ...note, reviewedBy: actor.userId };
  });
}
