// The merge rules of the sync server, small enough to read in one go, for the
// in-memory ProtocolServer. Each record keeps the history of its field changes
// (version, value, who, from which device). An edit based on version b conflicts
// on a field only if another device changed that field after b and the values
// differ; changes from the same device never conflict with each other, and
// baseVersion 0 means "based on this device's own create".
import { type Conflict, type ConflictCandidate, DELETE_CONFLICT_FIELD } from '../../../src/shared/records';

export interface FieldChange {
  version: number;
  field: string;
  value: unknown;
  by: string;
  at: string;
  deviceId: string | null;
}

export interface Author {
  userId: string;
  deviceId: string | null;
}

export interface MergeTarget {
  record: Record<string, unknown> & { conflicts: Conflict[] };
  history: FieldChange[];
}

/** Changes made after `baseVersion` on other devices: what the editing device has not seen. */
export function unseenChanges(
  history: readonly FieldChange[],
  baseVersion: number,
  author: Author,
  field?: string,
): FieldChange[] {
  return history.filter(
    (c) =>
      c.version > baseVersion && c.deviceId !== author.deviceId && (field === undefined || c.field === field),
  );
}

function candidate(value: unknown, change: Pick<FieldChange, 'by' | 'at' | 'deviceId'>): ConflictCandidate {
  return { value, by: change.by, at: change.at, deviceId: change.deviceId };
}

/** Adds a candidate to the field's open conflict, or opens one with the record's current value first. */
export function addConflict(
  target: MergeTarget,
  field: string,
  current: ConflictCandidate,
  incoming: ConflictCandidate,
  at: string,
): void {
  const open = target.record.conflicts.find((c) => c.field === field);
  if (open) {
    open.candidates.push(incoming);
    return;
  }
  target.record.conflicts.push({
    id: crypto.randomUUID(),
    field,
    candidates: [current, incoming],
    createdAt: at,
  });
}

export function setField(
  target: MergeTarget,
  field: string,
  value: unknown,
  change: Omit<FieldChange, 'field' | 'value'>,
) {
  target.record[field] = value;
  target.history.push({ ...change, field, value });
}

/** Three-way merge of an update into the record (mutating it); `version` is the version it produces. */
export function mergeUpdate(
  target: MergeTarget,
  data: Record<string, unknown>,
  baseVersion: number,
  author: Author,
  version: number,
  at: string,
): void {
  const change = { version, by: author.userId, at, deviceId: author.deviceId };
  for (const [field, value] of Object.entries(data)) {
    const unseen = unseenChanges(target.history, baseVersion, author, field);
    const last = unseen.at(-1);
    if (!last) setField(target, field, value, change);
    else if (JSON.stringify(target.record[field]) !== JSON.stringify(value)) {
      // The value applied first stays on the record; both are kept for a person to choose.
      addConflict(target, field, candidate(target.record[field], last), candidate(value, change), at);
    }
  }
}

/**
 * A delete that meets edits it has not seen keeps the record and opens a
 * delete-vs-edit conflict: one candidate per other device that edited (its
 * latest edit, oldest first), then the delete.
 */
export function openDeleteConflict(
  target: MergeTarget,
  unseen: readonly FieldChange[],
  author: Author,
  at: string,
): void {
  const latestOfEach = new Map<string | null, FieldChange>();
  for (const change of unseen) {
    if (change.field === DELETE_CONFLICT_FIELD) continue;
    latestOfEach.delete(change.deviceId);
    latestOfEach.set(change.deviceId, change);
  }
  const editors = [...latestOfEach.values()].map((change) => candidate(false, change));
  const deleter = candidate(true, { by: author.userId, at, deviceId: author.deviceId });
  const open = target.record.conflicts.find((c) => c.field === DELETE_CONFLICT_FIELD);
  if (open) {
    open.candidates.push(...editors, deleter);
    return;
  }
  target.record.conflicts.push({
    id: crypto.randomUUID(),
    field: DELETE_CONFLICT_FIELD,
    candidates: [...editors, deleter],
    createdAt: at,
  });
}
