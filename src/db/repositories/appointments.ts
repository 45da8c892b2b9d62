// Local repository of appointments (Termine).
import { localIsoDate } from '../../shared/local-date';
import type { AppointmentFields, AppointmentRecord } from '../../shared/records';
import { deleteLocal } from '../infrastructure/local-delete';
import { type Actor, createLocal, updateLocal } from '../infrastructure/local-write';
import type { FeldakteDb } from '../infrastructure/schema';
import { noteIdsOfAppointments } from './notes';

/** How far back Heute reminds of visits without a note. */
const REMINDER_DAYS = 30;

/** When an appointment ends, in the device's local time. */
export function appointmentEnd(
  appointment: Pick<AppointmentRecord, 'date' | 'time' | 'durationMinutes'>,
): Date {
  const [year = 0, month = 1, day = 1] = appointment.date.split('-').map(Number);
  const [hours = 0, minutes = 0] = appointment.time.split(':').map(Number);
  return new Date(year, month - 1, day, hours, minutes + appointment.durationMinutes);
}

/** The appointments of one day that still take place or took place (not cancelled), in time order. */
export async function listVisitsOn(db: FeldakteDb, day: string): Promise<AppointmentRecord[]> {
  // Read in one go and filtered here: Dexie's filter() walks a cursor, opening one sealed row at a time.
  const ofDay = await db.appointments.where('[date+time]').between([day, ''], [day, '\uffff']).toArray();
  return ofDay.filter((a) => a.status !== 'cancelled');
}

/**
 * Heute's reminder: planned or done appointments of the last REMINDER_DAYS days
 * that are over (their end has passed) and that no note on this device documents
 * (no note's `appointmentId` names them). Oldest first.
 */
export async function listUndocumentedVisits(db: FeldakteDb, now: Date): Promise<AppointmentRecord[]> {
  const from = localIsoDate(new Date(now.getFullYear(), now.getMonth(), now.getDate() - REMINDER_DAYS));
  const recent = (
    await db.appointments
      .where('[date+time]')
      .between([from, ''], [localIsoDate(now), '\uffff'])
      .toArray()
  ).filter((a) => a.status !== 'cancelled' && appointmentEnd(a) <= now);
  const documented = await noteIdsOfAppointments(
    db,
    recent.map((a) => a.id),
  );
  return recent.filter((a) => !documented.has(a.id));
}

/** Appointments from a day on (inclusive), in time order. */
export function listAppointmentsFrom(db: FeldakteDb, fromDate: string): Promise<AppointmentRecord[]> {
  return db.appointments.where('[date+time]').aboveOrEqual([fromDate, '']).toArray();
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
