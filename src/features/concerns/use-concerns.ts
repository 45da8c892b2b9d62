import { useLiveQuery } from 'dexie-react-hooks';
import { listUnseenConcerns, openConcernsOfCase } from '../../db/repositories/concerns';
import type { NoteRecord } from '../../shared/records';
import { useSession } from '../../ui/session';

export interface UnseenConcern {
  note: NoteRecord;
  caseName: string | null;
  authorName: string | null;
}

/**
 * For a lead: § 8a notes of others not yet opened, live. A pull that brings one
 * (also one triggered by the server's `concern` event) changes the notes table,
 * and this query answers at once.
 */
export function useUnseenConcerns(enabled: boolean): UnseenConcern[] {
  const { db, user } = useSession();
  return (
    useLiveQuery(async () => {
      if (!enabled) return [];
      const notes = await listUnseenConcerns(db, user.id);
      const [cases, members] = await Promise.all([
        db.cases.bulkGet(notes.map((n) => n.caseId)),
        db.members.bulkGet(notes.map((n) => n.authorId)),
      ]);
      return notes.map((note, index) => ({
        note,
        caseName: cases[index]?.familyName ?? null,
        authorName: members[index]?.displayName ?? null,
      }));
    }, [db, user.id, enabled]) ?? []
  );
}

export function useOpenConcernsOfCase(caseId: string): NoteRecord[] | undefined {
  const { db } = useSession();
  return useLiveQuery(() => openConcernsOfCase(db, caseId), [db, caseId]);
}
