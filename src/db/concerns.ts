// Child-protection concerns (§ 8a SGB VIII): a note with concern8a stays "open"
// until a lead acknowledges it ("Zur Kenntnis genommen"); its case is marked until
// then. Which open concerns a lead has already seen (opened in Prüfen) is local to
// the lead's device (db.meta), so the shell's alert shows only what is new to them.
import type { NoteRecord } from '../shared/records';
import type { Actor } from './local-write';
import { updateLocal } from './local-write';
import { type FeldakteDb, localWriteTables } from './schema';

const SEEN_PREFIX = 'concern.seen.';

/** Notes with a § 8a concern no lead has acknowledged yet, newest first. */
export async function listOpenConcerns(db: FeldakteDb): Promise<NoteRecord[]> {
  // Read in one go and filtered here: Dexie's filter() walks a cursor, opening one sealed row at a time.
  const notes = (await db.notes.toArray()).filter((n) => n.concern8a && n.concernAcknowledgedAt === null);
  return notes.sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}

/** Cases that have an open concern (the case list's badge, the case page's banner). */
export async function caseIdsWithOpenConcern(db: FeldakteDb): Promise<Set<string>> {
  return new Set((await listOpenConcerns(db)).map((n) => n.caseId));
}

export async function openConcernsOfCase(db: FeldakteDb, caseId: string): Promise<NoteRecord[]> {
  const notes = await db.notes.where('caseId').equals(caseId).toArray();
  return notes
    .filter((n) => n.concern8a && n.concernAcknowledgedAt === null)
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}

/**
 * Open concerns synced from others that this lead has not opened yet: what the
 * alert shows. Only synced notes (version > 0), as Prüfen lists only those.
 */
export async function listUnseenConcerns(db: FeldakteDb, userId: string): Promise<NoteRecord[]> {
  const open = (await listOpenConcerns(db)).filter((n) => n.version > 0 && n.authorId !== userId);
  const seen = await db.meta.bulkGet(open.map((n) => SEEN_PREFIX + n.id));
  return open.filter((_, index) => seen[index] === undefined);
}

export async function markConcernSeen(db: FeldakteDb, noteId: string): Promise<void> {
  const key = SEEN_PREFIX + noteId;
  if (!(await db.meta.get(key))) await db.meta.put({ key, value: new Date().toISOString() });
}

/** A lead acknowledges the concern; the server records who in concernAcknowledgedBy. */
export function acknowledgeConcern(db: FeldakteDb, actor: Actor, noteId: string): Promise<NoteRecord> {
  return db.transaction('rw', [...localWriteTables(db), db.meta], async () => {
    const note = await updateLocal(db, 'note', actor, noteId, {
      concernAcknowledgedAt: new Date().toISOString(),
    });
    await db.notes.update(noteId, { concernAcknowledgedBy: actor.userId });
    await markConcernSeen(db, noteId);
    return { ...note, concernAcknowledgedBy: actor.userId };
  });
}
