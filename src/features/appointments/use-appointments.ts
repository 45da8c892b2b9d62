import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import type { FeldakteDb } from '../../db/infrastructure/schema';
import { type HelpPlanDate, listHelpPlansDue } from '../../db/reports/help-plan-dates';
import {
  cancelAppointment,
  createAppointment,
  deleteAppointment,
  getAppointment,
  listAppointmentsFrom,
  listUndocumentedVisits,
  listVisitsOn,
  updateAppointment,
} from '../../db/repositories/appointments';
import { listOpenCases } from '../../db/repositories/cases';
import { findNoteOfAppointment, noteIdsOfAppointments } from '../../db/repositories/notes';
import type { AppointmentFields, AppointmentRecord, CaseRecord } from '../../shared/records';
import { useSession } from '../../ui/session';

export interface AgendaItem {
  appointment: AppointmentRecord;
  /** The case's family name, or null when the case is not on this device. */
  familyName: string | null;
}

/** The cases of some appointments that are on this device, by id, each read once. */
async function casesOf(db: FeldakteDb, appointments: AppointmentRecord[]): Promise<Map<string, CaseRecord>> {
  const caseIds = [...new Set(appointments.map((a) => a.caseId))];
  const cases = await db.cases.bulkGet(caseIds);
  return new Map(cases.flatMap((c) => (c ? [[c.id, c] as const] : [])));
}

/** Appointments from a day on, in time order, each with its case's family name. */
export function useAgenda(fromDate: string, includeCancelled: boolean): AgendaItem[] | undefined {
  const { db } = useSession();
  return useLiveQuery(async () => {
    const appointments = await listAppointmentsFrom(db, fromDate);
    const shown = includeCancelled ? appointments : appointments.filter((a) => a.status !== 'cancelled');
    const cases = await casesOf(db, shown);
    return shown.map((appointment) => ({
      appointment,
      familyName: cases.get(appointment.caseId)?.familyName ?? null,
    }));
  }, [db, fromDate, includeCancelled]);
}

/** A visit as Heute shows it: where to go, for which case, and whether a note documents it. */
export interface VisitItem extends AgendaItem {
  /** The appointment's place, else the case's address ('' when neither is known). */
  address: string;
  /** The id of the note that documents the visit, if this device has one. */
  noteId: string | null;
}

async function visitItems(db: FeldakteDb, appointments: AppointmentRecord[]): Promise<VisitItem[]> {
  const [cases, noteIds] = await Promise.all([
    casesOf(db, appointments),
    noteIdsOfAppointments(
      db,
      appointments.map((a) => a.id),
    ),
  ]);
  return appointments.map((appointment) => {
    const record = cases.get(appointment.caseId);
    return {
      appointment,
      familyName: record?.familyName ?? null,
      address: appointment.place.trim() || record?.address.trim() || '',
      noteId: noteIds.get(appointment.id) ?? null,
    };
  });
}

/** The current time, renewed every minute (a visit's end passing moves it to the reminders). */
export function useMinuteClock(): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), 60_000);
    return () => clearInterval(timer);
  }, []);
  return now;
}

/** The visits of a day that are not cancelled, in time order. */
export function useVisitsOn(day: string): VisitItem[] | undefined {
  const { db } = useSession();
  return useLiveQuery(async () => visitItems(db, await listVisitsOn(db, day)), [db, day]);
}

/** Past visits of the last 30 days that still wait for their note, oldest first. */
export function useUndocumentedVisits(now: Date): VisitItem[] | undefined {
  const { db } = useSession();
  const minute = Math.floor(now.getTime() / 60_000);
  // `minute` stands for `now` among the dependencies: the query reruns once a minute, not on every render.
  return useLiveQuery(async () => visitItems(db, await listUndocumentedVisits(db, now)), [db, minute]);
}

/** The note that documents an appointment: undefined while loading, null when there is none. */
export function useNoteOfAppointment(
  appointmentId: string,
): { id: string; caseId: string } | null | undefined {
  const { db } = useSession();
  return useLiveQuery(
    async () => (await findNoteOfAppointment(db, appointmentId)) ?? null,
    [db, appointmentId],
  );
}

export function useAppointment(id: string): AppointmentRecord | null | undefined {
  const { db } = useSession();
  return useLiveQuery(async () => (await getAppointment(db, id)) ?? null, [db, id]);
}

/** Cases an appointment can be made for. */
export function useCaseChoices(): CaseRecord[] | undefined {
  const { db } = useSession();
  return useLiveQuery(() => listOpenCases(db), [db]);
}

export function useAppointmentWrites() {
  const { db, actor } = useSession();
  return {
    create: (fields: AppointmentFields) => createAppointment(db, actor, fields),
    update: (id: string, patch: Partial<AppointmentFields>) => updateAppointment(db, actor, id, patch),
    cancel: (id: string) => cancelAppointment(db, actor, id),
    remove: (id: string) => deleteAppointment(db, actor, id),
  };
}

/** The user's cases with a Hilfeplangespräch in the next 14 days (Heute), soonest first. */
export function useHelpPlansDue(today: string): HelpPlanDate[] | undefined {
  const { db, user } = useSession();
  return useLiveQuery(() => listHelpPlansDue(db, user.id, today), [db, user.id, today]);
}
