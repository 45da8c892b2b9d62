// Pre-consultations (Fall im Feld): owned by the worker who gave the advice,
// visible to the team lead; may point to the case they turned into, or to the
// network partner of the team the family was referred to.
import type { PreConsultationFields } from '../../../shared/records';
import { findRecord, findStoredRecord } from '../../repositories/records';
import { reject } from '../refusal';
import { canAccessPreConsultation } from '../visibility';
import type { EntityRules, MutationContext } from './common';

async function assertCaseOfTeam(ctx: MutationContext, caseId: string | null | undefined): Promise<void> {
  if (!caseId) return;
  const found = await findRecord(ctx.tx, 'case', caseId);
  if (!found || found.teamId !== ctx.actor.teamId) {
    throw reject.notFound('caseNotFound', 'convertedCaseId');
  }
}

/**
 * The referral partner must be in the team's directory. One a lead removed since
 * still counts: the worker may have chosen it offline before it went.
 */
async function assertPartnerOfTeam(
  ctx: MutationContext,
  partnerId: string | null | undefined,
): Promise<void> {
  if (!partnerId) return;
  const found = await findStoredRecord(ctx.tx, 'partner', partnerId);
  if (!found || found.record.teamId !== ctx.actor.teamId) {
    throw reject.notFound('partnerNotFound', 'referralPartnerId');
  }
}

export const preConsultationRules: EntityRules<'preConsultation'> = {
  async prepareCreate(ctx, data: PreConsultationFields) {
    await assertCaseOfTeam(ctx, data.convertedCaseId);
    await assertPartnerOfTeam(ctx, data.referralPartnerId);
    return { ...data, teamId: ctx.actor.teamId, workerId: ctx.actor.id };
  },

  async lockForEdit(ctx) {
    const stored = await findStoredRecord(ctx.tx, 'preConsultation', ctx.recordId, 'update');
    if (!stored || !canAccessPreConsultation(ctx.actor, stored.record)) {
      throw reject.notFound('preConsultationNotFound');
    }
    return stored;
  },

  async checkChange(ctx, current, patch) {
    if (patch.convertedCaseId !== current.convertedCaseId) await assertCaseOfTeam(ctx, patch.convertedCaseId);
    if (patch.referralPartnerId !== current.referralPartnerId) {
      await assertPartnerOfTeam(ctx, patch.referralPartnerId);
    }
  },

  checkDelete() {},

  async findVisible(tx, actor, id) {
    const found = await findRecord(tx, 'preConsultation', id);
    return found && canAccessPreConsultation(actor, found) ? found : null;
  },
};
