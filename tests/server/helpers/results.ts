// Reading push answers in tests.
import type { MutationResult } from '../../../src/shared/protocol';
import type { Conflict } from '../../../src/shared/records';

/** The record of an applied or duplicate answer; fails the test otherwise. */
export function recordOf(result: MutationResult | undefined): Record<string, unknown> & {
  id: string;
  version: number;
  conflicts: Conflict[];
} {
  if (!result || result.status === 'rejected' || !result.record) {
    throw new Error(`no record: ${JSON.stringify(result)}`);
  }
  return result.record as unknown as Record<string, unknown> & {
    id: string;
    version: number;
    conflicts: Conflict[];
  };
}

export function onlyConflict(result: MutationResult | undefined): Conflict {
  const conflicts = recordOf(result).conflicts;
  if (conflicts.length !== 1 || !conflicts[0])
    throw new Error(`expected one conflict: ${JSON.stringify(conflicts)}`);
  return conflicts[0];
}
