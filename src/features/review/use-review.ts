import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback } from 'react';
import type { FeldakteDb } from '../../db/infrastructure/schema';
import { getCase } from '../../db/repositories/cases';
import { acknowledgeConcern, markConcernSeen } from '../../db/repositories/concerns';
import { listMembers } from '../../db/repositories/members';
import { getNote, markNoteReviewed } from '../../db/repositories/notes';
import { listFilteredReviewQueue, type ReviewFilter } from '../../db/repositories/review';
import type { NoteRecord } from '../../shared/records';
import { useSession } from '../../ui/session';

export interface ReviewItem {
  note: NoteRecord;
  authorName: string | null;
  reviewerName: string | null;
  acknowledgerName: string | null;
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
    acknowledgerName: note.concernAcknowledgedBy ? (members.get(note.concernAcknowledgedBy) ?? null) : null,
    caseLabel: caseLabels.get(note.caseId) ?? null,
  }));
}

/** The team's synced notes matching the filter: open § 8a concerns on top, then unreviewed. */
export function useReviewQueue(filter: ReviewFilter): ReviewItem[] | undefined {
  const { db } = useSession();
  const { authorId, caseId, from, to, kind } = filter;
  return useLiveQuery(
    async () => describe(db, await listFilteredReviewQueue(db, { authorId, caseId, from, to, kind })),
    [db, authorId, caseId, from, to, kind],
  );
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

export function useAcknowledgeConcern(): (noteId: string) => Promise<NoteRecord> {
  const { db, actor } = useSession();
  return (noteId) => acknowledgeConcern(db, actor, noteId);
}

/** The lead has opened a § 8a note: the shell's alert stops naming it. */
export function useMarkConcernSeen(): (noteId: string) => Promise<void> {
  const { db } = useSession();
  return useCallback((noteId) => markConcernSeen(db, noteId), [db]);
}
