// Local repository of pre-consultations (Fall im Feld).
import type { PreConsultationFields, PreConsultationRecord } from '../../shared/records';
import { deleteLocal } from '../infrastructure/local-delete';
import {
  type Actor,
  ChangeNotAllowedError,
  createLocal,
  type NewFieldsOf,
  RecordNotFoundError,
  updateLocal,
} from '../infrastructure/local-write';
import { type FeldakteDb, localWriteTables } from '../infrastructure/schema';
import { createCase } from './cases';

export async function listPreConsultations(db: FeldakteDb): Promise<PreConsultationRecord[]> {
  const list = await db.preConsultations.toArray();
  return list.sort((a, b) => b.date.localeCompare(a.date) || b.createdAt.localeCompare(a.createdAt));
}

export function createPreConsultation(db: FeldakteDb, actor: Actor, fields: PreConsultationFields) {
  return createLocal(db, 'preConsultation', actor, fields, { teamId: actor.teamId, workerId: actor.userId });
}

export function deletePreConsultation(db: FeldakteDb, actor: Actor, id: string): Promise<void> {
  return deleteLocal(db, 'preConsultation', actor, id);
}

/** The case fields a conversion asks for; the rest follows from the conversion itself. */
export type ConvertedCaseFields = Omit<
  NewFieldsOf<'case'>,
  'sourcePreConsultationId' | 'assignedTo' | 'status'
>;

async function openConsultation(db: FeldakteDb, id: string): Promise<PreConsultationRecord> {
  const current = await db.preConsultations.get(id);
  if (!current) throw new RecordNotFoundError('preConsultation', id);
  if (current.convertedCaseId !== null) {
    throw new ChangeNotAllowedError('alreadyConverted');
  }
  return current;
}

/**
 * Turns a pre-consultation into a new case assigned to the actor. Both writes
 * (the case, and the link and outcome on the pre-consultation) share one
 * transaction: either both are on the device with their outbox entries, or
 * neither. The entries keep that order, so the server sees the case first.
 */
export async function convertToCase(
  db: FeldakteDb,
  actor: Actor,
  preConsultationId: string,
  caseFields: ConvertedCaseFields,
) {
  return db.transaction('rw', localWriteTables(db), async () => {
    await openConsultation(db, preConsultationId);
    const created = await createCase(db, actor, {
      ...caseFields,
      status: 'open',
      assignedTo: actor.userId,
      sourcePreConsultationId: preConsultationId,
    });
    await updateLocal(db, 'preConsultation', actor, preConsultationId, {
      convertedCaseId: created.id,
      outcome: 'help_recommended',
      referralPartnerId: null,
    });
    return created;
  });
}

/**
 * Closes a pre-consultation with a referral to a network partner of the
 * directory (outcome "Vermittlung an Partner"). The partner must be on the device;
 * a partner deleted later leaves the id behind, which the card then names as gone.
 */
export async function closeWithReferral(
  db: FeldakteDb,
  actor: Actor,
  preConsultationId: string,
  partnerId: string,
): Promise<PreConsultationRecord> {
  return db.transaction('rw', [db.partners, ...localWriteTables(db)], async () => {
    await openConsultation(db, preConsultationId);
    if (!(await db.partners.get(partnerId))) throw new RecordNotFoundError('partner', partnerId);
    return updateLocal(db, 'preConsultation', actor, preConsultationId, {
      outcome: 'referral',
      referralPartnerId: partnerId,
    });
  });
}
