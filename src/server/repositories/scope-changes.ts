// The scope-change log: "user U gained / lost case C" (see services/scope.ts for
// how it keeps devices in step with who may see which case).
import type { Queryable } from '../db/database';
import { nextSeq } from './sync-sequence';

export type GainReason = 'assigned' | 'substitution_started';
export type LossReason = 'reassigned' | 'substitution_ended';

export async function recordScopeChange(
  tx: Queryable,
  change: { userId: string; caseId: string } & (
    | { gained: true; reason: GainReason }
    | { gained: false; reason: LossReason }
  ),
): Promise<void> {
  const seq = await nextSeq(tx);
  await tx.query(
    'INSERT INTO scope_changes (seq, user_id, case_id, gained, reason) VALUES ($1, $2, $3, $4, $5)',
    [seq, change.userId, change.caseId, change.gained, change.reason],
  );
}

/** Why the user most recently lost the case, or null if they never had it. */
export async function latestLossOf(
  tx: Queryable,
  userId: string,
  caseId: string,
): Promise<LossReason | null> {
  const rows = await tx.query<{ reason: LossReason }>(
    `SELECT reason FROM scope_changes WHERE user_id = $1 AND case_id = $2 AND NOT gained
     ORDER BY seq DESC LIMIT 1`,
    [userId, caseId],
  );
  return rows[0]?.reason ?? null;
}
