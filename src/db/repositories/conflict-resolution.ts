// Settling one open conflict: the chosen (or a merged) value becomes the field's
// value, the conflict disappears, and a 'resolve' mutation tells the server, which
// settles it the same way for every device. The local record changes at once.
import { z } from 'zod';
import { fieldSchema } from '../../shared/protocol';
import {
  type Conflict,
  DELETE_CONFLICT_FIELD,
  type MutableEntity,
  type RecordOf,
} from '../../shared/records';
import { withConflictFlag } from '../infrastructure/conflict-flag';
import { type Actor, RecordNotFoundError } from '../infrastructure/local-write';
import { changeOfHeldRecord } from '../infrastructure/outbox-entry';
import { type FeldakteDb, tableOf } from '../infrastructure/schema';
import { rememberBaseBeforeLocalChange } from '../infrastructure/server-base';

export class ConflictNotFoundError extends Error {
  constructor(recordId: string, conflictId: string) {
    super(`Konflikt ${conflictId} ist an ${recordId} nicht (mehr) offen`);
    this.name = 'ConflictNotFoundError';
  }
}

export type Settlement<R> = { kind: 'kept'; record: R } | { kind: 'deleted' } | { kind: 'no_such_conflict' };

/**
 * The record after settling one conflict. A delete-vs-edit conflict settled with
 * `true` deletes the record; with `false` it keeps the record as it is.
 */
export function settleConflict<R extends { conflicts: Conflict[] }>(
  record: R,
  conflictId: string,
  value: unknown,
): Settlement<R> {
  const conflict = record.conflicts.find((c) => c.id === conflictId);
  if (!conflict) return { kind: 'no_such_conflict' };
  const conflicts = record.conflicts.filter((c) => c.id !== conflictId);
  if (conflict.field === DELETE_CONFLICT_FIELD) {
    return value === true
      ? { kind: 'deleted' }
      : { kind: 'kept', record: withConflictFlag({ ...record, conflicts }) };
  }
  return { kind: 'kept', record: withConflictFlag({ ...record, [conflict.field]: value, conflicts }) };
}

/** What a resolved value of this field must look like. */
export function resolutionSchema(entity: MutableEntity, field: string): z.ZodType | undefined {
  return field === DELETE_CONFLICT_FIELD ? z.boolean() : fieldSchema(entity, field);
}

export async function resolveConflict<E extends MutableEntity>(
  db: FeldakteDb,
  actor: Actor,
  entity: E,
  recordId: string,
  conflictId: string,
  value: unknown,
): Promise<RecordOf[E] | null> {
  const table = tableOf(db, entity);
  return db.transaction('rw', table, db.outbox, db.bases, async () => {
    const current = await table.get(recordId);
    if (!current) throw new RecordNotFoundError(entity, recordId);
    const conflict = current.conflicts.find((c) => c.id === conflictId);
    if (!conflict) throw new ConflictNotFoundError(recordId, conflictId);
    const schema = resolutionSchema(entity, conflict.field);
    if (!schema) throw new ConflictNotFoundError(recordId, conflictId);
    const resolvedValue = schema.parse(value);

    await rememberBaseBeforeLocalChange(db, entity, current);
    const now = new Date().toISOString();
    const settled = settleConflict(current, conflictId, resolvedValue);
    let result: RecordOf[E] | null = null;
    if (settled.kind === 'kept') {
      result = { ...settled.record, updatedAt: now, updatedBy: actor.userId };
      await table.put(result);
    } else {
      await table.delete(recordId);
    }
    await db.outbox.add(
      changeOfHeldRecord(entity, current, 'resolve', { conflictId, value: resolvedValue }, now),
    );
    return result;
  });
}
