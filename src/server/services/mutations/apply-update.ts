// update: the per-field merge (merge/field-merge.ts) against the version the
// device's edit was based on. An edit of a record another device deleted after
// that version revives it with a delete conflict (merge/delete-merge.ts).
import {
  DELETE_CONFLICT_FIELD,
  type FieldsOf,
  type MutableEntity,
  type RecordOf,
} from '../../../shared/records';
import { writeFieldMeta } from '../../repositories/records';
import { reviveConflicts } from '../merge/delete-merge';
import { mergePatch } from '../merge/field-merge';
import { reject } from '../refusal';
import {
  deletedMessageOf,
  type EntityRules,
  type MutationContext,
  newConflict,
  requireBaseVersion,
} from './common';
import { writeChange } from './write-change';

export async function applyUpdate<E extends MutableEntity>(
  entity: E,
  rules: EntityRules<E>,
  ctx: MutationContext,
  patch: Partial<FieldsOf[E]>,
): Promise<RecordOf[E]> {
  const stored = await rules.lockForEdit(ctx, patch);
  const baseVersion = requireBaseVersion(ctx, stored.record.version);
  const deleted = stored.deletedAt !== null;
  if (!deleted && Object.keys(patch).length === 0) return stored.record;
  await rules.checkChange(ctx, stored.record, patch, 'edit');

  let conflicts = stored.record.conflicts;
  if (deleted) {
    const revived = reviveConflicts({
      deleteStamp: stored.fieldMeta[DELETE_CONFLICT_FIELD],
      conflicts,
      baseVersion,
      origin: ctx.origin,
      newConflict,
    });
    if (!revived) throw reject.notFound(deletedMessageOf[entity]);
    conflicts = revived;
  }
  const merged = mergePatch({
    current: stored.record,
    currentVersion: stored.record.version,
    fieldMeta: stored.fieldMeta,
    conflicts,
    patch,
    baseVersion,
    origin: ctx.origin,
    newConflict,
  });
  const changed = deleted || merged.conflictsChanged || Object.keys(merged.applied).length > 0;
  if (!changed) {
    // Nothing devices see changed, but who also set a value is remembered.
    if (merged.fieldMetaChanged) await writeFieldMeta(ctx.tx, entity, ctx.recordId, merged.fieldMeta);
    return stored.record;
  }
  return writeChange(entity, rules, ctx, stored, {
    applied: merged.applied as Partial<FieldsOf[E]>,
    conflicts: merged.conflicts,
    deleted: false,
    fieldMeta: merged.fieldMeta,
  });
}
