// Local repository of cases (Einzelfälle).
import type { CaseFields, CaseRecord } from '../../shared/records';
import { type Actor, createLocal, type NewFieldsOf, updateLocal } from '../infrastructure/local-write';
import type { FeldakteDb } from '../infrastructure/schema';

export async function listOpenCases(db: FeldakteDb, search = ''): Promise<CaseRecord[]> {
  const needle = search.trim().toLocaleLowerCase('de');
  const open = await db.cases.where('status').equals('open').toArray();
  const matching = needle
    ? open.filter((c) =>
        [c.familyName, c.reference, c.clients, c.address].some((v) =>
          v.toLocaleLowerCase('de').includes(needle),
        ),
      )
    : open;
  return matching.sort((a, b) => a.familyName.localeCompare(b.familyName, 'de'));
}

export function getCase(db: FeldakteDb, id: string): Promise<CaseRecord | undefined> {
  return db.cases.get(id);
}

export function createCase(
  db: FeldakteDb,
  actor: Actor,
  fields: NewFieldsOf<'case'>,
  id?: string,
): Promise<CaseRecord> {
  return createLocal(db, 'case', actor, fields, { teamId: actor.teamId }, id);
}

export function updateCase(db: FeldakteDb, actor: Actor, id: string, patch: Partial<CaseFields>) {
  return updateLocal(db, 'case', actor, id, patch);
}
