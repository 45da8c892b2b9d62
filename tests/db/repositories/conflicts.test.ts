import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { withConflictFlag } from '../../../src/db/infrastructure/conflict-flag';
import type { FeldakteDb } from '../../../src/db/infrastructure/schema';
import { createAppointment } from '../../../src/db/repositories/appointments';
import { createCase, updateCase } from '../../../src/db/repositories/cases';
import { ConflictNotFoundError, resolveConflict } from '../../../src/db/repositories/conflict-resolution';
import {
  countOpenConflicts,
  describeConflict,
  listConflictedRecords,
} from '../../../src/db/repositories/conflicts';
import { type CaseRecord, type Conflict, DELETE_CONFLICT_FIELD } from '../../../src/shared/records';
import { fieldConflict, listConflictViews } from '../support/conflicts';
import { appointmentFields, caseFields, colleague, freshDb, worker } from '../support/fixtures';

let db: FeldakteDb;

beforeEach(() => {
  db = freshDb();
});

afterEach(async () => {
  await db.delete();
});

/** A case as a pull would store it: acknowledged, with open conflicts. */
async function syncedCaseWith(...conflicts: Conflict[]): Promise<CaseRecord> {
  const created = await createCase(db, worker, caseFields({ phone: 'vom Telefon' }));
  await db.outbox.clear();
  const record = { ...created, version: 3, conflicts };
  await db.cases.put(withConflictFlag(record));
  return record;
}

describe('resolving a conflict', () => {
  it('applies the chosen value at once, removes the conflict and queues the resolution', async () => {
    const conflict = fieldConflict('phone', 'vom Telefon', 'vom Tablet');
    const c = await syncedCaseWith(conflict);

    const resolved = await resolveConflict(db, worker, 'case', c.id, conflict.id, 'vom Tablet');

    expect(resolved).toMatchObject({ phone: 'vom Tablet', conflicts: [] });
    expect(await db.cases.get(c.id)).toMatchObject({ phone: 'vom Tablet', conflicts: [] });
    expect(await db.outbox.toArray()).toEqual([
      expect.objectContaining({
        op: 'resolve',
        recordId: c.id,
        baseVersion: 3,
        data: { conflictId: conflict.id, value: 'vom Tablet' },
        caseId: c.id,
      }),
    ]);
    expect(await listConflictedRecords(db)).toEqual([]);
  });

  it('takes a merged value, checked against the field', async () => {
    const conflict = fieldConflict('phone', '1', '2');
    const c = await syncedCaseWith(conflict);

    await expect(resolveConflict(db, worker, 'case', c.id, conflict.id, 42)).rejects.toThrow();
    expect(await db.outbox.count()).toBe(0);

    await resolveConflict(db, worker, 'case', c.id, conflict.id, '1 oder 2');
    expect((await db.cases.get(c.id))?.phone).toBe('1 oder 2');
  });

  it('settles a delete-vs-edit conflict by deleting (true) or keeping (false) the record', async () => {
    const keep: Conflict = { ...fieldConflict(DELETE_CONFLICT_FIELD, false, true) };
    const c = await syncedCaseWith(keep);
    const appointment = await createAppointment(db, worker, appointmentFields(c.id));
    const drop: Conflict = { ...fieldConflict(DELETE_CONFLICT_FIELD, true, false) };
    await db.appointments.put(withConflictFlag({ ...appointment, version: 2, conflicts: [drop] }));

    await expect(resolveConflict(db, worker, 'case', c.id, keep.id, 'ja')).rejects.toThrow();
    await resolveConflict(db, worker, 'case', c.id, keep.id, false);
    await resolveConflict(db, worker, 'appointment', appointment.id, drop.id, true);

    expect(await db.cases.get(c.id)).toMatchObject({ conflicts: [] });
    expect(await db.appointments.get(appointment.id)).toBeUndefined();
    expect(await countOpenConflicts(db)).toBe(0);
  });

  it('refuses a conflict that is not open', async () => {
    const c = await syncedCaseWith(fieldConflict('phone', '1', '2'));
    await expect(resolveConflict(db, worker, 'case', c.id, crypto.randomUUID(), '1')).rejects.toBeInstanceOf(
      ConflictNotFoundError,
    );
  });
});

describe('open conflicts', () => {
  it('a local edit keeps the conflicts, including one on the edited field', async () => {
    const conflict = fieldConflict('phone', '1', '2');
    const c = await syncedCaseWith(conflict);

    await updateCase(db, worker, c.id, { phone: '3', address: 'Neu 1' });

    expect(await db.cases.get(c.id)).toMatchObject({ phone: '3', conflicts: [conflict] });
    expect(await countOpenConflicts(db)).toBe(1);
  });

  it('lists records with open conflicts over all tables, and describes each for the UI', async () => {
    const phone = fieldConflict('phone', 'vom Telefon', 'vom Tablet');
    const status = fieldConflict('status', 'open', 'closed');
    const c = await syncedCaseWith(phone, status);
    await createCase(db, worker, caseFields({ familyName: 'Ohne Konflikt' }));
    const appointment = await createAppointment(db, worker, appointmentFields(c.id));
    const deletion = fieldConflict(DELETE_CONFLICT_FIELD, true, false);
    await db.appointments.put(withConflictFlag({ ...appointment, version: 1, conflicts: [deletion] }));
    await db.members.put({
      ...colleague,
      id: colleague.userId,
      username: 'kim',
      displayName: 'Kim Vogel',
      role: 'worker',
      version: 1,
    });

    const records = await listConflictedRecords(db);
    expect(records.map((r) => [r.entity, r.record.id]).sort()).toEqual(
      [
        ['appointment', appointment.id],
        ['case', c.id],
      ].sort(),
    );
    expect(await countOpenConflicts(db)).toBe(3);

    const view = describeConflict('case', { ...c, phone: 'vom Telefon' }, phone, await db.members.toArray());
    expect(view).toMatchObject({
      entity: 'case',
      recordId: c.id,
      caseId: c.id,
      field: 'phone',
      isDeletion: false,
    });
    // Oldest first: the tablet's value was set earlier.
    expect(view.candidates).toEqual([
      expect.objectContaining({
        value: 'vom Tablet',
        byName: 'Kim Vogel',
        deviceId: 'tablet',
        isCurrent: false,
      }),
      expect.objectContaining({ value: 'vom Telefon', byName: null, deviceId: 'telefon', isCurrent: true }),
    ]);

    const all = await listConflictViews(db);
    expect(all).toHaveLength(3);
    expect(all.find((v) => v.isDeletion)).toMatchObject({ entity: 'appointment', caseId: c.id });
  });
});
