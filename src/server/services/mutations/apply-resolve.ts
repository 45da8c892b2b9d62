// resolve: settles one open conflict with the chosen (or a merged) value. The value
// is checked like any edit of that field; '_deleted' takes a boolean, and true
// deletes the record. The conflict disappears and the version moves on, so every
// device that has the record pulls the resolution.
import { fieldSchema, type ResolveData } from '../../../shared/protocol';
import { DELETE_CONFLICT_FIELD, type FieldsOf, type MutableEntity } from '../../../shared/records';
import { describeZodError } from '../../../shared/validation';
import { stampOf } from '../../repositories/field-meta';
import { sameValue } from '../merge/conflicts';
import { reject } from '../refusal';
import { isUnstorableValue } from '../storable-text';
import { deletedMessageOf, type EntityRules, type MutationContext, requireBaseVersion } from './common';
import { type Outcome, writeChange } from './write-change';

function resolvedValue(entity: MutableEntity, field: string, value: unknown): unknown {
  if (field === DELETE_CONFLICT_FIELD) {
    if (typeof value === 'boolean') return value;
    throw reject.invalid('notDeleteChoice', 'value');
  }
  const schema = fieldSchema(entity, field);
  if (!schema) throw reject.invalid('notChangeableField', 'conflictId', { name: field });
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw reject.problem(describeZodError(parsed.error, ['value']));
  if (isUnstorableValue(parsed.data)) throw reject.invalid('unstorableText', 'value');
  return parsed.data;
}

export async function applyResolve<E extends MutableEntity>(
  entity: E,
  rules: EntityRules<E>,
  ctx: MutationContext,
  data: ResolveData,
): Promise<Outcome<E>> {
  const stored = await rules.lockForEdit(ctx, {});
  if (stored.deletedAt !== null) throw reject.notFound(deletedMessageOf[entity]);
  requireBaseVersion(ctx, stored.record.version);
  const { record } = stored;
  const conflict = record.conflicts.find((c) => c.id === data.conflictId);
  if (!conflict) {
    throw reject.conflict('conflictSettled', 'conflictId');
  }
  const remaining = record.conflicts.filter((c) => c !== conflict);
  const value = resolvedValue(entity, conflict.field, data.value);

  if (conflict.field === DELETE_CONFLICT_FIELD) {
    await rules.checkChange(ctx, record, {}, 'resolve');
    if (value === true) rules.checkDelete?.(ctx, record);
    const deleted = value === true;
    const after = await writeChange(entity, rules, ctx, stored, {
      applied: {},
      conflicts: remaining,
      deleted,
    });
    return { record: after, deleted };
  }
  const patch = { [conflict.field]: value } as Partial<FieldsOf[E]>;
  await rules.checkChange(ctx, record, patch, 'resolve');
  const current: unknown = Object.entries(record).find(([key]) => key === conflict.field)?.[1];
  const applied = sameValue(current, value) ? {} : patch;
  // Whoever resolves becomes the field's only editor: later edits based on older
  // versions meet the resolution, not the settled conflict.
  const fieldMeta = { ...stored.fieldMeta, [conflict.field]: stampOf(ctx.origin, record.version + 1) };
  const after = await writeChange(entity, rules, ctx, stored, {
    applied,
    conflicts: remaining,
    deleted: false,
    fieldMeta,
  });
  return { record: after, deleted: false };
}
