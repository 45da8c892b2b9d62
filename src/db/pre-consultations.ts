// Local repository of pre-consultations (Fall im Feld).
import type { CaseFields, PreConsultationFields, PreConsultationRecord } from '../shared/records';
import { createCase } from './cases';
import { deleteLocal } from './local-delete';
import { type Actor, createLocal, updateLocal } from './local-write';
import { type FeldakteDb, localWriteTables } from './schema';

export async function listPreConsultations(db: FeldakteDb): Promise<PreConsultationRecord[]> {
  const list = await db.preConsultations.toArray();
  return list.sort((a, b) => b.date.localeCompare(a.date) || b.createdAt.localeCompare(a.createdAt));
}

export function getPreConsultation(db: FeldakteDb, id: string) {
  return db.preConsultations.get(id);
}

export function createPreConsultation(db: FeldakteDb, actor: Actor, fields: PreConsultationFields) {
  return createLocal(db, 'preConsultation', actor, fields, { teamId: actor.teamId, workerId: actor.userId });
}

export function updatePreConsultation(
  db: FeldakteDb,
  actor: Actor,
  id: string,
  patch: Partial<PreConsultationFields>,
) {
  return updateLocal(db, 'preConsultation', actor, id, patch);
}

export function deletePreConsultation(db: FeldakteDb, actor: Actor, id: string): Promise<void> {
  return deleteLocal(db, 'preConsultation', actor, id);
}

/**
 * Turns a pre-consultation into a new case assigned to the actor. Both writes
 * (the case, and the link on the pre-consultation) share one transaction, and
 * their outbox entries keep that order, so the server sees the case first.
 */
export async function convertToCase(
  db: FeldakteDb,
  actor: Actor,
  preConsultationId: string,
  caseFields: Omit<CaseFields, 'sourcePreConsultationId' | 'assignedTo' | 'status'>,
) {
  return db.transaction('rw', localWriteTables(db), async () => {
    const created = await createCase(db, actor, {
      ...caseFields,
      status: 'open',
      assignedTo: actor.userId,
      sourcePreConsultationId: preConsultationId,
    });
    await updateLocal(db, 'preConsultation', actor, preConsultationId, {
      convertedCaseId: created.id,
      outcome: 'help_recommended',
    });
    return created;
  });
}
