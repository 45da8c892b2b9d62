// Cases: a worker creates cases for themselves; a lead for anyone in the team and
// is the only one who may hand a case to someone else. A handover is a scope
// change (scope.ts): the old assignee loses the case, the new one gains it with
// all its notes, appointments and substitutions. Cases are closed, never deleted.
import type { CaseFields, CaseRecord } from '../../../shared/records';
import { lockCaseChildren } from '../../repositories/case-children';
import { findRecord, findStoredRecord } from '../../repositories/records';
import { isTeamMember } from '../../repositories/users';
import { reject } from '../refusal';
import { grantCase, revokeCase } from '../scope';
import { mayWorkOnCase } from '../visibility';
import { caseRefusal, type EntityRules, type MutationContext } from './common';

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

function isReassignment(before: CaseRecord | null, assignedTo: string | undefined): boolean {
  return before !== null && assignedTo !== undefined && assignedTo !== before.assignedTo;
}

export const caseRules: EntityRules<'case'> = {
  async prepareCreate(ctx, data: CaseFields) {
    if (ctx.actor.role !== 'lead' && data.assignedTo !== ctx.actor.id) {
      throw reject.forbidden('workersAssignThemselves', 'assignedTo');
    }
    await assertAssignable(ctx, data.assignedTo);
    await assertPreConsultationOfTeam(ctx, data.sourcePreConsultationId);
    return { ...data, teamId: ctx.actor.teamId };
  },

  async lockForEdit(ctx) {
    const stored = await findStoredRecord(ctx.tx, 'case', ctx.recordId, 'update');
    if (!stored || !(await mayWorkOnCase(ctx.tx, ctx.actor, stored.record))) {
      throw await caseRefusal(ctx, ctx.recordId, 'caseNotFound', null);
    }
    return stored;
  },

  async checkChange(ctx, current, patch) {
    if (isReassignment(current, patch.assignedTo) && patch.assignedTo) {
      if (ctx.actor.role !== 'lead') {
        throw reject.forbidden('onlyLeadReassigns', 'assignedTo');
      }
      await assertAssignable(ctx, patch.assignedTo);
    }
    if (patch.sourcePreConsultationId !== current.sourcePreConsultationId) {
      await assertPreConsultationOfTeam(ctx, patch.sourcePreConsultationId);
    }
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
