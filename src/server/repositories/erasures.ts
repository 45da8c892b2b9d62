// Erasing records for good (retention): the rows of a case file or a
// pre-consultation go, their applied mutations (which hold every edit's content)
// with them, and an `erasures` row per record keeps only its id and a seq, so
// the removal reaches every device of the team in its next pull.
import type { Queryable } from '../db/database';
import { type CaseChildEntity, caseChildEntities, tableOf } from './record-tables';
import { reserveSeqs } from './sync-sequence';

export interface Erased {
  entity: string;
  id: string;
}

/** Children in an order their foreign keys allow deleting: comments point at notes, notes at appointments. */
const deletionOrder = [
  'comment',
  'note',
  'appointment',
  'goal',
  'substitution',
] as const satisfies readonly CaseChildEntity[];

const idsOf = async (tx: Queryable, sql: string, params: unknown[]) =>
  (await tx.query<{ id: string }>(sql, params)).map((row) => row.id);

/**
 * When a closed case's file is due: it ended ("Ende") on or before `endDate`, or,
 * without an end date, was closed at or before `closedAt`.
 */
export interface CaseCutoff {
  endDate: string;
  closedAt: Date;
}

const dueCase = `closed_at IS NOT NULL
  AND (end_date <= $1::date OR (end_date IS NULL AND closed_at <= $2))`;

/** Closed cases whose file is due, by id. */
export function listDueCases(db: Queryable, cutoff: CaseCutoff): Promise<string[]> {
  return idsOf(db, `SELECT id::text AS id FROM cases WHERE ${dueCase} ORDER BY id`, [
    cutoff.endDate,
    cutoff.closedAt.toISOString(),
  ]);
}

/** Pre-consultations that led to no case and last changed at or before the cutoff, by id. */
export function listDuePreConsultations(db: Queryable, cutoff: Date): Promise<string[]> {
  return idsOf(
    db,
    `SELECT id::text AS id FROM pre_consultations WHERE updated_at <= $1 AND converted_case_id IS NULL ORDER BY id`,
    [cutoff.toISOString()],
  );
}

/** Locks the case if it is still closed and due; its team, or null. */
export async function lockDueCase(tx: Queryable, caseId: string, cutoff: CaseCutoff): Promise<string | null> {
  const [found] = await tx.query<{ teamId: string }>(
    `SELECT team_id AS "teamId" FROM cases WHERE id = $3 AND ${dueCase} FOR UPDATE`,
    [cutoff.endDate, cutoff.closedAt.toISOString(), caseId],
  );
  return found?.teamId ?? null;
}

/**
 * Locks every record of a case file, in the order a push locks them, and names
 * them: the case's children, the pre-consultations it came from or became, the case.
 */
export async function lockCaseFile(tx: Queryable, caseId: string): Promise<Erased[]> {
  const erased: Erased[] = [];
  for (const entity of caseChildEntities) {
    const ids = await idsOf(
      tx,
      `SELECT id::text AS id FROM ${tableOf[entity].table} WHERE case_id = $1 FOR UPDATE`,
      [caseId],
    );
    erased.push(...ids.map((id) => ({ entity, id })));
  }
  const preIds = await idsOf(
    tx,
    `SELECT id::text AS id FROM pre_consultations
     WHERE converted_case_id = $1 OR id = (SELECT source_pre_consultation_id FROM cases WHERE id = $1) FOR UPDATE`,
    [caseId],
  );
  erased.push(...preIds.map((id) => ({ entity: 'preConsultation', id })));
  erased.push({ entity: 'case', id: caseId });
  return erased;
}

/** Deletes the case file named by lockCaseFile, with its applied mutations and scope changes. */
export async function deleteCaseFile(
  tx: Queryable,
  caseId: string,
  erased: readonly Erased[],
): Promise<void> {
  await tx.query('DELETE FROM applied_mutations WHERE record_id = ANY($1::uuid[])', [
    erased.map((e) => e.id),
  ]);
  for (const entity of deletionOrder) {
    await tx.query(`DELETE FROM ${tableOf[entity].table} WHERE case_id = $1`, [caseId]);
  }
  await tx.query('DELETE FROM scope_changes WHERE case_id = $1', [caseId]);
  const preIds = erased.filter((e) => e.entity === 'preConsultation').map((e) => e.id);
  await tx.query('DELETE FROM pre_consultations WHERE id = ANY($1::uuid[])', [preIds]);
  await tx.query('DELETE FROM cases WHERE id = $1', [caseId]);
}

/** Locks a pre-consultation if it is still due and led to no case; its team, or null. */
export async function lockDuePreConsultation(
  tx: Queryable,
  id: string,
  cutoff: Date,
): Promise<string | null> {
  const [found] = await tx.query<{ teamId: string }>(
    `SELECT team_id AS "teamId" FROM pre_consultations p
     WHERE id = $1 AND updated_at <= $2 AND converted_case_id IS NULL
       AND NOT EXISTS (SELECT 1 FROM cases c WHERE c.source_pre_consultation_id = p.id)
     FOR UPDATE`,
    [id, cutoff.toISOString()],
  );
  return found?.teamId ?? null;
}

export async function deletePreConsultation(tx: Queryable, id: string): Promise<void> {
  await tx.query('DELETE FROM applied_mutations WHERE record_id = $1', [id]);
  await tx.query('DELETE FROM pre_consultations WHERE id = $1', [id]);
}

/** One erasures row per record, with seqs in the order given, so pulls deliver the removals. */
export async function recordErasures(
  tx: Queryable,
  teamId: string,
  erased: readonly Erased[],
): Promise<void> {
  if (erased.length === 0) return;
  const first = await reserveSeqs(tx, erased.length);
  await tx.query(
    `INSERT INTO erasures (seq, team_id, entity, record_id)
     SELECT $1::bigint + e.ord - 1, $2, e.entity, e.record_id
     FROM unnest($3::text[], $4::uuid[]) WITH ORDINALITY AS e(entity, record_id, ord)`,
    [first, teamId, erased.map((e) => e.entity), erased.map((e) => e.id)],
  );
}
