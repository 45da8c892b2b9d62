// The one way an existing record changes: derived values, locks, a fresh seq,
// version + 1, the applied fields stamped with their origin, then the scope
// effects. Used by update, delete (as tombstone or conflict) and resolve.
import type { Conflict, FieldsOf, MutableEntity, RecordOf } from '../../../shared/records';
import { DELETE_CONFLICT_FIELD } from '../../../shared/records';
import { type FieldMeta, stampFields, stampOf } from '../../repositories/field-meta';
import { type StoredRecord, writeRecord } from '../../repositories/records';
import { type EntityRules, type MutationContext, stampWrite } from './common';

/** What a mutation left behind: the record as written, and whether it is now deleted. */
export interface Outcome<E extends MutableEntity> {
  record: RecordOf[E];
  deleted: boolean;
}

export interface RecordChange<E extends MutableEntity> {
  applied: Partial<FieldsOf[E]>;
  conflicts: Conflict[];
  /** Tombstone the record (delete); false keeps it, or revives a deleted one. */
  deleted: boolean;
  /** The field history after the write; default: the applied fields stamped with this origin. */
  fieldMeta?: FieldMeta;
}

export async function writeChange<E extends MutableEntity>(
  entity: E,
  rules: EntityRules<E>,
  ctx: MutationContext,
  stored: StoredRecord<E>,
  change: RecordChange<E>,
): Promise<RecordOf[E]> {
  const before = stored.record;
  const derived = change.deleted ? {} : (rules.derive?.(ctx, before, change.applied) ?? {});
  await rules.beforeStamp?.(ctx, before, change.applied);
  const meta = await stampWrite(ctx);
  const version = before.version + 1;
  const fieldMeta = {
    ...(change.fieldMeta ?? {
      ...stored.fieldMeta,
      ...stampFields(Object.keys(change.applied), ctx.origin, version),
    }),
    ...(change.deleted ? { [DELETE_CONFLICT_FIELD]: stampOf(ctx.origin, version) } : {}),
  };
  const values = { ...change.applied, ...derived, conflicts: change.conflicts };
  const after = await writeRecord(
    ctx.tx,
    entity,
    ctx.recordId,
    { values, fieldMeta, deleted: change.deleted },
    meta,
  );
  await rules.afterWrite?.(ctx, before, after, change.deleted);
  return after;
}
