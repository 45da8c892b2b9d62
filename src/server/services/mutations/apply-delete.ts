// delete: a tombstone that reaches every device as a removal - unless another
// origin edited the record after the deleter's base version: then the record
// stays with a delete conflict (merge/delete-merge.ts). Answers null when the
// record is gone (deleted: true), the record with its conflict when it stays.
import type { MutableEntity } from '../../../shared/records';
import { decideDelete } from '../merge/delete-merge';
import { reject } from '../refusal';
import { type EntityRules, type MutationContext, newConflict, requireBaseVersion } from './common';
import { type Outcome, writeChange } from './write-change';

export async function applyDelete<E extends MutableEntity>(
  entity: E,
  rules: EntityRules<E>,
  ctx: MutationContext,
): Promise<Outcome<E>> {
  // Only cases have no checkDelete: they are closed, never deleted.
  if (!rules.checkDelete) throw reject.invalid('caseNotDeletable', 'op');
  const stored = await rules.lockForEdit(ctx, {});
  requireBaseVersion(ctx, stored.record.version);
  // Deleted already (by this or another device): the outcome the device asked for.
  if (stored.deletedAt !== null) return { record: stored.record, deleted: true };
  rules.checkDelete(ctx, stored.record);

  const decision = decideDelete({
    fieldMeta: stored.fieldMeta,
    conflicts: stored.record.conflicts,
    baseVersion: ctx.baseVersion ?? 0,
    origin: ctx.origin,
    newConflict,
  });
  const deleted = decision.kind === 'delete';
  const conflicts = decision.kind === 'delete' ? stored.record.conflicts : decision.conflicts;
  const record = await writeChange(entity, rules, ctx, stored, { applied: {}, conflicts, deleted });
  return { record, deleted };
}
