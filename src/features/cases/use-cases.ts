import { useLiveQuery } from 'dexie-react-hooks';
import {
  type Closure,
  closeCase,
  createCase,
  getCase,
  listClosedCases,
  listOpenCases,
  reopenCase,
  updateCase,
} from '../../db/repositories/cases';
import type { CaseFields, CaseRecord } from '../../shared/records';
import { useSession } from '../../ui/session';
import type { CaseFormValues } from './case-form-schema';

/** The current cases (open, closure requested) or the closed ones matching a search, live; undefined while loading. */
export function useCaseList(search: string, closed: boolean): CaseRecord[] | undefined {
  const { db } = useSession();
  return useLiveQuery(
    () => (closed ? listClosedCases(db, search) : listOpenCases(db, search)),
    [db, search, closed],
  );
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

/** Creating, editing, closing and reopening a case: each a local write with its outbox entry. */
export function useCaseWrites() {
  const { db, actor } = useSession();
  return {
    create: (values: CaseFormValues) =>
      createCase(db, actor, { ...values, helpType: '', status: 'open', sourcePreConsultationId: null }),
    update: (caseId: string, patch: Partial<CaseFields>) => updateCase(db, actor, caseId, patch),
    close: (caseId: string, closure: Closure, status: 'closure_requested' | 'closed') =>
      closeCase(db, actor, caseId, closure, status),
    reopen: (caseId: string) => reopenCase(db, actor, caseId),
  };
}
