import { afterEach, describe, expect, it } from 'vitest';
import type { FeldakteDb } from '../../../src/db/infrastructure/schema';
import {
  cancelAppointment,
  createAppointment,
  listAppointmentsFrom,
} from '../../../src/db/repositories/appointments';
import { createCase } from '../../../src/db/repositories/cases';
import { appointmentFields, caseFields, freshDb, worker } from '../support/fixtures';

let db: FeldakteDb;

afterEach(async () => {
  await db?.delete();
});

describe('appointments', () => {
  it('lists from a day on in date and time order', async () => {
    db = freshDb();
    const c = await createCase(db, worker, caseFields());
    const slots: [string, string][] = [
      ['2026-03-11', '08:00'],
      ['2026-03-09', '16:00'],
      ['2026-03-10', '14:30'],
      ['2026-03-10', '09:00'],
      ['2026-03-10', '10:15'],
    ];
    for (const [date, time] of slots)
      await createAppointment(db, worker, appointmentFields(c.id, { date, time }));

    const list = await listAppointmentsFrom(db, '2026-03-10');

    expect(list.map((a) => `${a.date} ${a.time}`)).toEqual([
      '2026-03-10 09:00',
      '2026-03-10 10:15',
      '2026-03-10 14:30',
      '2026-03-11 08:00',
    ]);
  });

  it('cancels through the outbox', async () => {
    db = freshDb();
    const a = await createCase(db, worker, caseFields());
    const late = await createAppointment(db, worker, appointmentFields(a.id, { time: '15:00' }));

    await cancelAppointment(db, worker, late.id);
    expect((await db.appointments.get(late.id))?.status).toBe('cancelled');
    expect(await db.outbox.orderBy('seq').last()).toMatchObject({
      recordId: late.id,
      op: 'update',
      data: { status: 'cancelled' },
    });
  });
});
