// Appointments (Termine): made and changed by whoever works on the case; they
// belong to the case (a worker sees the appointments of the cases they work on).
import type { AppointmentFields } from '../../../shared/records';
import { findStoredRecord } from '../../repositories/records';
import { reject } from '../refusal';
import {
  assertCaseOpenForChildren,
  caseRefusal,
  type EntityRules,
  findVisibleCaseChild,
  loadWritableCase,
  lockAccessibleCase,
} from './common';

export const appointmentRules: EntityRules<'appointment'> = {
  async prepareCreate(ctx, data: AppointmentFields) {
    const caseOfAppointment = await loadWritableCase(ctx, data.caseId, 'caseId');
    return { ...data, teamId: caseOfAppointment.teamId, workerId: ctx.actor.id };
  },

  async lockForEdit(ctx, patch) {
    const unlocked = await findStoredRecord(ctx.tx, 'appointment', ctx.recordId);
    if (!unlocked) throw reject.notFound('appointmentNotFound');
    const currentCaseId = unlocked.record.caseId;
    // Lock order for every writer: cases (by id), then the record, then the sync counter.
    const caseIds = [...new Set([currentCaseId, patch.caseId ?? currentCaseId])].sort();
    for (const caseId of caseIds) {
      const locked = await lockAccessibleCase(ctx, caseId);
      if (locked) {
        assertCaseOpenForChildren(locked, caseId === currentCaseId ? null : 'caseId');
        continue;
      }
      throw caseId === currentCaseId
        ? await caseRefusal(ctx, caseId, 'appointmentNotFound', null)
        : await caseRefusal(ctx, caseId, 'caseNotFound', 'caseId');
    }
    return (await findStoredRecord(ctx.tx, 'appointment', ctx.recordId, 'update')) ?? unlocked;
  },

  // Whoever may work on the case(s) may change the appointment; checked by lockForEdit.
  async checkChange() {},

  checkDelete() {},

  findVisible: (tx, actor, id) => findVisibleCaseChild(tx, actor, 'appointment', id),
};
