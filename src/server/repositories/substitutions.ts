// Substitution-specific reads and writes beside the generic record code: the
// materialised grant flag (grants_access) and the periods that started or ended.
import type { Queryable } from '../db/database';

/** Whether the user currently substitutes on the case (grant materialised, not deleted). */
export async function isActiveSubstitute(tx: Queryable, userId: string, caseId: string): Promise<boolean> {
  const rows = await tx.query(
    `SELECT 1 FROM substitutions
     WHERE case_id = $1 AND substitute_id = $2 AND grants_access AND deleted_at IS NULL LIMIT 1`,
    [caseId, userId],
  );
  return rows.length > 0;
}

export async function grantsAccess(tx: Queryable, id: string): Promise<boolean> {
  const rows = await tx.query<{ grants_access: boolean }>(
    'SELECT grants_access FROM substitutions WHERE id = $1',
    [id],
  );
  return rows[0]?.grants_access ?? false;
}

export async function setGrantsAccess(tx: Queryable, id: string, grants: boolean): Promise<void> {
  await tx.query('UPDATE substitutions SET grants_access = $2 WHERE id = $1', [id, grants]);
}

export interface DueSubstitution {
  id: string;
  caseId: string;
}

/** Substitutions whose grant flag disagrees with `today` (a period started or ended). */
export async function substitutionsDue(tx: Queryable, today: string): Promise<DueSubstitution[]> {
  return tx.query<DueSubstitution & Record<string, unknown>>(
    `SELECT id, case_id AS "caseId" FROM substitutions
     WHERE grants_access IS DISTINCT FROM
           (deleted_at IS NULL AND from_date <= $1::date AND until_date >= $1::date)
     ORDER BY case_id, id`,
    [today],
  );
}

/** Whether a substitution (as it stands) is in force on `today` (YYYY-MM-DD, inclusive). */
export function periodContains(period: { from: string; until: string }, today: string): boolean {
  return period.from <= today && today <= period.until;
}
