// Pre-consultations (Fall im Feld): owned by the worker who gave the advice,
// visible to the team lead; may point to the case they turned into, or to the
// network partner of the team the family was referred to.
import type { PreConsultationFields } from '../../../shared/records';
import { findRecord, findStoredRecord } from '../../repositories/records';
import { reject } from '../refusal';
import { canAccessPreConsultation, mayWorkOnCase } from '../visibility';
import type { EntityRules, MutationContext } from './common';

/**
 * A pre-consultation is linked only to a case the actor works on (their own, one
 * they stand in for, any of the team's for its lead). Anything else, a colleague's
 * case, another team's, or none, is refused alike, so the answer tells nothing
 * about cases that are not theirs.
 */
async function assertCaseToLink(ctx: MutationContext, caseId: string | null | undefined): Promise<void> {
  if (!caseId) return;
  const found = await findRecord(ctx.tx, 'case', caseId);
  if (!found || !(await mayWorkOnCase(ctx.tx, ctx.actor, found))) {
    throw reject.notFound('convertedCaseNotYours', 'convertedCaseId');
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
    await assertCaseToLink(ctx, data.convertedCaseId);
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
    if (patch.convertedCaseId !== current.convertedCaseId) await assertCaseToLink(ctx, patch.convertedCaseId);
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
