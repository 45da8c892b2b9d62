// Network partners (Netzwerkpartner): the team's directory. Every member of the
// team sees it; only the team's leads create, change or delete entries.
import type { PartnerFields } from '../../../shared/records';
import { findRecord, findStoredRecord } from '../../repositories/records';
import { reject } from '../refusal';
import { isLeadOf } from '../visibility';
import type { EntityRules, MutationContext } from './common';

function assertLead(
  ctx: MutationContext,
  teamId: string,
  refusal: 'onlyLeadCreatesPartners' | 'onlyLeadChangesPartners',
): void {
  if (!isLeadOf(ctx.actor, teamId)) throw reject.forbidden(refusal);
}

export const partnerRules: EntityRules<'partner'> = {
  async prepareCreate(ctx, data: PartnerFields) {
    assertLead(ctx, ctx.actor.teamId, 'onlyLeadCreatesPartners');
    return { ...data, teamId: ctx.actor.teamId };
  },

  async lockForEdit(ctx) {
    const stored = await findStoredRecord(ctx.tx, 'partner', ctx.recordId, 'update');
    if (!stored || stored.record.teamId !== ctx.actor.teamId) {
      throw reject.notFound('partnerNotFound');
    }
    assertLead(ctx, stored.record.teamId, 'onlyLeadChangesPartners');
    return stored;
  },

  // lockForEdit checked the lead; every field is free text.
  async checkChange() {},

  checkDelete() {},

  async findVisible(tx, actor, id) {
    const found = await findRecord(tx, 'partner', id);
    return found && found.teamId === actor.teamId ? found : null;
  },
};
