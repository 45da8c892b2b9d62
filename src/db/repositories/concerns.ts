// Child-protection concerns (§ 8a SGB VIII): a note with concern8a stays "open"
// until a lead acknowledges it ("Zur Kenntnis genommen"); its case is marked until
// then. Which open concerns a lead has already seen (opened in Prüfen) is local to
// the lead's device (db.meta), so the shell's alert shows only what is new to them.
import type { NoteRecord } from '../../shared/records';
import type { Actor } from '../infrastructure/local-write';
import { updateLocal } from '../infrastructure/local-write';
import {
  currentOpenConcernEntries,
  isOpenConcern,
  markConcernSeen,
  readSeenConcernIds,
} from '../infrastructure/open-concerns';
import { type FeldakteDb, localWriteTables } from '../infrastructure/schema';

export { markConcernSeen };

function newestWrittenFirst(a: NoteRecord, b: NoteRecord): number {
  return b.createdAt.localeCompare(a.createdAt);
}

/** Notes with a § 8a concern no lead has acknowledged yet, newest first. */
export async function listOpenConcerns(db: FeldakteDb): Promise<NoteRecord[]> {
  const entries = await currentOpenConcernEntries(db);
  const notes = await db.notes.bulkGet(entries.map((entry) => entry.id));
  const open = notes.filter((note): note is NoteRecord => note !== undefined && isOpenConcern(note));
  return open.sort(newestWrittenFirst);
}

/** Cases that have an open concern (the case list's badge): from the row alone, no note is read. */
export async function caseIdsWithOpenConcern(db: FeldakteDb): Promise<Set<string>> {
  return new Set((await currentOpenConcernEntries(db)).map((entry) => entry.caseId));
}

export async function openConcernsOfCase(db: FeldakteDb, caseId: string): Promise<NoteRecord[]> {
  const notes = await db.notes.where('caseId').equals(caseId).toArray();
  return notes.filter(isOpenConcern).sort(newestWrittenFirst);
}

/**
 * Open concerns synced from others that this lead has not opened yet: what the
 * alert shows. Only synced notes (version > 0), as Prüfen lists only those.
 */
export async function listUnseenConcerns(db: FeldakteDb, userId: string): Promise<NoteRecord[]> {
  const open = (await listOpenConcerns(db)).filter((n) => n.version > 0 && n.authorId !== userId);
  const seen = new Set(await readSeenConcernIds(db));
  return open.filter((note) => !seen.has(note.id));
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
