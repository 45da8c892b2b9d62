// Delete against edit: never a silent win either way.
//
// A delete based on version B of a record that another origin edited after B is a
// conflict on the pseudo-field '_deleted' (shared DELETE_CONFLICT_FIELD): the
// record stays, with one candidate per editing origin (value false) and one for
// the delete (value true). Likewise an edit based on B of a record another origin
// deleted after B revives the record and stores the same kind of conflict.
import { type Conflict, DELETE_CONFLICT_FIELD } from '../../../shared/records';
import {
  editorsOf,
  type FieldMeta,
  type FieldStamp,
  isSameOrigin,
  type Origin,
  type Stamp,
} from '../../repositories/field-meta';
import { type ConflictFactory, candidateOf, withCandidate } from './conflicts';
import { changedSince } from './field-merge';

/**
 * The latest edit of every other origin after baseVersion, over all fields and all
 * their editors (a competing value in an open conflict is an edit too; the delete
 * stamp itself is not).
 */
export function editsSince(fieldMeta: Readonly<FieldMeta>, baseVersion: number, origin: Origin): Stamp[] {
  const latest: Stamp[] = [];
  for (const [field, stamp] of Object.entries(fieldMeta)) {
    if (field === DELETE_CONFLICT_FIELD) continue;
    for (const edit of editorsOf(stamp)) {
      if (edit.version <= baseVersion || isSameOrigin(edit, origin)) continue;
      const index = latest.findIndex((other) => isSameOrigin(other, edit));
      const known = latest[index];
      if (!known) latest.push(edit);
      else if (edit.version > known.version) latest[index] = edit;
    }
  }
  return latest.sort((a, b) => a.version - b.version);
}

function withDeleteCandidates(
  conflicts: readonly Conflict[],
  candidates: ReturnType<typeof candidateOf>[],
  newConflict: ConflictFactory,
): Conflict[] {
  const open = conflicts.find((conflict) => conflict.field === DELETE_CONFLICT_FIELD);
  if (!open) return [...conflicts, newConflict(DELETE_CONFLICT_FIELD, candidates)];
  const updated = candidates.reduce(withCandidate, open);
  return conflicts.map((conflict) => (conflict === open ? updated : conflict));
}

export type DeleteDecision = { kind: 'delete' } | { kind: 'conflict'; conflicts: Conflict[] };

export function decideDelete(input: {
  fieldMeta: Readonly<FieldMeta>;
  conflicts: readonly Conflict[];
  baseVersion: number;
  origin: Origin;
  newConflict: ConflictFactory;
}): DeleteDecision {
  const open = input.conflicts.some((conflict) => conflict.field === DELETE_CONFLICT_FIELD);
  const edits = editsSince(input.fieldMeta, input.baseVersion, input.origin);
  if (!open && edits.length === 0) return { kind: 'delete' };
  const candidates = [...edits.map((edit) => candidateOf(edit, false)), candidateOf(input.origin, true)];
  return {
    kind: 'conflict',
    conflicts: withDeleteCandidates(input.conflicts, candidates, input.newConflict),
  };
}

/**
 * An edit for a deleted record: the conflicts it revives the record with, or null
 * when the editor had already seen the delete (or made it) - then it is refused.
 */
export function reviveConflicts(input: {
  deleteStamp: FieldStamp | undefined;
  conflicts: readonly Conflict[];
  baseVersion: number;
  origin: Origin;
  newConflict: ConflictFactory;
}): Conflict[] | null {
  const { deleteStamp } = input;
  if (!deleteStamp || !changedSince(deleteStamp, input.baseVersion, input.origin)) return null;
  const candidates = [candidateOf(deleteStamp, true), candidateOf(input.origin, false)];
  return withDeleteCandidates(input.conflicts, candidates, input.newConflict);
}
