// The per-field three-way merge of an update (Primero #508: whole-record
// last-writer-wins loses case notes; here only a real conflict stays open).
//
// A device's update carries the version its edit was based on (B). A field f
// "changed on the server since B" when another origin (user + device) edited it at
// a version > B: the one who set its value, or one who later set the same value
// or a competing one (field_meta keeps them all, see field-meta.ts). A device's
// later edit is built on its own earlier ones; baseVersion 0 means "based on this
// device's own create". For each field of the patch:
//   - same value as the record: no change, never a conflict - but the origin is
//     remembered as an editor of f, so the outcome does not depend on which of two
//     equal edits arrived first;
//   - not changed since B: taken; the origin becomes f's only editor;
//   - changed since B to a different value: a conflict. The record keeps the value
//     applied first, and the conflict keeps every candidate (each editor of that
//     value with who, when and from which device, and the incoming one) until a
//     person resolves it;
//   - an open conflict on f already: this origin's candidate is added or replaced
//     there (never a second conflict). If this origin's candidate held the record's
//     current value, its edit moves the record value along, so the record always
//     shows one of the candidates. A conflict whose candidates all agree has settled
//     and disappears.
// Who holds the record's value is read from the open conflict's candidates, not
// from the field's stamp: the stamp's setter may have moved on. Example: phone and
// tablet both set "other"; the phone (the setter) changes it to "phone" - a new
// conflict, the record keeps "other", now held by the tablet alone. When the tablet
// then changes it too, the record must follow the tablet, or it would keep a value
// that no device holds anymore.
import type { Conflict } from '../../../shared/records';
import {
  editorsOf,
  type FieldMeta,
  type FieldStamp,
  isSameOrigin,
  type Origin,
  type Stamp,
  stampOf,
  withOtherEditor,
} from '../../repositories/field-meta';
import { type ConflictFactory, candidateOf, sameValue, settledValue, withCandidate } from './conflicts';

export function changedSince(stamp: FieldStamp | undefined, baseVersion: number, origin: Origin): boolean {
  if (!stamp) return false;
  return editorsOf(stamp).some((editor) => editor.version > baseVersion && !isSameOrigin(editor, origin));
}

/** The origin's candidate in the open conflict is the record's current value. */
function holdsCurrentValue(open: Conflict, origin: Origin, currentValue: unknown): boolean {
  const own = open.candidates.find((candidate) =>
    isSameOrigin({ userId: candidate.by, deviceId: candidate.deviceId }, origin),
  );
  return own !== undefined && sameValue(own.value, currentValue);
}

/**
 * The stamp after `written` competed with the record's value (a new conflict). When
 * the competitor had set that value itself, the value is now the holders' (the
 * first of them becomes its setter) and the competitor one more editor at its new
 * version: the stamp never names as setter someone who no longer holds the value.
 */
function withCompetingEditor(stamp: FieldStamp, holders: readonly Stamp[], written: Stamp): FieldStamp {
  const [setter, ...others] = holders;
  if (!isSameOrigin(stamp, written) || !setter) return withOtherEditor(stamp, written);
  return { ...setter, others: [...others, written] };
}

export interface MergeInput {
  current: Readonly<Record<string, unknown>>;
  /** The record's version now; a write makes it currentVersion + 1. */
  currentVersion: number;
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
  /** The field history after the write (stamps of a written version are currentVersion + 1). */
  fieldMeta: FieldMeta;
  fieldMetaChanged: boolean;
}

export function mergePatch(input: MergeInput): MergeResult {
  const { current, patch, baseVersion, origin } = input;
  const written = stampOf(origin, input.currentVersion + 1);
  const applied: Record<string, unknown> = {};
  const fieldMeta: FieldMeta = { ...input.fieldMeta };
  let fieldMetaChanged = false;
  let conflicts = [...input.conflicts];
  let conflictsChanged = false;
  const restamp = (field: string, stamp: FieldStamp) => {
    fieldMeta[field] = stamp;
    fieldMetaChanged = true;
  };

  for (const [field, incoming] of Object.entries(patch)) {
    const stamp = fieldMeta[field];
    const open = conflicts.find((conflict) => conflict.field === field);
    if (open) {
      const updated = withCandidate(open, candidateOf(origin, incoming));
      if (updated === open) continue;
      if (holdsCurrentValue(open, origin, current[field]) && !sameValue(current[field], incoming)) {
        applied[field] = incoming;
        // This origin now set the value; everyone else who edited the field stays an editor.
        const others = stamp ? editorsOf(stamp).filter((editor) => !isSameOrigin(editor, origin)) : [];
        restamp(field, { ...written, others });
      } else {
        restamp(field, stamp ? withOtherEditor(stamp, written) : written);
      }
      const settled = settledValue(updated);
      if (settled.settled) {
        conflicts = conflicts.filter((conflict) => conflict !== open);
        if (!sameValue(current[field], settled.value)) applied[field] = settled.value;
      } else {
        conflicts = conflicts.map((conflict) => (conflict === open ? updated : conflict));
      }
      conflictsChanged = true;
      continue;
    }
    if (sameValue(current[field], incoming)) {
      const known = stamp && editorsOf(stamp).some((editor) => isSameOrigin(editor, origin));
      if (stamp && !known) restamp(field, withOtherEditor(stamp, stampOf(origin, input.currentVersion)));
      continue;
    }
    if (!stamp || !changedSince(stamp, baseVersion, origin)) {
      applied[field] = incoming;
      restamp(field, written);
      continue;
    }
    const holders = editorsOf(stamp).filter((editor) => !isSameOrigin(editor, origin));
    const candidates = [
      ...holders.map((holder) => candidateOf(holder, current[field])),
      candidateOf(origin, incoming),
    ];
    conflicts.push(input.newConflict(field, candidates));
    conflictsChanged = true;
    restamp(field, withCompetingEditor(stamp, holders, written));
  }
  return { applied, conflicts, conflictsChanged, fieldMeta, fieldMetaChanged };
}
