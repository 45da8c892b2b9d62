// Who may see and change what. The same rules are written as SQL for the pull in
// repositories/changes.ts; keep both in step.
import type { SessionUser } from '../../shared/protocol';
import type { AppointmentRecord, CaseRecord, PreConsultationRecord } from '../../shared/records';

/** The authenticated caller. */
export type Actor = SessionUser;

export function isLeadOf(actor: Actor, teamId: string): boolean {
  return actor.role === 'lead' && actor.teamId === teamId;
}

/** A worker works on the cases assigned to them; a lead on every case of the team. */
export function canAccessCase(actor: Actor, record: Pick<CaseRecord, 'teamId' | 'assignedTo'>): boolean {
  return isLeadOf(actor, record.teamId) || (actor.teamId === record.teamId && record.assignedTo === actor.id);
}

export function canSeeAppointment(
  actor: Actor,
  appointment: Pick<AppointmentRecord, 'teamId' | 'workerId'>,
  caseOfAppointment: Pick<CaseRecord, 'teamId' | 'assignedTo'>,
): boolean {
  const ownInTeam = actor.teamId === appointment.teamId && appointment.workerId === actor.id;
  return ownInTeam || canAccessCase(actor, caseOfAppointment);
}

export function canAccessPreConsultation(
  actor: Actor,
  record: Pick<PreConsultationRecord, 'teamId' | 'workerId'>,
): boolean {
  return isLeadOf(actor, record.teamId) || (actor.teamId === record.teamId && record.workerId === actor.id);
}
