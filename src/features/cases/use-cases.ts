import { useLiveQuery } from 'dexie-react-hooks';
import { getCase, listOpenCases, updateCase } from '../../db/repositories/cases';
import type { CaseRecord } from '../../shared/records';
import { useSession } from '../../ui/session';

/** The user's open cases matching a search, live. undefined while loading. */
export function useOpenCases(search: string): CaseRecord[] | undefined {
  const { db } = useSession();
  return useLiveQuery(() => listOpenCases(db, search), [db, search]);
}

/** One case, live: undefined while loading, null when it is not on this device. */
export function useCase(caseId: string): CaseRecord | null | undefined {
  const { db } = useSession();
  return useLiveQuery(async () => (await getCase(db, caseId)) ?? null, [db, caseId]);
}

/** A lead's handover of a case to another member of the team. */
export function useReassignCase(): (caseId: string, memberId: string) => Promise<CaseRecord> {
  const { db, actor } = useSession();
  return (caseId, memberId) => updateCase(db, actor, caseId, { assignedTo: memberId });
}
