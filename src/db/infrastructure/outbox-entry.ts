// Building the outbox entry that goes with a local change.
import type { MutationOp } from '../../shared/protocol';
import type { MutableEntity } from '../../shared/records';
import type { OutboxEntry } from './schema';

/** The case a record belongs to: itself for a case, its `caseId` for children, none for a pre-consultation. */
export function caseIdOf(entity: MutableEntity, record: { id: string; caseId?: string }): string | null {
  if (entity === 'case') return record.id;
  return record.caseId ?? null;
}

export interface OutboxEntryInput {
  entity: MutableEntity;
  op: MutationOp;
  recordId: string;
  baseVersion: number | null;
  data: Record<string, unknown>;
  caseId: string | null;
  clientTime: string;
}

export function newOutboxEntry(input: OutboxEntryInput): OutboxEntry {
  return { id: crypto.randomUUID(), ...input, status: 'pending', rejection: null };
}

/**
 * The outbox entry for a change to a record the device holds, based on the version
 * the device has (0 for a record this device created and the server has not
 * answered yet: the server reads it as "based on this device's own create").
 */
export function changeOfHeldRecord(
  entity: MutableEntity,
  current: { id: string; caseId?: string; version: number },
  op: MutationOp,
  data: Record<string, unknown>,
  clientTime: string,
): OutboxEntry {
  return newOutboxEntry({
    entity,
    op,
    recordId: current.id,
    baseVersion: current.version,
    data,
    caseId: caseIdOf(entity, current),
    clientTime,
  });
}
