// The per-field three-way merge of an update (Primero #508: whole-record
// last-writer-wins loses case notes; here only a real conflict stays open).
//
// A device's update carries the version its edit was based on (B). A field f
// "changed on the server since B" when field_meta[f] says it was last changed at a
// version > B by another origin (user + device): a device's later edit is built
// on its own earlier ones, and baseVersion 0 means "based on this device's own
// create". For each field of the patch:
//   - same value as the record: nothing to do, never a conflict;
//   - not changed since B: taken;
//   - changed since B to a different value: a conflict. The record keeps the value
//     applied first, and the conflict keeps every candidate (that value with who,
//     when and from which device, and the incoming one) until a person resolves it;
//   - an open conflict on f already: this origin's candidate is added or replaced
//     there (never a second conflict). If this origin also set the record's current
//     value, its edit moves the record value along. A conflict whose candidates all
//     agree has settled and disappears.
import type { Conflict } from '../../../shared/records';
import type { FieldMeta, FieldStamp, Origin } from '../../repositories/field-meta';
import {
  type ConflictFactory,
  candidateOf,
  isSameOrigin,
  sameValue,
  settledValue,
  withCandidate,
} from './conflicts';

export function changedSince(stamp: FieldStamp | undefined, baseVersion: number, origin: Origin): boolean {
  return stamp !== undefined && stamp.version > baseVersion && !isSameOrigin(stamp, origin);
}

export interface MergeInput {
  current: Readonly<Record<string, unknown>>;
  fieldMeta: Readonly<FieldMeta>;
  conflicts: readonly Conflict[];
  patch: Readonly<Record<string, unknown>>;
  baseVersion: number;
  origin: Origin;
  newConflict: ConflictFactory;
}

export interface MergeResult {
  /** Field -> value to write into the record. */
  applied: Record<string, unknown>;
  conflicts: Conflict[];
  conflictsChanged: boolean;
}

export function mergePatch(input: MergeInput): MergeResult {
  const { current, fieldMeta, patch, baseVersion, origin } = input;
  const applied: Record<string, unknown> = {};
  let conflicts = [...input.conflicts];
  let conflictsChanged = false;

  for (const [field, incoming] of Object.entries(patch)) {
    const stamp = fieldMeta[field];
    const open = conflicts.find((conflict) => conflict.field === field);
    if (open) {
      const updated = withCandidate(open, candidateOf(origin, incoming));
      const ownsCurrentValue = stamp !== undefined && isSameOrigin(stamp, origin);
      if (ownsCurrentValue && !sameValue(current[field], incoming)) applied[field] = incoming;
      const settled = settledValue(updated);
      if (settled.settled) {
        conflicts = conflicts.filter((conflict) => conflict !== open);
        if (!sameValue(current[field], settled.value)) applied[field] = settled.value;
        conflictsChanged = true;
      } else if (updated !== open) {
        conflicts = conflicts.map((conflict) => (conflict === open ? updated : conflict));
        conflictsChanged = true;
      }
      continue;
    }
    if (sameValue(current[field], incoming)) continue;
    if (!stamp || !changedSince(stamp, baseVersion, origin)) {
      applied[field] = incoming;
      continue;
    }
    conflicts.push(
      input.newConflict(field, [candidateOf(stamp, current[field]), candidateOf(origin, incoming)]),
    );
    conflictsChanged = true;
  }
  return { applied, conflicts, conflictsChanged };
}
