// Cases: a worker creates cases for themselves; a lead for anyone in the team and
// is the only one who may hand a case to someone else. A handover is a scope
// change (scope.ts): the old assignee loses the case, the new one gains it with
// all its notes, appointments and substitutions. Cases are closed, never deleted.
//
// What the Jugendamt decided is the lead's: after creation only a lead changes
// the approved hours, Hilfeart, Kostenträger and assignment (a worker may type
// Hilfeart and Kostenträger from the Jugendamt's letter into a new case, but not
// approve hours). Everything else belongs to whoever works on the case.
//
// The life of a case (status): open -> closure_requested ("Abschluss beantragen",
// anyone on the case) -> open (withdrawn) or closed ("Abschließen", the lead; also
// straight from open). A closed case is read-only until its lead reopens it;
// its children (common.ts, rejectClosedCase) are read-only with it. A case that is
// not open carries "Ende" and "Beendigungsgrund"; retention counts from "Ende".

import type { MessageKey } from '../../../shared/messages';
import { type CaseFields, type CaseRecord, type CaseStatus, LEAD_CASE_FIELDS } from '../../../shared/records';
import { lockCaseChildren } from '../../repositories/case-children';
import { findRecord, findStoredRecord } from '../../repositories/records';
import { findTeamSettings } from '../../repositories/team-settings';
import { isTeamMember } from '../../repositories/users';
import { sameValue } from '../merge/conflicts';
import { reject } from '../refusal';
import { grantCase, revokeCase } from '../scope';
import { isLeadOf, mayWorkOnCase } from '../visibility';
import { caseRefusal, type EntityRules, type MutationContext, rejectClosedCase } from './common';

type LeadCaseField = (typeof LEAD_CASE_FIELDS)[number];

/** Why a worker may not set a lead's field. */
const leadFieldRefusals: Record<LeadCaseField, MessageKey> = {
  approvedHoursPerMonth: 'onlyLeadApprovesHours',
  helpKind: 'onlyLeadChangesHelpKind',
  payer: 'onlyLeadChangesPayer',
  payerContact: 'onlyLeadChangesPayer',
  assignedTo: 'onlyLeadReassigns',
};

async function assertAssignable(ctx: MutationContext, assignedTo: string): Promise<void> {
  if (!(await isTeamMember(ctx.tx, ctx.actor.teamId, assignedTo))) {
    throw reject.forbidden('assignWithinTeam', 'assignedTo');
  }
}

async function assertPreConsultationOfTeam(
  ctx: MutationContext,
  id: string | null | undefined,
): Promise<void> {
  if (!id) return;
  const found = await findRecord(ctx.tx, 'preConsultation', id);
  if (!found || found.teamId !== ctx.actor.teamId) {
    throw reject.notFound('preConsultationNotFound', 'sourcePreConsultationId');
  }
}

/** '' (none) or one of the team's districts as stored now; a case keeps a district the team dropped later. */
async function assertDistrictOfTeam(ctx: MutationContext, teamId: string, district: string): Promise<void> {
  if (district === '') return;
  if (!((await findTeamSettings(ctx.tx, teamId))?.districts ?? []).includes(district)) {
    throw reject.invalid('districtNotOfTeam', 'district');
  }
}

/** Later records (a § 8a assessment, the statistics) name household members by id. */
function assertHouseholdIdsUnique(household: CaseFields['household']): void {
  const seen = new Set<string>();
  for (const member of household) {
    if (seen.has(member.id)) throw reject.invalid('householdMemberRepeated', 'household', { id: member.id });
    seen.add(member.id);
  }
}

/** Who may move a case from one status to another (the closed case itself is refused before). */
function assertStatusChange(ctx: MutationContext, teamId: string, from: CaseStatus, to: CaseStatus): void {
  if (from === to || isLeadOf(ctx.actor, teamId)) return;
  if (to === 'closed') throw reject.forbidden('onlyLeadClosesCase', 'status');
  if (from === 'closed') throw reject.forbidden('onlyLeadReopensCase', 'status');
}

/** The fields whose values assertConsistent judges. */
const lifeFields = ['status', 'startDate', 'endDate', 'closingReason'] as const;

/**
 * What must hold of a case after a write: a case that is not open names its
 * "Ende" and "Beendigungsgrund", and "Ende" is not before "Beginn".
 * `blame`: the field an end before the start is said of.
 */
function assertConsistent(
  state: Pick<CaseFields, (typeof lifeFields)[number]>,
  blame: 'startDate' | 'endDate',
): void {
  if (state.status !== 'open') {
    if (state.endDate === null) throw reject.invalid('closureNeedsEndAndReason', 'endDate');
    if (state.closingReason === null) throw reject.invalid('closureNeedsEndAndReason', 'closingReason');
  }
  if (state.endDate !== null && state.endDate < state.startDate) {
    throw reject.invalid('caseEndsBeforeStart', blame);
  }
}

/** The fields of a patch that would change the case. */
function changedFieldsOf(current: CaseRecord, patch: Partial<CaseFields>): (keyof CaseFields)[] {
  return (Object.keys(patch) as (keyof CaseFields)[]).filter(
    (field) => !sameValue(current[field], patch[field]),
  );
}

function isReassignment(before: CaseRecord | null, assignedTo: string | undefined): boolean {
  return before !== null && assignedTo !== undefined && assignedTo !== before.assignedTo;
}

export const caseRules: EntityRules<'case'> = {
  async prepareCreate(ctx, data: CaseFields) {
    const teamId = ctx.actor.teamId;
    if (!isLeadOf(ctx.actor, teamId)) {
      if (data.assignedTo !== ctx.actor.id) throw reject.forbidden('workersAssignThemselves', 'assignedTo');
      if (data.approvedHoursPerMonth !== 0) {
        throw reject.forbidden('onlyLeadApprovesHours', 'approvedHoursPerMonth');
      }
    }
    await assertAssignable(ctx, data.assignedTo);
    await assertPreConsultationOfTeam(ctx, data.sourcePreConsultationId);
    assertStatusChange(ctx, teamId, 'open', data.status);
    await assertDistrictOfTeam(ctx, teamId, data.district);
    assertHouseholdIdsUnique(data.household);
    assertConsistent(data, 'endDate');
    return { ...data, teamId };
  },

  async lockForEdit(ctx) {
    const stored = await findStoredRecord(ctx.tx, 'case', ctx.recordId, 'update');
    if (!stored || !(await mayWorkOnCase(ctx.tx, ctx.actor, stored.record))) {
      throw await caseRefusal(ctx, ctx.recordId, 'caseNotFound', null);
    }
    return stored;
  },

  async checkChange(ctx, current, patch, purpose) {
    const isLead = isLeadOf(ctx.actor, current.teamId);
    const changed = changedFieldsOf(current, patch);
    // Closed: nothing but the lead's reopening, not even a conflict's candidate. A
    // conflict left from before may still be settled on the value the case keeps.
    const settlesOnly = purpose === 'resolve' && changed.length === 0;
    if (current.status === 'closed' && Object.keys(patch).length > 0 && !settlesOnly) {
      if (patch.status !== 'open') throw rejectClosedCase(changed[0] ?? 'status');
      assertStatusChange(ctx, current.teamId, 'closed', 'open');
    }
    if (!isLead) {
      const leadField = LEAD_CASE_FIELDS.find((field) => changed.includes(field));
      if (leadField) throw reject.forbidden(leadFieldRefusals[leadField], leadField);
    }
    if (patch.status !== undefined) assertStatusChange(ctx, current.teamId, current.status, patch.status);
    if (isReassignment(current, patch.assignedTo) && patch.assignedTo) {
      await assertAssignable(ctx, patch.assignedTo);
    }
    if (patch.sourcePreConsultationId !== current.sourcePreConsultationId) {
      await assertPreConsultationOfTeam(ctx, patch.sourcePreConsultationId);
    }
    if (patch.district !== undefined && changed.includes('district')) {
      await assertDistrictOfTeam(ctx, current.teamId, patch.district);
    }
    if (patch.household !== undefined) assertHouseholdIdsUnique(patch.household);
  },

  // Judged on what the merge applies: a field that became a conflict keeps its value.
  derive(_ctx, before, applied) {
    const after = { ...before, ...applied };
    // A reopening that did not apply (its status became a conflict) changes nothing else.
    if (before.status === 'closed' && after.status === 'closed' && Object.keys(applied).length > 0) {
      throw rejectClosedCase('status');
    }
    // Only when the life of the case changes: older records stay editable as they are.
    if (lifeFields.some((field) => applied[field] !== undefined)) {
      assertConsistent(
        after,
        applied.startDate !== undefined && applied.endDate === undefined ? 'startDate' : 'endDate',
      );
    }
    return {};
  },

  async beforeStamp(ctx, before, applied) {
    if (isReassignment(before, applied.assignedTo)) await lockCaseChildren(ctx.tx, ctx.recordId);
  },

  async afterWrite(ctx, before, after) {
    if (!before || before.assignedTo === after.assignedTo) return;
    await revokeCase(ctx.tx, { userId: before.assignedTo, caseId: after.id, reason: 'reassigned' });
    await grantCase(ctx.tx, {
      userId: after.assignedTo,
      caseId: after.id,
      reason: 'assigned',
      caseRowStamped: true,
    });
  },

  async findVisible(tx, actor, id) {
    const found = await findRecord(tx, 'case', id);
    return found && (await mayWorkOnCase(tx, actor, found)) ? found : null;
  },
};
