// Building blocks of conflicts (shared Conflict): candidates, who they come from,
// and when a conflict has settled because every candidate holds the same value.
import type { Conflict, ConflictCandidate } from '../../../shared/records';
import { isSameOrigin, type Origin } from '../../repositories/field-meta';

/** Makes a new conflict (id and creation time come from the caller: tests pin them). */
export type ConflictFactory = (field: string, candidates: ConflictCandidate[]) => Conflict;

/** Field values are JSON (strings, numbers, booleans, null); compared by their JSON text. */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

export function candidateOf(
  source: Pick<Origin, 'userId' | 'deviceId' | 'at'>,
  value: unknown,
): ConflictCandidate {
  return { value, by: source.userId, at: source.at, deviceId: source.deviceId };
}

function candidateOrigin(candidate: ConflictCandidate) {
  return { userId: candidate.by, deviceId: candidate.deviceId };
}

/** The conflict with `candidate` added, or replacing the earlier one of the same origin. Same object when nothing changes. */
export function withCandidate(conflict: Conflict, candidate: ConflictCandidate): Conflict {
  const origin = candidateOrigin(candidate);
  const index = conflict.candidates.findIndex((c) => isSameOrigin(candidateOrigin(c), origin));
  if (index === -1) return { ...conflict, candidates: [...conflict.candidates, candidate] };
  const earlier = conflict.candidates[index];
  if (earlier && sameValue(earlier.value, candidate.value)) return conflict;
  const candidates = conflict.candidates.map((c, i) => (i === index ? candidate : c));
  return { ...conflict, candidates };
}

/** Every candidate holds the same value: nothing left to decide. */
export function settledValue(conflict: Conflict): { settled: true; value: unknown } | { settled: false } {
  const [first, ...rest] = conflict.candidates;
  if (!first) return { settled: false };
  return rest.every((c) => sameValue(c.value, first.value))
    ? { settled: true, value: first.value }
    : { settled: false };
}
