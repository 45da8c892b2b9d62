// Conflicts end to end between two devices of one worker (phone and tablet) and
// the in-memory server: per-field merge, conflicts kept with every candidate on
// both devices, resolution syncing like any edit, delete-vs-edit.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  createAppointment,
  deleteAppointment,
  updateAppointment,
} from '../../src/db/repositories/appointments';
import { createCase, updateCase } from '../../src/db/repositories/cases';
import { resolveConflict } from '../../src/db/repositories/conflict-resolution';
import { countOpenConflicts } from '../../src/db/repositories/conflicts';
import { DELETE_CONFLICT_FIELD } from '../../src/shared/records';
import { listConflictViews } from '../db/support/conflicts';
import { appointmentFields, caseFields, worker } from '../db/support/fixtures';
import { ProtocolHarness, startMswForThisFile } from './support/protocol-harness';
import { type TestDevice, testDevice } from './support/test-device';

startMswForThisFile();

let harness: ProtocolHarness;
let phone: TestDevice;
let tablet: TestDevice;

beforeEach(() => {
  harness = new ProtocolHarness();
  harness.install();
  phone = testDevice(harness, 'telefon');
  tablet = testDevice(harness, 'tablet');
});

afterEach(async () => {
  await Promise.all([phone.db.delete(), tablet.db.delete()]);
});

/** A case both devices hold at the same server version. */
async function sharedCase() {
  const c = await createCase(phone.db, worker, caseFields({ phone: 'alt' }));
  await phone.sync();
  await tablet.sync();
  return c;
}

describe('per-field merge between two devices', () => {
  it('takes edits of different fields from both sides without a conflict', async () => {
    const c = await sharedCase();
    await updateCase(phone.db, worker, c.id, { phone: 'vom Telefon' });
    await updateCase(tablet.db, worker, c.id, { address: 'vom Tablet' });

    await phone.sync();
    await tablet.sync();
    await phone.pull();

    for (const device of [phone, tablet]) {
      expect(await device.db.cases.get(c.id)).toMatchObject({
        phone: 'vom Telefon',
        address: 'vom Tablet',
        conflicts: [],
      });
    }
  });

  it('keeps both values of the same field on both devices until someone picks one', async () => {
    const c = await sharedCase();
    await updateCase(phone.db, worker, c.id, { phone: 'vom Telefon' });
    await updateCase(tablet.db, worker, c.id, { phone: 'vom Tablet' });

    await phone.sync();
    await tablet.sync();
    await phone.pull();

    for (const device of [phone, tablet]) {
      // The value applied first stays on the record; both are kept in the conflict.
      expect(await device.db.cases.get(c.id)).toMatchObject({ phone: 'vom Telefon' });
      const [conflict, ...more] = await listConflictViews(device.db);
      expect(more).toEqual([]);
      expect(conflict).toMatchObject({ entity: 'case', recordId: c.id, field: 'phone', isDeletion: false });
      expect(conflict?.candidates.map((x) => [x.value, x.deviceId, x.isCurrent])).toEqual([
        ['vom Telefon', 'telefon', true],
        ['vom Tablet', 'tablet', false],
      ]);
    }

    // The tablet resolves; the resolution syncs like any edit.
    const [conflict] = await listConflictViews(tablet.db);
    await resolveConflict(tablet.db, worker, 'case', c.id, conflict?.conflictId as string, 'vom Tablet');
    expect(await tablet.db.cases.get(c.id)).toMatchObject({ phone: 'vom Tablet', conflicts: [] });
    await tablet.sync();
    await phone.sync();

    for (const device of [phone, tablet]) {
      expect(await device.db.cases.get(c.id)).toMatchObject({ phone: 'vom Tablet', conflicts: [] });
      expect(await countOpenConflicts(device.db)).toBe(0);
      expect(await device.db.outbox.count()).toBe(0);
      expect(await device.db.bases.count()).toBe(0);
    }
  });

  it('the same values on both sides are no conflict', async () => {
    const c = await sharedCase();
    await updateCase(phone.db, worker, c.id, { phone: 'gleich' });
    await updateCase(tablet.db, worker, c.id, { phone: 'gleich' });

    await phone.sync();
    await tablet.sync();

    expect(await tablet.db.cases.get(c.id)).toMatchObject({ phone: 'gleich', conflicts: [] });
  });

  it("one device's edits never conflict with each other, even when it never heard back", async () => {
    const c = await sharedCase();
    await updateCase(phone.db, worker, c.id, { phone: 'erster Versuch' });
    harness.dropPushResponses = 1;
    await expect(phone.push()).rejects.toThrow();
    // Still based on the old version: the device does not know its edit arrived.
    await updateCase(phone.db, worker, c.id, { phone: 'zweiter Versuch' });

    await phone.sync();

    expect(await phone.db.cases.get(c.id)).toMatchObject({ phone: 'zweiter Versuch', conflicts: [] });
    expect(harness.server.records.get(c.id)?.record.conflicts).toEqual([]);
  });

  it('re-applies a waiting resolution on top of a newer pulled record', async () => {
    const c = await sharedCase();
    await updateCase(phone.db, worker, c.id, { phone: 'vom Telefon' });
    await updateCase(tablet.db, worker, c.id, { phone: 'vom Tablet' });
    await phone.sync();
    await tablet.sync();
    const [conflict] = await listConflictViews(tablet.db);
    await resolveConflict(tablet.db, worker, 'case', c.id, conflict?.conflictId as string, 'vom Tablet');
    harness.server.editRemotely('case', c.id, { address: 'vom Büro' });

    await tablet.pull();

    expect(await tablet.db.cases.get(c.id)).toMatchObject({
      address: 'vom Büro',
      phone: 'vom Tablet',
      conflicts: [],
    });
    expect(await countOpenConflicts(tablet.db)).toBe(0);
  });
});

describe('delete against edit', () => {
  async function sharedAppointment() {
    const c = await sharedCase();
    const appointment = await createAppointment(phone.db, worker, appointmentFields(c.id));
    await phone.sync();
    await tablet.sync();
    return appointment;
  }

  it('a waiting delete keeps the record deleted when a newer version is pulled', async () => {
    const appointment = await sharedAppointment();
    await deleteAppointment(phone.db, worker, appointment.id);
    harness.server.editRemotely('appointment', appointment.id, { place: 'Jugendamt' });

    await phone.pull();

    expect(await phone.db.appointments.get(appointment.id)).toBeUndefined();
  });

  it('is a conflict, not a silent win, and settles on every device', async () => {
    const appointment = await sharedAppointment();
    await updateAppointment(tablet.db, worker, appointment.id, { place: 'Spielplatz' });
    await deleteAppointment(phone.db, worker, appointment.id);

    await tablet.sync();
    await phone.sync();
    await tablet.pull();

    for (const device of [phone, tablet]) {
      // The record is back on the phone that deleted it, with the conflict to decide.
      expect(await device.db.appointments.get(appointment.id)).toMatchObject({ place: 'Spielplatz' });
      const [conflict] = await listConflictViews(device.db);
      expect(conflict).toMatchObject({ field: DELETE_CONFLICT_FIELD, isDeletion: true });
      expect(conflict?.candidates.map((x) => [x.value, x.deviceId])).toEqual([
        [false, 'tablet'],
        [true, 'telefon'],
      ]);
    }

    const [conflict] = await listConflictViews(phone.db);
    await resolveConflict(
      phone.db,
      worker,
      'appointment',
      appointment.id,
      conflict?.conflictId as string,
      true,
    );
    expect(await phone.db.appointments.get(appointment.id)).toBeUndefined();
    await phone.sync();
    await tablet.sync();

    expect(harness.server.records.has(appointment.id)).toBe(false);
    for (const device of [phone, tablet]) {
      expect(await device.db.appointments.get(appointment.id)).toBeUndefined();
      expect(await countOpenConflicts(device.db)).toBe(0);
    }
  });

  it('an edit that had not seen a delete brings the record back as a conflict', async () => {
    const appointment = await sharedAppointment();
    await deleteAppointment(phone.db, worker, appointment.id);
    await phone.sync();
    await updateAppointment(tablet.db, worker, appointment.id, { place: 'Spielplatz' });

    await tablet.sync();
    await phone.pull();

    for (const device of [phone, tablet]) {
      expect(await device.db.appointments.get(appointment.id)).toMatchObject({ place: 'Spielplatz' });
      expect((await listConflictViews(device.db)).map((v) => v.isDeletion)).toEqual([true]);
    }
  });
});
