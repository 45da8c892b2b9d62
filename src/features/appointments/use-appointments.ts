import { useLiveQuery } from 'dexie-react-hooks';
import {
  cancelAppointment,
  createAppointment,
  deleteAppointment,
  getAppointment,
  listAppointmentsFrom,
  updateAppointment,
} from '../../db/appointments';
import { getCase, listOpenCases } from '../../db/cases';
import type { AppointmentFields, AppointmentRecord, CaseRecord } from '../../shared/records';
import { useSession } from '../../ui/session';

export interface AgendaItem {
  appointment: AppointmentRecord;
  /** The case's family name, or null when the case is not on this device. */
  familyName: string | null;
}

/** Appointments from a day on, in time order, each with its case's family name. */
export function useAgenda(fromDate: string, includeCancelled: boolean): AgendaItem[] | undefined {
  const { db } = useSession();
  return useLiveQuery(async () => {
    const appointments = await listAppointmentsFrom(db, fromDate);
    const shown = includeCancelled ? appointments : appointments.filter((a) => a.status !== 'cancelled');
    const caseIds = [...new Set(shown.map((a) => a.caseId))];
    const cases = await Promise.all(caseIds.map((id) => getCase(db, id)));
    const names = new Map(cases.flatMap((c) => (c ? [[c.id, c.familyName] as const] : [])));
    return shown.map((appointment) => ({ appointment, familyName: names.get(appointment.caseId) ?? null }));
  }, [db, fromDate, includeCancelled]);
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
