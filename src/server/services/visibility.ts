// Who may see and change what. The same rules are written as SQL for the pull in
// repositories/changes.ts; keep both in step.
//
// Administration (role admin) manages people and teams and sees no case content:
// its pull holds the team's members only, its push and the case records are
// refused. A lead who also administers keeps the lead's view.
//
// A lead works on every case of their team. A worker works on the cases assigned
// to them and on those of a substitution for them that is in force (see scope.ts),
// and on the notes, appointments and substitutions of those cases; pre-consultations
// belong to the worker who made them.
import type { MessageKey } from '../../shared/messages';
import type { SessionUser } from '../../shared/protocol';
import type { CaseRecord, PreConsultationRecord } from '../../shared/records';
import type { Queryable } from '../db/database';
import { isActiveSubstitute } from '../repositories/substitutions';
import { reject } from './refusal';

/** The authenticated caller. */
export type Actor = SessionUser;

export function isLeadOf(actor: Actor, teamId: string): boolean {
  return actor.role === 'lead' && actor.teamId === teamId;
}

/** Whether the actor may see case content at all (cases and everything about them). */
export function seesCaseContent(actor: Actor): boolean {
  return actor.role !== 'admin';
}

/** The check in front of every read or write of case content. */
export function requireCaseContentAccess(actor: Actor): void {
  if (!seesCaseContent(actor)) throw reject.forbidden('adminSeesNoCaseContent');
}

declare const checkedLead: unique symbol;
/** An actor found to lead their team: what only a lead may do takes this, not an Actor. */
export type TeamLead = Actor & { readonly [checkedLead]: true };

/**
 * The check in front of everything only a team's lead may do (the push's rules
 * ask isLeadOf themselves): anyone else is refused 'forbidden' with `refusal`.
 */
export function requireLeadOf(actor: Actor, teamId: string, refusal: MessageKey): TeamLead {
  if (!isLeadOf(actor, teamId)) throw reject.forbidden(refusal);
  return actor as TeamLead;
}

export async function mayWorkOnCase(
  tx: Queryable,
  actor: Actor,
  record: Pick<CaseRecord, 'id' | 'teamId' | 'assignedTo'>,
): Promise<boolean> {
  if (actor.teamId !== record.teamId) return false;
  if (isLeadOf(actor, record.teamId) || record.assignedTo === actor.id) return true;
  return isActiveSubstitute(tx, actor.id, record.id);
}

export function canAccessPreConsultation(
  actor: Actor,
  record: Pick<PreConsultationRecord, 'teamId' | 'workerId'>,
): boolean {
  return isLeadOf(actor, record.teamId) || (actor.teamId === record.teamId && record.workerId === actor.id);
}
