import { useLiveQuery } from 'dexie-react-hooks';
import { isSubstitutionActiveOn, listSubstitutionsOf } from '../../db/repositories/substitutions';
import { todayIso } from '../../ui/format';
import { useSession } from '../../ui/session';

/**
 * Cases the signed-in person holds today as a substitute (Vertretung), with the
 * last day of each; empty while loading. A case covered twice shows the later end.
 */
export function useMySubstitutions(): ReadonlyMap<string, string> {
  const { db, user } = useSession();
  const today = todayIso();
  const substitutions = useLiveQuery(() => listSubstitutionsOf(db, user.id), [db, user.id]);
  const untilByCase = new Map<string, string>();
  for (const substitution of substitutions ?? []) {
    if (!isSubstitutionActiveOn(substitution, today)) continue;
    const known = untilByCase.get(substitution.caseId);
    if (!known || known < substitution.until) untilByCase.set(substitution.caseId, substitution.until);
  }
  return untilByCase;
}
