import { useLiveQuery } from 'dexie-react-hooks';
import { listMembers } from '../../db/repositories/members';
import {
  createSubstitution,
  deleteSubstitution,
  listSubstitutionsForCase,
  updateSubstitution,
} from '../../db/repositories/substitutions';
import type { MemberRecord, SubstitutionFields, SubstitutionRecord } from '../../shared/records';
import { useSession } from '../../ui/session';

export function useCaseSubstitutions(caseId: string): SubstitutionRecord[] | undefined {
  const { db } = useSession();
  return useLiveQuery(() => listSubstitutionsForCase(db, caseId), [db, caseId]);
}

/** Workers of the team, by name; undefined while loading. */
export function useTeamWorkers(): MemberRecord[] | undefined {
  const { db } = useSession();
  return useLiveQuery(async () => (await listMembers(db)).filter((m) => m.role === 'worker'), [db]);
}

export function useSubstitutionWrites() {
  const { db, actor } = useSession();
  return {
    create: (fields: SubstitutionFields) => createSubstitution(db, actor, fields),
    endOn: (id: string, lastDay: string) => updateSubstitution(db, actor, id, { until: lastDay }),
    remove: (id: string) => deleteSubstitution(db, actor, id),
  };
}
