// Pre-consultations (Fall im Feld): owned by the worker who gave the advice,
// visible to the team lead; may point to the case they turned into.
import type { PreConsultationFields, PreConsultationRecord } from '../../../shared/records';
import { findRecord, insertRecord, updateRecord } from '../../repositories/records';
import { reject } from '../rejection';
import { canAccessPreConsultation } from '../visibility';
import {
  assertRecordIdUnused,
  type EntityRules,
  isEmptyPatch,
  type MutationContext,
  stampWrite,
} from './common';

async function assertCaseOfTeam(ctx: MutationContext, caseId: string | null | undefined): Promise<void> {
  if (!caseId) return;
  const found = await findRecord(ctx.tx, 'case', caseId);
  if (!found || found.teamId !== ctx.actor.teamId) {
    throw reject.notFound('Fall nicht gefunden', 'convertedCaseId');
  }
}

async function create(ctx: MutationContext, data: PreConsultationFields): Promise<PreConsultationRecord> {
  await assertRecordIdUnused(ctx, 'preConsultation');
  await assertCaseOfTeam(ctx, data.convertedCaseId);
  const meta = await stampWrite(ctx);
  return insertRecord(
    ctx.tx,
    'preConsultation',
    ctx.recordId,
    { ...data, teamId: ctx.actor.teamId, workerId: ctx.actor.id },
    meta,
  );
}

async function update(
  ctx: MutationContext,
  patch: Partial<PreConsultationFields>,
): Promise<PreConsultationRecord> {
  const current = await findRecord(ctx.tx, 'preConsultation', ctx.recordId, 'update');
  if (!current || !canAccessPreConsultation(ctx.actor, current)) {
    throw reject.notFound('Fall im Feld nicht gefunden');
  }
  if (isEmptyPatch(patch)) return current;
  if (patch.convertedCaseId !== current.convertedCaseId) await assertCaseOfTeam(ctx, patch.convertedCaseId);
  const meta = await stampWrite(ctx);
  return updateRecord(ctx.tx, 'preConsultation', ctx.recordId, patch, meta);
}

export const preConsultationRules: EntityRules<'preConsultation'> = {
  create,
  update,
  async findVisible(tx, actor, id) {
    const found = await findRecord(tx, 'preConsultation', id);
    return found && canAccessPreConsultation(actor, found) ? found : null;
  },
};
