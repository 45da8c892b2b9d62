// Local repository of appointments (Termine).
import type { AppointmentFields, AppointmentRecord } from '../shared/records';
import { deleteLocal } from './local-delete';
import { type Actor, createLocal, updateLocal } from './local-write';
import type { FeldakteDb } from './schema';

/** Appointments from a day on (inclusive), in time order. */
export function listAppointmentsFrom(db: FeldakteDb, fromDate: string): Promise<AppointmentRecord[]> {
  return db.appointments.where('[date+time]').aboveOrEqual([fromDate, '']).toArray();
}

export async function listAppointmentsForCase(db: FeldakteDb, caseId: string): Promise<AppointmentRecord[]> {
  const list = await db.appointments.where('caseId').equals(caseId).toArray();
  return list.sort((a, b) => a.date.localeCompare(b.date) || a.time.localeCompare(b.time));
}

export function getAppointment(db: FeldakteDb, id: string): Promise<AppointmentRecord | undefined> {
  return db.appointments.get(id);
}

export function createAppointment(db: FeldakteDb, actor: Actor, fields: AppointmentFields) {
  return createLocal(db, 'appointment', actor, fields, { teamId: actor.teamId, workerId: actor.userId });
}

export function updateAppointment(
  db: FeldakteDb,
  actor: Actor,
  id: string,
  patch: Partial<AppointmentFields>,
) {
  return updateLocal(db, 'appointment', actor, id, patch);
}

export function cancelAppointment(db: FeldakteDb, actor: Actor, id: string) {
  return updateLocal(db, 'appointment', actor, id, { status: 'cancelled' });
}

export function deleteAppointment(db: FeldakteDb, actor: Actor, id: string): Promise<void> {
  return deleteLocal(db, 'appointment', actor, id);
}
