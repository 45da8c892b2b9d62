// Local repository of substitutions (Vertretungen): a lead grants a substitute
// access to a case for a period. The server decides who sees the case; on the
// substitute's device the case arrives when the period starts and leaves when it ends.
import type { SubstitutionFields, SubstitutionRecord } from '../../shared/records';
import { deleteLocal } from '../infrastructure/local-delete';
import { type Actor, createLocal, updateLocal } from '../infrastructure/local-write';
import type { FeldakteDb } from '../infrastructure/schema';

/** The substitutions of a case, earliest period first. */
export async function listSubstitutionsForCase(
  db: FeldakteDb,
  caseId: string,
): Promise<SubstitutionRecord[]> {
  const list = await db.substitutions.where('caseId').equals(caseId).toArray();
  return list.sort((a, b) => a.from.localeCompare(b.from) || a.until.localeCompare(b.until));
}

/** The substitutions a member covers, earliest period first. */
export async function listSubstitutionsOf(
  db: FeldakteDb,
  substituteId: string,
): Promise<SubstitutionRecord[]> {
  const list = await db.substitutions.where('substituteId').equals(substituteId).toArray();
  return list.sort((a, b) => a.from.localeCompare(b.from) || a.until.localeCompare(b.until));
}

/** Whether the period covers a day ("2026-03-10"); both ends count. */
export function isSubstitutionActiveOn(substitution: SubstitutionFields, day: string): boolean {
  return substitution.from <= day && day <= substitution.until;
}

export function createSubstitution(
  db: FeldakteDb,
  actor: Actor,
  fields: SubstitutionFields,
): Promise<SubstitutionRecord> {
  return createLocal(db, 'substitution', actor, fields, { teamId: actor.teamId });
}

/** Only the period can change; case and substitute are fixed once granted. */
export function updateSubstitution(
  db: FeldakteDb,
  actor: Actor,
  id: string,
  patch: Partial<Pick<SubstitutionFields, 'from' | 'until'>>,
): Promise<SubstitutionRecord> {
  return updateLocal(db, 'substitution', actor, id, patch);
}

export function deleteSubstitution(db: FeldakteDb, actor: Actor, id: string): Promise<void> {
  return deleteLocal(db, 'substitution', actor, id);
}
