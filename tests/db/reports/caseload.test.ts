import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FeldakteDb } from '../../../src/db/infrastructure/schema';
import {
  computeCaseload,
  devicesOf,
  readDeviceSnapshot,
  saveDeviceSnapshot,
  weekOf,
} from '../../../src/db/reports/caseload';
import { createAppointment } from '../../../src/db/repositories/appointments';
import { createCase } from '../../../src/db/repositories/cases';
import { createNote } from '../../../src/db/repositories/notes';
import type { DeviceStatus } from '../../../src/shared/protocol';
import type { MemberRecord } from '../../../src/shared/records';
import {
  appointmentFields,
  caseFields,
  colleague,
  freshDb,
  lead,
  noteFields,
  worker,
} from '../support/fixtures';

let db: FeldakteDb;

function member(id: string, displayName: string, role: MemberRecord['role']): MemberRecord {
  return { id, teamId: worker.teamId, username: displayName.toLowerCase(), displayName, role, version: 1 };
}

beforeEach(async () => {
  db = freshDb();
  await db.members.bulkPut([
    member(worker.userId, 'Anna', 'worker'),
    member(colleague.userId, 'Ben', 'worker'),
    member(lead.userId, 'Lea', 'lead'),
  ]);
});
afterEach(async () => {
  await db.delete();
});

// Wednesday, 18 November 2026: the week runs from Monday 16 to Sunday 22.
const NOW = new Date(2026, 10, 18, 10, 0);

describe('caseload', () => {
  it('the week runs Monday to Sunday, also seen from a Sunday', () => {
    expect(weekOf(NOW)).toEqual({ from: '2026-11-16', to: '2026-11-22' });
    expect(weekOf(new Date(2026, 10, 22, 23, 0))).toEqual({ from: '2026-11-16', to: '2026-11-22' });
  });

  it('counts open cases, visits this week, hours used vs approved and notes waiting per worker', async () => {
    const a1 = await createCase(
      db,
      lead,
      caseFields({ assignedTo: worker.userId, approvedHoursPerMonth: 10 }),
    );
    await createCase(db, lead, caseFields({ assignedTo: worker.userId, approvedHoursPerMonth: 4.5 }));
    await createCase(
      db,
      lead,
      caseFields({ assignedTo: worker.userId, status: 'closed', approvedHoursPerMonth: 99 }),
    );
    await createCase(db, lead, caseFields({ assignedTo: colleague.userId, approvedHoursPerMonth: 2 }));

    for (const [date, status] of [
      ['2026-11-16', 'done'],
      ['2026-11-22', 'planned'],
      ['2026-11-20', 'cancelled'],
      ['2026-11-15', 'done'],
      ['2026-11-23', 'planned'],
    ] as const) {
      await createAppointment(db, worker, appointmentFields(a1.id, { date, status }));
    }

    const synced = async (fields: Parameters<typeof noteFields>[1], reviewed = false) => {
      const note = await createNote(db, worker, noteFields(a1.id, fields));
      await db.notes.put({ ...note, version: 1, reviewedAt: reviewed ? '2026-11-10T10:00:00.000Z' : null });
    };
    await synced({ date: '2026-11-02', durationMinutes: 60, travelMinutes: 30 });
    await synced({ date: '2026-11-30', durationMinutes: 45, travelMinutes: 0 }, true);
    await synced({ date: '2026-10-31', durationMinutes: 600, travelMinutes: 60 });
    // Not synced yet: counts as used time, but the lead cannot review it yet.
    await createNote(
      db,
      worker,
      noteFields(a1.id, { date: '2026-11-18', durationMinutes: 15, travelMinutes: 10 }),
    );

    const load = await computeCaseload(db, NOW);

    expect(load.map((row) => row.member.displayName)).toEqual(['Anna', 'Ben']);
    expect(load[0]).toMatchObject({
      openCases: 2,
      approvedHours: 14.5,
      visitsThisWeek: 2,
      usedMinutes: 60 + 30 + 45 + 15 + 10,
      waitingForReview: 2,
    });
    expect(load[1]).toMatchObject({
      openCases: 1,
      approvedHours: 2,
      visitsThisWeek: 0,
      usedMinutes: 0,
      waitingForReview: 0,
    });
  });

  it('counts a requested closure as open, and lists each worker’s overdue Hilfeplangespräche', async () => {
    const due = (familyName: string, assignedTo: string, nextHelpPlanDate: string | null, status = 'open') =>
      createCase(
        db,
        lead,
        caseFields({ familyName, assignedTo, nextHelpPlanDate, status: status as 'open' | 'closed' }),
      );
    await due('Familie Alt', worker.userId, '2026-10-01');
    await due('Familie Beantragt', worker.userId, '2026-11-17', 'closure_requested');
    await due('Familie Heute', worker.userId, '2026-11-18'); // today: not overdue
    await due('Familie Ohne', worker.userId, null);
    await due('Familie Zu', worker.userId, '2026-09-01', 'closed');
    await due('Familie Ben', colleague.userId, '2026-11-01');

    const [anna, ben] = await computeCaseload(db, NOW);

    expect(anna?.openCases).toBe(4);
    expect(anna?.overdueHelpPlans.map((d) => [d.familyName, d.date])).toEqual([
      ['Familie Alt', '2026-10-01'],
      ['Familie Beantragt', '2026-11-17'],
    ]);
    expect(ben?.overdueHelpPlans.map((d) => d.familyName)).toEqual(['Familie Ben']);
  });

  it('keeps the last device report for offline, and lists a worker’s devices oldest change first', async () => {
    const device = (deviceId: string, userId: string, oldestPendingAt: string | null): DeviceStatus => ({
      deviceId,
      userId,
      pendingCount: oldestPendingAt ? 3 : 0,
      oldestPendingAt,
      lastSeenAt: '2026-11-18T08:00:00.000Z',
      reportedAt: '2026-11-18T08:00:00.000Z',
    });
    expect(await readDeviceSnapshot(db)).toBeNull();
    await saveDeviceSnapshot(db, {
      fetchedAt: '2026-11-18T09:00:00.000Z',
      devices: [
        device('tablet', worker.userId, null),
        device('telefon', worker.userId, '2026-11-15T07:00:00.000Z'),
        device('alt', worker.userId, '2026-11-17T07:00:00.000Z'),
        device('ben', colleague.userId, null),
      ],
    });

    const snapshot = await readDeviceSnapshot(db);

    expect(snapshot?.fetchedAt).toBe('2026-11-18T09:00:00.000Z');
    expect(devicesOf(snapshot, worker.userId).map((d) => d.deviceId)).toEqual(['telefon', 'alt', 'tablet']);
    expect(devicesOf(null, worker.userId)).toEqual([]);
  });
});
