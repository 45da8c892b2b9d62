// The lead's review queue with filters (worker, case, date range, kind). The
// order pins what must not wait: § 8a concerns no lead has acknowledged yet come
// first, then unreviewed notes, then reviewed ones (§ 8a on top within each).
import type { ContactKind, NoteRecord } from '../../shared/records';
import { isOpenConcern } from '../infrastructure/open-concerns';
import type { FeldakteDb } from '../infrastructure/schema';
import { newestFirst } from './notes';

export interface ReviewFilter {
  authorId?: string | null;
  caseId?: string | null;
  /** First day, inclusive ("YYYY-MM-DD"). */
  from?: string | null;
  /** Last day, inclusive. */
  to?: string | null;
  kind?: ContactKind | null;
}

function rank(note: NoteRecord): number {
  if (isOpenConcern(note)) return 0;
  return 1 + (note.reviewedAt ? 2 : 0) + (note.concern8a ? 0 : 1);
}

function matchesReviewFilter(note: NoteRecord, filter: ReviewFilter): boolean {
  if (filter.authorId && note.authorId !== filter.authorId) return false;
  if (filter.caseId && note.caseId !== filter.caseId) return false;
  if (filter.kind && note.kind !== filter.kind) return false;
  if (filter.from && note.date < filter.from) return false;
  if (filter.to && note.date > filter.to) return false;
  return true;
}

/** Only notes the server has acknowledged (version > 0): a lead reviews what was synced. */
export async function listFilteredReviewQueue(db: FeldakteDb, filter: ReviewFilter): Promise<NoteRecord[]> {
  // Read in one go and filtered here: Dexie's filter() walks a cursor, opening one sealed row at a time.
  const notes = (await db.notes.toArray()).filter((n) => n.version > 0 && matchesReviewFilter(n, filter));
  return notes.sort((a, b) => rank(a) - rank(b) || newestFirst(a, b));
}
