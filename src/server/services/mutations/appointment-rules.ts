// Appointments (Termine): made by whoever works on the case, owned by the worker
// who made them.
import type { AppointmentFields, AppointmentRecord } from '../../../shared/records';
import { findRecord, insertRecord, updateRecord } from '../../repositories/records';
import { reject } from '../rejection';
import { canSeeAppointment } from '../visibility';
import {
  assertRecordIdUnused,
  type EntityRules,
  isEmptyPatch,
  loadWritableCase,
  lockAccessibleCase,
  type MutationContext,
  stampWrite,
} from './common';

async function create(ctx: MutationContext, data: AppointmentFields): Promise<AppointmentRecord> {
  await assertRecordIdUnused(ctx, 'appointment');
  const caseOfAppointment = await loadWritableCase(ctx, data.caseId, 'caseId');
  const meta = await stampWrite(ctx);
  return insertRecord(
    ctx.tx,
    'appointment',
    ctx.recordId,
    { ...data, teamId: caseOfAppointment.teamId, workerId: ctx.actor.id },
    meta,
  );
}

async function update(ctx: MutationContext, patch: Partial<AppointmentFields>): Promise<AppointmentRecord> {
  const unlocked = await findRecord(ctx.tx, 'appointment', ctx.recordId);
  const currentCase = unlocked && (await findRecord(ctx.tx, 'case', unlocked.caseId));
  if (!unlocked || !currentCase || !canSeeAppointment(ctx.actor, unlocked, currentCase)) {
    throw reject.notFound('Termin nicht gefunden');
  }
  // Lock order for every writer: cases (by id), then the record, then the sync counter.
  const caseIds = [...new Set([unlocked.caseId, patch.caseId ?? unlocked.caseId])].sort();
  for (const caseId of caseIds) {
    if (await lockAccessibleCase(ctx, caseId)) continue;
    throw caseId === patch.caseId
      ? reject.notFound('Fall nicht gefunden', 'caseId')
      : reject.forbidden('Termine dieses Falls kann nur ändern, wer den Fall bearbeitet');
  }
  const appointment = (await findRecord(ctx.tx, 'appointment', ctx.recordId, 'update')) ?? unlocked;
  if (isEmptyPatch(patch)) return appointment;
  const meta = await stampWrite(ctx);
  return updateRecord(ctx.tx, 'appointment', ctx.recordId, patch, meta);
}

export const appointmentRules: EntityRules<'appointment'> = {
  create,
  update,
  async findVisible(tx, actor, id) {
    const appointment = await findRecord(tx, 'appointment', id);
    const caseOfAppointment = appointment && (await findRecord(tx, 'case', appointment.caseId));
    return appointment && caseOfAppointment && canSeeAppointment(actor, appointment, caseOfAppointment)
      ? appointment
      : null;
  },
};
