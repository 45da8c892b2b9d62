// Help-plan goals (Hilfeplanziele): part of the case, so whoever may work on the
// case writes and deletes them; they stay with their case (caseId never changes).
import type { GoalFields } from '../../../shared/records';
import { type EntityRules, findVisibleCaseChild, loadWritableCase, lockCaseChildForEdit } from './common';

export const goalRules: EntityRules<'goal'> = {
  async prepareCreate(ctx, data: GoalFields) {
    const caseOfGoal = await loadWritableCase(ctx, data.caseId, 'caseId');
    return { ...data, teamId: caseOfGoal.teamId };
  },

  lockForEdit: (ctx) => lockCaseChildForEdit(ctx, 'goal', 'goalNotFound'),

  // Whoever may work on the case may change the goal; checked by lockForEdit.
  async checkChange() {},

  checkDelete() {},

  findVisible: (tx, actor, id) => findVisibleCaseChild(tx, actor, 'goal', id),
};
