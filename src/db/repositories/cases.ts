// Local repository of cases (Einzelfälle): the list, creation, edits and the
// closure ("Abschluss beantragen", "Abschließen", "Wieder öffnen").
import type { CaseFields, CaseRecord, CaseStatus, ClosingReason } from '../../shared/records';
import { type Actor, createLocal, type NewFieldsOf, updateLocal } from '../infrastructure/local-write';
import type { FeldakteDb } from '../infrastructure/schema';

/** Cases still worked on: open, and those whose closure waits for the lead. */
export const CURRENT_CASE_STATUSES: readonly CaseStatus[] = ['open', 'closure_requested'];

function matchingByName(cases: CaseRecord[], search: string): CaseRecord[] {
  const needle = search.trim().toLocaleLowerCase('de');
  const matching = needle
    ? cases.filter((c) =>
        [c.familyName, c.reference, c.clients, c.address].some((v) =>
          v.toLocaleLowerCase('de').includes(needle),
        ),
      )
    : cases;
  return matching.sort((a, b) => a.familyName.localeCompare(b.familyName, 'de'));
}

/** The cases still worked on (open or closure requested) matching a search, by family name. */
export async function listOpenCases(db: FeldakteDb, search = ''): Promise<CaseRecord[]> {
  return matchingByName(await db.cases.where('status').anyOf(CURRENT_CASE_STATUSES).toArray(), search);
}

/** The closed cases on this device matching a search, by family name. */
export async function listClosedCases(db: FeldakteDb, search = ''): Promise<CaseRecord[]> {
  return matchingByName(await db.cases.where('status').equals('closed').toArray(), search);
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

/** What "Fall abschließen" records: the end, the reason, a follow-up help and a closing note. */
export interface Closure {
  endDate: string;
  closingReason: ClosingReason;
  followUpHelp: string;
  closingNote: string;
}

/**
 * A worker's "Abschluss beantragen" (status closure_requested, the lead confirms)
 * or a lead's "Abschließen" (closed). Only the closure fields that differ from
 * the case are sent, so the lead confirming a worker's request sends the status
 * alone unless they changed something.
 */
export async function closeCase(
  db: FeldakteDb,
  actor: Actor,
  id: string,
  closure: Closure,
  status: 'closure_requested' | 'closed',
): Promise<CaseRecord> {
  const current = await db.cases.get(id);
  const patch: Partial<CaseFields> = { status };
  for (const key of ['endDate', 'closingReason', 'followUpHelp', 'closingNote'] as const) {
    if (current?.[key] !== closure[key]) Object.assign(patch, { [key]: closure[key] });
  }
  return updateCase(db, actor, id, patch);
}

/**
 * Back to open: a worker withdraws their request, a lead declines it or reopens
 * a closed case. The end and reason go (retention counts from "Ende"); the
 * follow-up help and the note stay as a draft of the next closure.
 */
export function reopenCase(db: FeldakteDb, actor: Actor, id: string): Promise<CaseRecord> {
  return updateCase(db, actor, id, { status: 'open', endDate: null, closingReason: null });
}
