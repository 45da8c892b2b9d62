// Substitutions (Vertretung): a lead grants a worker of the team a case for a
// period, both days inclusive. Creating, changing or deleting one changes who
// may see the case (scope.ts); the grant is materialised in the same transaction.
import type { SubstitutionFields, SubstitutionRecord } from '../../../shared/records';
import { lockCaseChildren } from '../../repositories/case-children';
import { findRecord, findStoredRecord } from '../../repositories/records';
import { findTeamMemberRole } from '../../repositories/users';
import { reject } from '../refusal';
import { materialiseSubstitution } from '../scope';
import { isLeadOf } from '../visibility';
import {
  assertCaseOpenForChildren,
  type EntityRules,
  findVisibleCaseChild,
  type MutationContext,
} from './common';

function assertLead(
  ctx: MutationContext,
  teamId: string,
  refusal: 'onlyLeadCreatesSubstitutions' | 'onlyLeadChangesSubstitutions',
): void {
  if (!isLeadOf(ctx.actor, teamId)) throw reject.forbidden(refusal);
}

function assertPeriod(period: Pick<SubstitutionFields, 'from' | 'until'>, field: 'from' | 'until'): void {
  if (period.from > period.until) {
    throw reject.invalid('substitutionEndsBeforeStart', field);
  }
}

export const substitutionRules: EntityRules<'substitution'> = {
  async prepareCreate(ctx, data: SubstitutionFields) {
    assertLead(ctx, ctx.actor.teamId, 'onlyLeadCreatesSubstitutions');
    // The case is held like for a reassignment: the grant may re-stamp its children.
    const caseToCover = await findRecord(ctx.tx, 'case', data.caseId, 'update');
    if (!caseToCover || caseToCover.teamId !== ctx.actor.teamId) {
      throw reject.notFound('caseNotFound', 'caseId');
    }
    assertCaseOpenForChildren(caseToCover, 'caseId');
    if ((await findTeamMemberRole(ctx.tx, ctx.actor.teamId, data.substituteId)) !== 'worker') {
      throw reject.forbidden('substituteIsTeamWorker', 'substituteId');
    }
    if (caseToCover.assignedTo === data.substituteId) {
      throw reject.invalid('alreadyAssigned', 'substituteId');
    }
    assertPeriod(data, 'until');
    return { ...data, teamId: caseToCover.teamId };
  },

  async lockForEdit(ctx) {
    const unlocked = await findStoredRecord(ctx.tx, 'substitution', ctx.recordId);
    if (!unlocked || unlocked.record.teamId !== ctx.actor.teamId)
      throw reject.notFound('substitutionNotFound');
    assertLead(ctx, unlocked.record.teamId, 'onlyLeadChangesSubstitutions');
    // Lock order of every writer: the case, then the record, then the sync counter.
    const caseOfSubstitution = await findRecord(ctx.tx, 'case', unlocked.record.caseId, 'update');
    if (caseOfSubstitution) assertCaseOpenForChildren(caseOfSubstitution, null);
    return (await findStoredRecord(ctx.tx, 'substitution', ctx.recordId, 'update')) ?? unlocked;
  },

  // Only the period changes after creation; lockForEdit checked the lead.
  async checkChange() {},

  checkDelete() {},

  derive(_ctx, before, applied) {
    assertPeriod({ ...before, ...applied }, applied.until !== undefined ? 'until' : 'from');
    return {};
  },

  async beforeStamp(ctx, before, applied) {
    const caseId = before?.caseId ?? (applied as Partial<SubstitutionRecord>).caseId;
    if (caseId) await lockCaseChildren(ctx.tx, caseId);
  },

  async afterWrite(ctx, _before, after, deleted) {
    await materialiseSubstitution(ctx.tx, { ...after, deleted }, ctx.today);
  },

  findVisible: (tx, actor, id) => findVisibleCaseChild(tx, actor, 'substitution', id),
};
