// Building blocks shared by the per-entity mutation rules.
import type { CaseRecord, FieldsOf, MutableEntity, RecordOf } from '../../../shared/records';
import type { Queryable } from '../../db/database';
import { findRecord, type WriteMeta } from '../../repositories/records';
import { nextSeq } from '../../repositories/sync-sequence';
import { reject } from '../rejection';
import { type Actor, canAccessCase } from '../visibility';

export interface MutationContext {
  tx: Queryable;
  actor: Actor;
  recordId: string;
}

/** How one entity is created, updated and looked up for the caller. */
export interface EntityRules<E extends MutableEntity> {
  create(ctx: MutationContext, data: FieldsOf[E]): Promise<RecordOf[E]>;
  /** Returns the record unchanged when the patch is empty. */
  update(ctx: MutationContext, patch: Partial<FieldsOf[E]>): Promise<RecordOf[E]>;
  /** The current record if the caller may see it (answers a duplicate push). */
  findVisible(tx: Queryable, actor: Actor, id: string): Promise<RecordOf[E] | null>;
}

export async function assertRecordIdUnused(ctx: MutationContext, entity: MutableEntity): Promise<void> {
  if (await findRecord(ctx.tx, entity, ctx.recordId)) {
    throw reject.conflict('Ein Datensatz mit dieser ID existiert bereits', null);
  }
}

/**
 * The case a note or appointment is written against, locked FOR SHARE so its
 * assignment cannot change before this transaction ends. Invisible cases are
 * "not found": a worker learns nothing about cases that are not theirs.
 */
export async function lockAccessibleCase(ctx: MutationContext, caseId: string): Promise<CaseRecord | null> {
  const found = await findRecord(ctx.tx, 'case', caseId, 'share');
  return found && canAccessCase(ctx.actor, found) ? found : null;
}

export async function loadWritableCase(
  ctx: MutationContext,
  caseId: string,
  field: string,
): Promise<CaseRecord> {
  const found = await lockAccessibleCase(ctx, caseId);
  if (!found) throw reject.notFound('Fall nicht gefunden', field);
  return found;
}

/** Takes the sequence number for the write; call right before writing (see sync-sequence.ts). */
export async function stampWrite(ctx: MutationContext): Promise<WriteMeta> {
  return { userId: ctx.actor.id, seq: await nextSeq(ctx.tx) };
}

export function isEmptyPatch(patch: object): boolean {
  return Object.keys(patch).length === 0;
}
