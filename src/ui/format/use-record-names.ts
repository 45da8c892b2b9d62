import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import { listOpenCases } from '../../db/repositories/cases';
import { listMembers } from '../../db/repositories/members';
import { useSession } from '../session';

/** Names for ids that appear as values: team members and the cases on this device. */
export interface RecordNames {
  member(id: string): string | null;
  caseName(id: string): string | null;
}

/** Team members and open cases by id, live; names resolve to null while loading. */
export function useRecordNames(): RecordNames {
  const { db } = useSession();
  const members = useLiveQuery(() => listMembers(db), [db]);
  const cases = useLiveQuery(() => listOpenCases(db), [db]);
  return useMemo(() => {
    const memberNames = new Map((members ?? []).map((m) => [m.id, m.displayName]));
    const caseNames = new Map((cases ?? []).map((c) => [c.id, c.familyName]));
    return {
      member: (id) => memberNames.get(id) ?? null,
      caseName: (id) => caseNames.get(id) ?? null,
    };
  }, [members, cases]);
}
