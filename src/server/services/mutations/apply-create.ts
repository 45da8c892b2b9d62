// create: a new record at version 1; every field it carries is stamped with its origin.
import type { FieldsOf, MutableEntity, RecordOf } from '../../../shared/records';
import { stampFields } from '../../repositories/field-meta';
import { insertRecord } from '../../repositories/records';
import { assertRecordIdUnused, type EntityRules, type MutationContext, stampWrite } from './common';

export async function applyCreate<E extends MutableEntity>(
  entity: E,
  rules: EntityRules<E>,
  ctx: MutationContext,
  data: FieldsOf[E],
): Promise<RecordOf[E]> {
  await assertRecordIdUnused(ctx, entity);
  const values = await rules.prepareCreate(ctx, data);
  await rules.beforeStamp?.(ctx, null, data);
  const meta = await stampWrite(ctx);
  const fieldMeta = stampFields(Object.keys(data), ctx.origin, 1);
  const record = await insertRecord(ctx.tx, entity, ctx.recordId, values, fieldMeta, meta);
  await rules.afterWrite?.(ctx, null, record, false);
  return record;
}
