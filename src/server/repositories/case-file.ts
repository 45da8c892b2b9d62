// Everything stored about one case, tombstones included: the case, its notes (with
// their amendments), appointments, goals, comments and substitutions, and the
// pre-consultation it came from. Read for the export to the data subject
// (Art. 15 GDPR) and to know what retention erases.
import type { Queryable, Row } from '../db/database';
import { selectList, type TableSpec, tableOf, toRecord } from './record-tables';

export interface StoredCaseRecord extends Row {
  id: string;
  teamId: string;
  /** When the record was deleted on a device (its content is still stored until erased). */
  deletedAt: string | null;
}

export interface CaseFile {
  case: StoredCaseRecord & {
    assignedTo: string;
    status: string;
    endDate: string | null;
    closedAt: string | null;
  };
  notes: StoredCaseRecord[];
  appointments: StoredCaseRecord[];
  goals: StoredCaseRecord[];
  comments: StoredCaseRecord[];
  substitutions: StoredCaseRecord[];
  preConsultations: StoredCaseRecord[];
}

async function select(tx: Queryable, spec: TableSpec, where: string, params: unknown[]) {
  const rows = await tx.query(
    `SELECT ${selectList(spec, 't')}, t.deleted_at AS "deletedAt" FROM ${spec.table} t WHERE ${where} ORDER BY t.created_at, t.id`,
    params,
  );
  return rows.map((row) => toRecord<StoredCaseRecord>(row));
}

export async function readCaseFile(tx: Queryable, caseId: string): Promise<CaseFile | null> {
  const cases = await tx.query(
    `SELECT ${selectList(tableOf.case, 't')}, t.deleted_at AS "deletedAt", t.closed_at AS "closedAt"
     FROM cases t WHERE t.id = $1`,
    [caseId],
  );
  const found = cases[0];
  if (!found) return null;
  const byCase = 't.case_id = $1';
  return {
    case: toRecord<CaseFile['case']>(found),
    notes: await select(tx, tableOf.note, byCase, [caseId]),
    appointments: await select(tx, tableOf.appointment, byCase, [caseId]),
    goals: await select(tx, tableOf.goal, byCase, [caseId]),
    comments: await select(tx, tableOf.comment, byCase, [caseId]),
    substitutions: await select(tx, tableOf.substitution, byCase, [caseId]),
    // The one it was converted from (either side may name the link).
    preConsultations: await select(
      tx,
      tableOf.preConsultation,
      't.converted_case_id = $1 OR t.id = (SELECT source_pre_consultation_id FROM cases WHERE id = $1)',
      [caseId],
    ),
  };
}

/** The case's team, or null when no such case is stored. */
export async function findCaseTeam(tx: Queryable, caseId: string): Promise<string | null> {
  const rows = await tx.query<{ teamId: string }>('SELECT team_id AS "teamId" FROM cases WHERE id = $1', [
    caseId,
  ]);
  return rows[0]?.teamId ?? null;
}
