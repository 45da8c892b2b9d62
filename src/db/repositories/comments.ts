// Comments on notes: typically a lead's feedback from Prüfen to the note's author.
// Whether the author has read a comment is local to the author's device
// (db.meta, one key per read comment): a comment from someone else on one of my
// notes is "new" until I open the note.
import type { CommentRecord, NoteRecord } from '../../shared/records';
import { deleteLocal } from '../infrastructure/local-delete';
import { type Actor, createLocal } from '../infrastructure/local-write';
import type { FeldakteDb } from '../infrastructure/schema';

const READ_PREFIX = 'comment.read.';

export function createComment(
  db: FeldakteDb,
  actor: Actor,
  note: Pick<NoteRecord, 'id' | 'caseId'>,
  text: string,
): Promise<CommentRecord> {
  return createLocal(
    db,
    'comment',
    actor,
    { caseId: note.caseId, noteId: note.id, text },
    { teamId: actor.teamId, authorId: actor.userId },
  );
}

/** Only the comment's author deletes it (the server checks again). */
export function deleteComment(db: FeldakteDb, actor: Actor, id: string): Promise<void> {
  return deleteLocal(db, 'comment', actor, id);
}

/** A note's comments, oldest first (a conversation reads top down). */
export async function listCommentsForNote(db: FeldakteDb, noteId: string): Promise<CommentRecord[]> {
  const comments = await db.comments.where('noteId').equals(noteId).toArray();
  return comments.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
}

export interface UnreadComment {
  comment: CommentRecord;
  note: NoteRecord;
}

/** Comments by others on the user's own notes that the user has not opened yet, newest first. */
export async function listUnreadComments(db: FeldakteDb, userId: string): Promise<UnreadComment[]> {
  // Read in one go and filtered here: Dexie's filter() walks a cursor, opening one sealed row at a time.
  const fromOthers = (await db.comments.toArray()).filter((c) => c.authorId !== userId);
  const [notes, read] = await Promise.all([
    db.notes.bulkGet(fromOthers.map((c) => c.noteId)),
    db.meta.bulkGet(fromOthers.map((c) => READ_PREFIX + c.id)),
  ]);
  return fromOthers
    .flatMap((comment, index) => {
      const note = notes[index];
      return note && note.authorId === userId && read[index] === undefined ? [{ comment, note }] : [];
    })
    .sort((a, b) => b.comment.createdAt.localeCompare(a.comment.createdAt));
}

/** The user opened the note: its comments count as read on this device. */
export async function markCommentsRead(db: FeldakteDb, noteId: string): Promise<void> {
  const comments = await db.comments.where('noteId').equals(noteId).toArray();
  const keys = comments.map((c) => READ_PREFIX + c.id);
  const known = await db.meta.bulkGet(keys);
  const at = new Date().toISOString();
  const fresh = keys.filter((_, index) => known[index] === undefined).map((key) => ({ key, value: at }));
  if (fresh.length > 0) await db.meta.bulkPut(fresh);
}
