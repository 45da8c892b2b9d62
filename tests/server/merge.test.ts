// The merge rules on their own, without a database: which fields are taken, when a
// conflict arises, and how an open conflict collects candidates.
import { describe, expect, it } from 'vitest';
import type { FieldMeta, Origin } from '../../src/server/repositories/field-meta';
import type { ConflictFactory } from '../../src/server/services/merge/conflicts';
import { decideDelete, editsSince, reviveConflicts } from '../../src/server/services/merge/delete-merge';
import { mergePatch } from '../../src/server/services/merge/field-merge';
import type { Conflict } from '../../src/shared/records';

const at = '2026-03-02T10:00:00.000Z';
const phone: Origin = { userId: 'anna', deviceId: 'phone', at };
const tablet: Origin = { userId: 'anna', deviceId: 'tablet', at };
const lead: Origin = { userId: 'lea', deviceId: 'office', at };

let conflictNumber = 0;
const newConflict: ConflictFactory = (field, candidates) => ({
  id: `c${++conflictNumber}`,
  field,
  candidates,
  createdAt: at,
});

/** A record at version 3: phone set by the tablet at 2, address by the lead at 3. */
const current = { phone: '111', address: 'Dorfstraße 1', status: 'open' };
const fieldMeta: FieldMeta = {
  phone: { version: 2, userId: 'anna', deviceId: 'tablet', at },
  address: { version: 3, userId: 'lea', deviceId: 'office', at },
  status: { version: 1, userId: 'anna', deviceId: 'phone', at },
};

function merge(
  patch: Record<string, unknown>,
  baseVersion: number,
  origin: Origin,
  conflicts: Conflict[] = [],
) {
  return mergePatch({
    current,
    currentVersion: 3,
    fieldMeta,
    conflicts,
    patch,
    baseVersion,
    origin,
    newConflict,
  });
}

describe('per-field merge', () => {
  it('takes fields nobody else changed since the base', () => {
    const result = merge({ status: 'closed' }, 1, phone);
    expect(result).toMatchObject({ applied: { status: 'closed' }, conflicts: [], conflictsChanged: false });
    expect(result.fieldMeta.status).toEqual({ version: 4, userId: 'anna', deviceId: 'phone', at });
  });

  it('turns the same field changed on both sides into a conflict that keeps both values', () => {
    const result = merge({ phone: '222' }, 1, phone);
    expect(result.applied).toEqual({});
    expect(result.conflicts).toEqual([
      {
        id: expect.any(String),
        field: 'phone',
        createdAt: at,
        candidates: [
          { value: '111', by: 'anna', deviceId: 'tablet', at },
          { value: '222', by: 'anna', deviceId: 'phone', at },
        ],
      },
    ]);
  });

  it('sees no conflict in equal values, nor in a change from the same device', () => {
    expect(merge({ phone: '111' }, 1, phone)).toMatchObject({ applied: {}, conflicts: [] });
    expect(merge({ phone: '333' }, 1, tablet)).toMatchObject({ applied: { phone: '333' }, conflicts: [] });
    expect(merge({ phone: '333' }, 2, phone)).toMatchObject({ applied: { phone: '333' }, conflicts: [] });
  });

  it('remembers a device that set the same value, so a later change by another is a conflict in any order', () => {
    const agreed = merge({ phone: '111' }, 1, lead);
    expect(agreed).toMatchObject({
      applied: {},
      conflicts: [],
      conflictsChanged: false,
      fieldMetaChanged: true,
    });
    expect(agreed.fieldMeta.phone?.others).toEqual([{ version: 3, userId: 'lea', deviceId: 'office', at }]);
    const later = mergePatch({
      current,
      currentVersion: 3,
      fieldMeta: agreed.fieldMeta,
      conflicts: [],
      patch: { phone: '222' },
      baseVersion: 1,
      origin: tablet,
      newConflict,
    });
    expect(later.applied).toEqual({});
    expect(later.conflicts[0]?.candidates.map((c) => [c.by, c.value])).toEqual([
      ['lea', '111'],
      ['anna', '222'],
    ]);
  });

  it('adds a third device to the open conflict instead of opening a second one', () => {
    const first = merge({ phone: '222' }, 1, phone);
    const second = merge({ phone: '444' }, 1, lead, first.conflicts);
    expect(second.conflicts).toHaveLength(1);
    expect(second.conflicts[0]?.candidates.map((c) => [c.deviceId, c.value])).toEqual([
      ['tablet', '111'],
      ['phone', '222'],
      ['office', '444'],
    ]);
    const replaced = merge({ phone: '555' }, 1, phone, second.conflicts);
    expect(replaced.conflicts[0]?.candidates.map((c) => c.value)).toEqual(['111', '555', '444']);
  });

  it('lets the owner of the kept value move it along, and settles when all candidates agree', () => {
    const open = merge({ phone: '222' }, 1, phone).conflicts;
    const moved = merge({ phone: '999' }, 3, tablet, open);
    expect(moved.applied).toEqual({ phone: '999' });
    expect(moved.conflicts[0]?.candidates.map((c) => c.value)).toEqual(['999', '222']);
    const agreed = merge({ phone: '111' }, 3, phone, open);
    expect(agreed).toMatchObject({ applied: {}, conflicts: [], conflictsChanged: true });
  });
});

describe('an open conflict whose value the stamp no longer names', () => {
  /** Applies patches one after another from version 1, as the server would. */
  function replay(steps: [Origin, Record<string, unknown>][]) {
    let record: Record<string, unknown> = { kind: 'home_visit' };
    let meta: FieldMeta = { kind: { version: 1, userId: 'anna', deviceId: 'phone', at } };
    let conflicts: Conflict[] = [];
    let version = 1;
    for (const [origin, patch] of steps) {
      const result = mergePatch({
        current: record,
        currentVersion: version,
        fieldMeta: meta,
        conflicts,
        patch,
        baseVersion: 1,
        origin,
        newConflict,
      });
      if (Object.keys(result.applied).length > 0 || result.conflictsChanged) version++;
      record = { ...record, ...result.applied };
      meta = result.fieldMeta;
      conflicts = result.conflicts;
    }
    return { record, meta, conflicts, version };
  }

  const settledThenContested: [Origin, Record<string, unknown>][] = [
    [phone, { kind: 'meeting' }],
    [tablet, { kind: 'other' }], // conflict meeting | other
    [phone, { kind: 'other' }], // settled on other: the phone set it, the tablet holds it too
    [phone, { kind: 'phone' }], // conflict: the tablet still holds other
  ];

  it('moves the record along with the device whose candidate it shows, not with the stamp', () => {
    const { record, conflicts } = replay([...settledThenContested, [tablet, { kind: 'meeting' }]]);
    expect(conflicts[0]?.candidates.map((c) => [c.deviceId, c.value])).toEqual([
      ['tablet', 'meeting'],
      ['phone', 'phone'],
    ]);
    expect(record.kind).toBe('meeting');
  });

  it('remembers the competing edit of the device that had set the kept value, at its new version', () => {
    const { meta, version } = replay(settledThenContested);
    expect(version).toBe(5);
    expect(meta.kind).toMatchObject({ deviceId: 'tablet', version: 3 });
    expect(editsSince(meta, 4, tablet).map((s) => [s.deviceId, s.version])).toEqual([['phone', 5]]);
  });
});

describe('delete against edit', () => {
  it('deletes when nobody else edited after the base', () => {
    expect(decideDelete({ fieldMeta, conflicts: [], baseVersion: 3, origin: phone, newConflict })).toEqual({
      kind: 'delete',
    });
  });

  it('keeps the record with one candidate per editing device and one for the delete', () => {
    const decision = decideDelete({ fieldMeta, conflicts: [], baseVersion: 1, origin: phone, newConflict });
    expect(decision.kind).toBe('conflict');
    if (decision.kind !== 'conflict') return;
    expect(decision.conflicts[0]?.field).toBe('_deleted');
    expect(decision.conflicts[0]?.candidates.map((c) => [c.deviceId, c.value])).toEqual([
      ['tablet', false],
      ['office', false],
      ['phone', true],
    ]);
    expect(editsSince(fieldMeta, 2, phone).map((s) => s.deviceId)).toEqual(['office']);
  });

  it('counts a competing value in an open conflict as an edit', () => {
    const open = merge({ status: 'closed' }, 1, lead);
    expect(open.applied).toEqual({ status: 'closed' });
    const contested = mergePatch({
      current: { ...current, status: 'closed' },
      currentVersion: 4,
      fieldMeta: open.fieldMeta,
      conflicts: [],
      patch: { status: 'open' },
      baseVersion: 3,
      origin: tablet,
      newConflict,
    });
    expect(contested.conflicts).toHaveLength(1);
    expect(editsSince(contested.fieldMeta, 4, lead).map((s) => s.deviceId)).toEqual(['tablet']);
  });

  it("revives a record deleted after the editor's base, and refuses an edit made after seeing the delete", () => {
    const deleteStamp = { version: 4, userId: 'lea', deviceId: 'office', at };
    const revived = reviveConflicts({
      deleteStamp,
      conflicts: [],
      baseVersion: 3,
      origin: phone,
      newConflict,
    });
    expect(revived?.[0]?.candidates.map((c) => [c.deviceId, c.value])).toEqual([
      ['office', true],
      ['phone', false],
    ]);
    expect(
      reviveConflicts({ deleteStamp, conflicts: [], baseVersion: 4, origin: phone, newConflict }),
    ).toBeNull();
  });
});
