import { useLiveQuery } from 'dexie-react-hooks';
import { getCase } from '../../db/cases';
import { listMembers } from '../../db/members';
import { getNote, listReviewQueue, markNoteReviewed } from '../../db/notes';
import type { FeldakteDb } from '../../db/schema';
import type { NoteRecord } from '../../shared/records';
import { useSession } from '../../ui/session';

export interface ReviewItem {
  note: NoteRecord;
  authorName: string | null;
  reviewerName: string | null;
  caseLabel: string | null;
}

/** Names of people and cases for a set of notes, looked up once per id. */
async function describe(db: FeldakteDb, notes: NoteRecord[]): Promise<ReviewItem[]> {
  const members = new Map((await listMembers(db)).map((m) => [m.id, m.displayName]));
  const caseIds = [...new Set(notes.map((n) => n.caseId))];
  const cases = await Promise.all(caseIds.map((id) => getCase(db, id)));
  const caseLabels = new Map(
    cases.flatMap((c) => (c ? [[c.id, `${c.familyName} · ${c.reference}`] as const] : [])),
  );
  return notes.map((note) => ({
    note,
    authorName: members.get(note.authorId) ?? null,
    reviewerName: note.reviewedBy ? (members.get(note.reviewedBy) ?? null) : null,
    caseLabel: caseLabels.get(note.caseId) ?? null,
  }));
}

/** The team's synced notes: unreviewed first, § 8a on top. */
export function useReviewQueue(): ReviewItem[] | undefined {
  const { db } = useSession();
  return useLiveQuery(async () => describe(db, await listReviewQueue(db)), [db]);
}

export function useReviewItem(noteId: string): ReviewItem | null | undefined {
  const { db } = useSession();
  return useLiveQuery(async () => {
    const note = await getNote(db, noteId);
    if (!note) return null;
    const [item] = await describe(db, [note]);
    return item ?? null;
  }, [db, noteId]);
}

export function useMarkReviewed(): (noteId: string) => Promise<NoteRecord> {
  const { db, actor } = useSession();
  return (noteId) => markNoteReviewed(db, actor, noteId);
}
