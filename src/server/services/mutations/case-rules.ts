// Cases: a worker creates cases for themselves; a lead for anyone in the team and
// is the only one who may hand a case to someone else.
import type { CaseFields, CaseRecord } from '../../../shared/records';
import { lockCaseChildren, resequenceCaseChildren } from '../../repositories/case-children';
import { findRecord, insertRecord, updateRecord } from '../../repositories/records';
import { isTeamMember } from '../../repositories/users';
import { reject } from '../rejection';
import { canAccessCase } from '../visibility';
import {
  assertRecordIdUnused,
  type EntityRules,
  isEmptyPatch,
  type MutationContext,
  stampWrite,
} from './common';

async function assertAssignable(ctx: MutationContext, assignedTo: string): Promise<void> {
  if (!(await isTeamMember(ctx.tx, ctx.actor.teamId, assignedTo))) {
    throw reject.forbidden('Der Fall kann nur Mitgliedern des eigenen Teams zugewiesen werden', 'assignedTo');
  }
}

async function assertPreConsultationOfTeam(
  ctx: MutationContext,
  id: string | null | undefined,
): Promise<void> {
  if (!id) return;
  const found = await findRecord(ctx.tx, 'preConsultation', id);
  if (!found || found.teamId !== ctx.actor.teamId) {
    throw reject.notFound('Fall im Feld nicht gefunden', 'sourcePreConsultationId');
  }
}

async function create(ctx: MutationContext, data: CaseFields): Promise<CaseRecord> {
  await assertRecordIdUnused(ctx, 'case');
  if (ctx.actor.role !== 'lead' && data.assignedTo !== ctx.actor.id) {
    throw reject.forbidden('Fachkräfte können Fälle nur sich selbst zuweisen', 'assignedTo');
  }
  await assertAssignable(ctx, data.assignedTo);
  await assertPreConsultationOfTeam(ctx, data.sourcePreConsultationId);
  const meta = await stampWrite(ctx);
  return insertRecord(ctx.tx, 'case', ctx.recordId, { ...data, teamId: ctx.actor.teamId }, meta);
}

async function update(ctx: MutationContext, patch: Partial<CaseFields>): Promise<CaseRecord> {
  const locked = await findRecord(ctx.tx, 'case', ctx.recordId, 'update');
  if (!locked || !canAccessCase(ctx.actor, locked)) throw reject.notFound('Fall nicht gefunden');
  if (isEmptyPatch(patch)) return locked;

  const reassigned = patch.assignedTo !== undefined && patch.assignedTo !== locked.assignedTo;
  if (reassigned && patch.assignedTo) {
    if (ctx.actor.role !== 'lead') {
      throw reject.forbidden('Nur die Teamleitung kann einen Fall neu zuweisen', 'assignedTo');
    }
    await assertAssignable(ctx, patch.assignedTo);
    await lockCaseChildren(ctx.tx, ctx.recordId);
  }
  if (patch.sourcePreConsultationId !== locked.sourcePreConsultationId) {
    await assertPreConsultationOfTeam(ctx, patch.sourcePreConsultationId);
  }
  const meta = await stampWrite(ctx);
  const updated = await updateRecord(ctx.tx, 'case', ctx.recordId, patch, meta);
  if (reassigned) await resequenceCaseChildren(ctx.tx, ctx.recordId);
  return updated;
}

export const caseRules: EntityRules<'case'> = {
  create,
  update,
  async findVisible(tx, actor, id) {
    const found = await findRecord(tx, 'case', id);
    return found && canAccessCase(actor, found) ? found : null;
  },
};
