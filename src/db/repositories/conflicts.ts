// Reading open conflicts, for the "Konflikte" view and for badges on records.
import {
  type Conflict,
  DELETE_CONFLICT_FIELD,
  type MemberRecord,
  MutableEntity,
  type RecordOf,
} from '../../shared/records';
import { caseIdOf } from '../infrastructure/outbox-entry';
import { CONFLICT_INDEX, type FeldakteDb, tableOf } from '../infrastructure/schema';

export type ConflictedRecord = {
  [E in MutableEntity]: { entity: E; record: RecordOf[E] };
}[MutableEntity];

const ENTITIES: readonly MutableEntity[] = MutableEntity.options;

/** Every record with at least one open conflict (an index lookup per table, no scan). */
export async function listConflictedRecords(db: FeldakteDb): Promise<ConflictedRecord[]> {
  const perEntity = await Promise.all(
    ENTITIES.map(async (entity) => {
      const records = await tableOf(db, entity).where(CONFLICT_INDEX).equals(1).toArray();
      return records.map((record) => ({ entity, record }) as ConflictedRecord);
    }),
  );
  return perEntity.flat();
}

/** Number of open conflicts over all records. */
export async function countOpenConflicts(db: FeldakteDb): Promise<number> {
  const records = await listConflictedRecords(db);
  return records.reduce((sum, { record }) => sum + record.conflicts.length, 0);
}

export interface ConflictCandidateView {
  value: unknown;
  /** User id of who set it, and their display name when this device knows the member. */
  by: string;
  byName: string | null;
  at: string;
  deviceId: string | null;
  /** The record shows this value now (the one the server applied first). */
  isCurrent: boolean;
}

export interface ConflictView {
  entity: MutableEntity;
  recordId: string;
  /** The case to open for it; null for a pre-consultation. */
  caseId: string | null;
  conflictId: string;
  /** A field name of the entity, or DELETE_CONFLICT_FIELD. */
  field: string;
  /** Deleted on one side, edited on the other: candidates are true (delete) and false (keep). */
  isDeletion: boolean;
  createdAt: string;
  /** Oldest first. */
  candidates: ConflictCandidateView[];
}

/** A conflict as the UI shows it: each candidate with who, when and whether the record holds it now. */
export function describeConflict<E extends MutableEntity>(
  entity: E,
  record: RecordOf[E],
  conflict: Conflict,
  members: readonly MemberRecord[] = [],
): ConflictView {
  const names = new Map(members.map((m) => [m.id, m.displayName]));
  const isDeletion = conflict.field === DELETE_CONFLICT_FIELD;
  // The record is on the device, so for a deletion conflict "kept" (false) is what it shows.
  const current = isDeletion ? false : (record as Record<string, unknown>)[conflict.field];
  const candidates = [...conflict.candidates]
    .sort((a, b) => a.at.localeCompare(b.at))
    .map((candidate) => ({
      ...candidate,
      byName: names.get(candidate.by) ?? null,
      isCurrent: sameValue(candidate.value, current),
    }));
  return {
    entity,
    recordId: record.id,
    caseId: caseIdOf(entity, record),
    conflictId: conflict.id,
    field: conflict.field,
    isDeletion,
    createdAt: conflict.createdAt,
    candidates,
  };
}

function sameValue(a: unknown, b: unknown): boolean {
  // Field values are JSON (strings, numbers, booleans, null).
  return Object.is(a, b) || JSON.stringify(a) === JSON.stringify(b);
}
