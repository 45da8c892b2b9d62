// Scope changes: who may see which case, kept in step on every device.
//
// A worker sees the cases assigned to them and those of a substitution for them
// that is in force, with the cases' notes, appointments and substitutions. That
// set changes when a lead reassigns a case, when a substitution is created,
// changed or deleted, and when a substitution's period starts or ends. Neither
// direction may be missed by a device that pulls with a cursor:
//
//   - gain: the device's cursor may lie past the seq of the case and its old
//     children. So the transaction that grants access re-stamps the case and all
//     its live children with fresh seqs ("touch"): they arrive in the next pull
//     like any change, through the same cursor argument (sync-sequence.ts).
//   - loss: nothing about the records changes, so nothing would arrive. So the
//     transaction records "user U lost case C" in scope_changes with a seq from
//     the same counter; the pull turns it into a removal of the case (which takes
//     its notes and appointments with it) and of the case's substitutions.
//
// Both are written in the transaction that changes the assignment or the
// substitution. Time-based changes (a period starts or ends at midnight) have no
// such transaction, so a lazy, idempotent tick (substitution-periods.ts) makes one:
// before each pull and push, and on a timer, it finds substitutions whose
// materialised flag `grants_access` disagrees with today and flips it together
// with the same gain/loss writes. Visibility reads that flag, never the clock,
// so what a pull shows always matches the log.
//
// The pull filters everything by visibility as it is in its own snapshot: loss
// entries of a case the user can see again are skipped (the re-gain touched the
// rows, so they arrive anyway), and rows of a case the user can no longer see are
// skipped (the loss entry removes the case). So any order of gains and losses
// between two pulls ends in the right state.
import type { Queryable } from '../db/database';
import { lockCaseChildren, resequenceCase, resequenceCaseChildren } from '../repositories/case-children';
import { type GainReason, type LossReason, recordScopeChange } from '../repositories/scope-changes';
import { grantsAccess, periodContains, setGrantsAccess } from '../repositories/substitutions';

/**
 * The user gains the case: log it and re-stamp the case's rows. The caller holds
 * the case FOR NO KEY UPDATE and has locked its children (lockCaseChildren)
 * before taking its first sequence number.
 */
export async function grantCase(
  tx: Queryable,
  grant: { userId: string; caseId: string; reason: GainReason; caseRowStamped: boolean },
): Promise<void> {
  await recordScopeChange(tx, {
    userId: grant.userId,
    caseId: grant.caseId,
    gained: true,
    reason: grant.reason,
  });
  if (!grant.caseRowStamped) await resequenceCase(tx, grant.caseId);
  await resequenceCaseChildren(tx, grant.caseId);
}

export async function revokeCase(
  tx: Queryable,
  revoke: { userId: string; caseId: string; reason: LossReason },
): Promise<void> {
  await recordScopeChange(tx, { ...revoke, gained: false });
}

export interface SubstitutionState {
  id: string;
  caseId: string;
  substituteId: string;
  from: string;
  until: string;
  deleted: boolean;
}

/** Locks that materialising a substitution may need; call before taking a sequence number. */
export const lockForSubstitutionGrant = lockCaseChildren;

/**
 * Brings the substitution's grant in line with `today`: flips grants_access and
 * writes the gain or loss. Idempotent. The caller holds the case and the
 * substitution locked (and the case's children, see lockForSubstitutionGrant).
 */
export async function materialiseSubstitution(
  tx: Queryable,
  substitution: SubstitutionState,
  today: string,
): Promise<boolean> {
  const shouldGrant = !substitution.deleted && periodContains(substitution, today);
  if ((await grantsAccess(tx, substitution.id)) === shouldGrant) return false;
  await setGrantsAccess(tx, substitution.id, shouldGrant);
  const target = { userId: substitution.substituteId, caseId: substitution.caseId };
  if (shouldGrant) await grantCase(tx, { ...target, reason: 'substitution_started', caseRowStamped: false });
  else await revokeCase(tx, { ...target, reason: 'substitution_ended' });
  return true;
}
