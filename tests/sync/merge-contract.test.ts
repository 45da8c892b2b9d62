// The unit sync suite's in-memory server re-implements the merge rules
// (support/server-merge.ts). This contract holds it to the real server's merge
// (src/server/services/merge): the same steps give the same record, the same
// open conflicts and the same delete outcome in both.
import { describe, expect, it } from 'vitest';
import { type FieldStamp, type Origin, stampFields } from '../../src/server/repositories/field-meta';
import { decideDelete } from '../../src/server/services/merge/delete-merge';
import { mergePatch } from '../../src/server/services/merge/field-merge';
import type { Conflict, ConflictCandidate } from '../../src/shared/records';
import {
  type Author,
  type MergeTarget,
  mergeUpdate,
  openDeleteConflict,
  unseenChanges,
} from './support/server-merge';

const phone: Author = { userId: 'anna', deviceId: 'annas-phone' };
const tablet: Author = { userId: 'anna', deviceId: 'annas-tablet' };
const laptop: Author = { userId: 'ben', deviceId: 'bens-laptop' };

/** After the create (step 0), each step says which step its device had seen last. */
type Step =
  | { op: 'update'; by: Author; seen: number; data: Record<string, unknown> }
  | { op: 'delete'; by: Author; seen: number };

interface Case {
  name: string;
  steps: Step[];
}

const created = { phone: '0561 1', email: 'a@example.org', notes: 'erster Besuch' };

const cases: Case[] = [
  {
    name: 'different fields changed on two devices',
    steps: [
      { op: 'update', by: tablet, seen: 0, data: { phone: '0561 2' } },
      { op: 'update', by: phone, seen: 0, data: { email: 'b@example.org' } },
    ],
  },
  {
    name: 'the same field changed to different values',
    steps: [
      { op: 'update', by: tablet, seen: 0, data: { phone: '0561 2' } },
      { op: 'update', by: phone, seen: 0, data: { phone: '0561 3' } },
    ],
  },
  {
    name: 'the same field changed to the same value',
    steps: [
      { op: 'update', by: tablet, seen: 0, data: { phone: '0561 2' } },
      { op: 'update', by: laptop, seen: 0, data: { phone: '0561 2' } },
    ],
  },
  {
    name: 'one device changing a field twice without seeing its first change come back',
    steps: [
      { op: 'update', by: phone, seen: 0, data: { phone: '0561 2' } },
      { op: 'update', by: phone, seen: 0, data: { phone: '0561 3' } },
    ],
  },
  {
    name: 'an edit that saw the other device’s change',
    steps: [
      { op: 'update', by: tablet, seen: 0, data: { phone: '0561 2' } },
      { op: 'update', by: phone, seen: 1, data: { phone: '0561 3' } },
    ],
  },
  {
    name: 'three devices on one field',
    steps: [
      { op: 'update', by: tablet, seen: 0, data: { phone: '0561 2' } },
      { op: 'update', by: laptop, seen: 0, data: { phone: '0561 3', notes: 'zweiter Besuch' } },
      { op: 'update', by: phone, seen: 0, data: { phone: '0561 4' } },
    ],
  },
  {
    name: 'a delete that saw every edit',
    steps: [
      { op: 'update', by: tablet, seen: 0, data: { phone: '0561 2' } },
      { op: 'delete', by: phone, seen: 1 },
    ],
  },
  {
    name: 'a delete against an edit it has not seen',
    steps: [
      { op: 'update', by: tablet, seen: 0, data: { phone: '0561 2' } },
      { op: 'delete', by: phone, seen: 0 },
    ],
  },
  {
    name: 'a delete after the deleting device’s own edit',
    steps: [
      { op: 'update', by: phone, seen: 0, data: { phone: '0561 2' } },
      { op: 'delete', by: phone, seen: 0 },
    ],
  },
  {
    name: 'a delete against edits on two other devices',
    steps: [
      { op: 'update', by: tablet, seen: 0, data: { phone: '0561 2' } },
      { op: 'update', by: laptop, seen: 1, data: { email: 'c@example.org' } },
      { op: 'delete', by: phone, seen: 0 },
    ],
  },
];

/** What both must agree on: values, deletion, and each open conflict's candidates (not ids or times). */
interface Outcome {
  deleted: boolean;
  record: Record<string, unknown>;
  conflicts: { field: string; candidates: { value: unknown; by: string; deviceId: string | null }[] }[];
}

function outcomeOf(
  deleted: boolean,
  record: Record<string, unknown>,
  conflicts: readonly Conflict[],
): Outcome {
  const values = Object.fromEntries(Object.keys(created).map((field) => [field, record[field]]));
  return {
    deleted,
    record: values,
    conflicts: conflicts.map((conflict) => ({
      field: conflict.field,
      candidates: conflict.candidates.map(({ value, by, deviceId }) => ({ value, by, deviceId })),
    })),
  };
}

let clock = 0;
const nextAt = () => new Date(Date.UTC(2026, 0, 1) + ++clock * 1_000).toISOString();
const conflictOf = (field: string, candidates: ConflictCandidate[]): Conflict => ({
  id: crypto.randomUUID(),
  field,
  candidates,
  createdAt: nextAt(),
});

/** The steps on the unit suite's in-memory server model. */
function throughTestServer(steps: readonly Step[]): Outcome {
  const target: MergeTarget = { record: { ...created, conflicts: [] }, history: [] };
  for (const [field, value] of Object.entries(created)) {
    target.history.push({
      version: 1,
      field,
      value,
      by: phone.userId,
      at: nextAt(),
      deviceId: phone.deviceId,
    });
  }
  let version = 1;
  let deleted = false;
  const versionAfter = [version];
  for (const step of steps) {
    const base = versionAfter[step.seen] ?? 0;
    version += 1;
    const at = nextAt();
    if (step.op === 'update') mergeUpdate(target, step.data, base, step.by, version, at);
    else {
      const unseen = unseenChanges(target.history, base, step.by);
      if (unseen.length > 0) openDeleteConflict(target, unseen, step.by, at);
      else deleted = true;
    }
    versionAfter.push(version);
  }
  return outcomeOf(deleted, target.record, target.record.conflicts);
}

/** The same steps on the real server's merge, with the bookkeeping of its mutations. */
function throughRealServer(steps: readonly Step[]): Outcome {
  const originOf = (author: Author): Origin => ({ ...author, at: nextAt() });
  let current: Record<string, unknown> = { ...created };
  let fieldMeta: Record<string, FieldStamp> = stampFields(Object.keys(created), originOf(phone), 1);
  let conflicts: Conflict[] = [];
  let version = 1;
  let deleted = false;
  const versionAfter = [version];
  for (const step of steps) {
    const baseVersion = versionAfter[step.seen] ?? 0;
    const origin = originOf(step.by);
    if (step.op === 'update') {
      const merged = mergePatch({
        current,
        currentVersion: version,
        fieldMeta,
        conflicts,
        patch: step.data,
        baseVersion,
        origin,
        newConflict: conflictOf,
      });
      fieldMeta = merged.fieldMeta;
      if (merged.conflictsChanged || Object.keys(merged.applied).length > 0) {
        current = { ...current, ...merged.applied };
        conflicts = merged.conflicts;
        version += 1;
      }
    } else {
      const decision = decideDelete({ fieldMeta, conflicts, baseVersion, origin, newConflict: conflictOf });
      if (decision.kind === 'delete') deleted = true;
      else conflicts = decision.conflicts;
      version += 1;
    }
    versionAfter.push(version);
  }
  return outcomeOf(deleted, current, conflicts);
}

describe('the test server merges like the real server', () => {
  it.each(cases)('$name', ({ steps }) => {
    expect(throughTestServer(steps)).toEqual(throughRealServer(steps));
  });
});
