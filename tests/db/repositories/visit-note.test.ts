import { describe, expect, it, vi } from 'vitest';
import type { FeldakteDb } from '../../../src/db/infrastructure/schema';
import {
  createAppointment,
  listUndocumentedVisits,
  listVisitsOn,
} from '../../../src/db/repositories/appointments';
import { draftKeys, getDraft, saveDraft } from '../../../src/db/repositories/drafts';
import { createNote, createVisitNote, findNoteOfAppointment } from '../../../src/db/repositories/notes';
import { setUpDbWithCase } from '../support/case-bed';
import { appointmentFields, noteFields, worker } from '../support/fixtures';

let db: FeldakteDb;
let caseId: string;
setUpDbWithCase((bed) => {
  ({ db, caseId } = bed);
});

describe('Besuch dokumentieren', () => {
  it('creates the note and marks the appointment done in one go, with both outbox entries', async () => {
    const appointment = await createAppointment(db, worker, appointmentFields(caseId));
    const key = draftKeys.visitNote(appointment.id);
    await saveDraft(db, key, caseId, { occasion: 'halb getippt' });
    const before = await db.outbox.count();

    const note = await createVisitNote(
      db,
      worker,
      appointment.id,
      noteFields(caseId, {
        template: 'home_visit',
        text: '',
        occasion: 'Anlass',
      }),
      key,
    );

    expect(await db.notes.get(note.id)).toMatchObject({ appointmentId: appointment.id, occasion: 'Anlass' });
    expect((await db.appointments.get(appointment.id))?.status).toBe('done');
    const entries = (await db.outbox.orderBy('seq').toArray()).slice(before);
    expect(entries.map((e) => [e.entity, e.op, e.recordId])).toEqual([
      ['note', 'create', note.id],
      ['appointment', 'update', appointment.id],
    ]);
    expect(entries[1]?.data).toEqual({ status: 'done' });
    expect(await getDraft(db, key)).toBeUndefined();
    expect((await findNoteOfAppointment(db, appointment.id))?.id).toBe(note.id);
  });

  it('changes nothing when the note is invalid: no note, appointment still planned, draft kept', async () => {
    const appointment = await createAppointment(db, worker, appointmentFields(caseId));
    const key = draftKeys.visitNote(appointment.id);
    await saveDraft(db, key, caseId, { text: '' });
    const before = await db.outbox.count();

    await expect(
      createVisitNote(db, worker, appointment.id, noteFields(caseId, { text: '  ' }), key),
    ).rejects.toThrow();

    expect(await db.notes.count()).toBe(0);
    expect((await db.appointments.get(appointment.id))?.status).toBe('planned');
    expect(await db.outbox.count()).toBe(before);
    expect(await getDraft(db, key)).toBeDefined();
  });

  it('rolls the note back when marking the appointment fails', async () => {
    const appointment = await createAppointment(db, worker, appointmentFields(caseId));
    const failing = vi.spyOn(db.appointments, 'put').mockRejectedValueOnce(new Error('Speicher voll'));
    try {
      await expect(createVisitNote(db, worker, appointment.id, noteFields(caseId), 'k')).rejects.toThrow();
    } finally {
      failing.mockRestore();
    }
    expect(await db.notes.count()).toBe(0);
    expect((await db.appointments.get(appointment.id))?.status).toBe('planned');
  });
});

describe('Heute', () => {
  const now = new Date(2026, 2, 10, 12, 0); // 10 March 2026, 12:00 local time

  it("lists the day's visits in time order without cancelled ones", async () => {
    await createAppointment(db, worker, appointmentFields(caseId, { date: '2026-03-10', time: '14:00' }));
    await createAppointment(db, worker, appointmentFields(caseId, { date: '2026-03-10', time: '08:30' }));
    await createAppointment(
      db,
      worker,
      appointmentFields(caseId, { date: '2026-03-10', time: '10:00', status: 'cancelled' }),
    );
    await createAppointment(db, worker, appointmentFields(caseId, { date: '2026-03-11', time: '07:00' }));

    expect((await listVisitsOn(db, '2026-03-10')).map((a) => a.time)).toEqual(['08:30', '14:00']);
  });

  it('reminds of visits of the last 30 days that are over and that no note documents', async () => {
    const at = (date: string, time: string, overrides = {}) =>
      createAppointment(
        db,
        worker,
        appointmentFields(caseId, { date, time, durationMinutes: 60, ...overrides }),
      );
    const yesterday = await at('2026-03-09', '09:00');
    const doneButUndocumented = await at('2026-03-02', '09:00', { status: 'done' });
    const documented = await at('2026-03-05', '09:00');
    await createNote(db, worker, noteFields(caseId, { appointmentId: documented.id }));
    const overToday = await at('2026-03-10', '10:30'); // ended 11:30
    await at('2026-03-10', '11:30'); // ends 12:30: not over yet
    await at('2026-03-08', '09:00', { status: 'cancelled' });
    await at('2026-02-07', '09:00'); // 31 days ago: too old
    await at('2026-03-12', '09:00'); // future

    const reminders = await listUndocumentedVisits(db, now);

    expect(reminders.map((a) => a.id)).toEqual([doneButUndocumented.id, yesterday.id, overToday.id]);
  });
});
