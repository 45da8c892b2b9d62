import { describe, expect, it } from 'vitest';
import { ChangeNotAllowedError, RecordNotFoundError } from '../../../src/db/infrastructure/local-write';
import type { FeldakteDb } from '../../../src/db/infrastructure/schema';
import { createAppointment, deleteAppointment } from '../../../src/db/repositories/appointments';
import { createNote, deleteNote } from '../../../src/db/repositories/notes';
import { createPreConsultation, deletePreConsultation } from '../../../src/db/repositories/pre-consultations';
import { setUpDbWithCase } from '../support/case-bed';
import { appointmentFields, colleague, noteFields, preConsultationFields, worker } from '../support/fixtures';

let db: FeldakteDb;
let caseId: string;

setUpDbWithCase((bed) => {
  db = bed.db;
  caseId = bed.caseId;
});

async function lastOutboxEntry() {
  return db.outbox.orderBy('seq').last();
}

describe('local delete', () => {
  it('removes an appointment at once and queues a delete based on the version the device had', async () => {
    const appointment = await createAppointment(db, worker, appointmentFields(caseId));
    // As if synced: the server has it at version 4 and nothing waits.
    await db.appointments.put({ ...appointment, version: 4 });
    await db.outbox.clear();

    await deleteAppointment(db, worker, appointment.id);

    expect(await db.appointments.get(appointment.id)).toBeUndefined();
    expect(await lastOutboxEntry()).toMatchObject({
      entity: 'appointment',
      op: 'delete',
      recordId: appointment.id,
      baseVersion: 4,
      data: {},
      caseId,
      status: 'pending',
    });
    // The server's copy is kept while the delete waits, so a rejection can bring the record back.
    expect(await db.bases.get(appointment.id)).toMatchObject({
      entity: 'appointment',
      record: { version: 4 },
    });
  });

  it('deletes a record the server has not seen yet with baseVersion 0 and keeps no base', async () => {
    const pre = await createPreConsultation(db, worker, preConsultationFields());

    await deletePreConsultation(db, worker, pre.id);

    expect(await db.preConsultations.count()).toBe(0);
    expect(await lastOutboxEntry()).toMatchObject({ op: 'delete', baseVersion: 0, caseId: null });
    expect(await db.bases.count()).toBe(0);
  });

  it('lets only the author delete a note, and only before it is reviewed', async () => {
    const mine = await createNote(db, worker, noteFields(caseId));
    const reviewed = await createNote(db, worker, noteFields(caseId));
    await db.notes.update(reviewed.id, { reviewedAt: '2026-03-05T10:00:00.000Z', version: 2 });
    const before = await db.outbox.count();

    await expect(deleteNote(db, colleague, mine.id)).rejects.toBeInstanceOf(ChangeNotAllowedError);
    await expect(deleteNote(db, worker, reviewed.id)).rejects.toBeInstanceOf(ChangeNotAllowedError);
    await expect(deleteNote(db, worker, reviewed.id)).rejects.toMatchObject({
      messageKey: 'reviewedNoteStays',
      message: 'Eine geprüfte Notiz kann nicht mehr gelöscht werden',
    });
    expect(await db.notes.count()).toBe(2);
    expect(await db.outbox.count()).toBe(before);

    await deleteNote(db, worker, mine.id);
    expect(await db.notes.get(mine.id)).toBeUndefined();
  });

  it('refuses an unknown record and writes nothing', async () => {
    const before = await db.outbox.count();
    await expect(deleteAppointment(db, worker, crypto.randomUUID())).rejects.toBeInstanceOf(
      RecordNotFoundError,
    );
    expect(await db.outbox.count()).toBe(before);
  });
});
