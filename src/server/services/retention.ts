// Retention: a closed case and a pre-consultation are kept for a period, then
// erased on the server and, through the pull, on every device.
//
// Deletion date of a case: when it was closed (cases.closed_at, set by the
// database) plus FELDAKTE_RETENTION_CASE_DAYS. Of a pre-consultation that did not
// become a case: its last change plus FELDAKTE_RETENTION_PRECONSULTATION_DAYS; one
// that became a case belongs to that case's file and goes with it. A reopened
// case loses its date.
//
// Erasing is real: the rows of the case and all its children (tombstones too),
// their applied mutations (which hold the content of every edit) and the case's
// scope changes are deleted. What stays is an `erasures` row per record with only
// its id and a seq from sync_counter, so the removal reaches each device of the
// team in its next pull, and an audit entry "retention_erased" with ids and counts.
//
// Like substitution periods, a lazy, idempotent tick runs before every pull and
// push when the day has changed since the last one, and on a timer.

import { localIsoDate } from '../../shared/local-date';
import type { Database, Queryable } from '../db/database';
import { appendAudit } from '../repositories/audit-log';
import { reserveSeqs } from '../repositories/sync-sequence';
import type { Clock } from './clock';
import { transactionWithRetries } from './retry';

/** Defaults: case files 5 years after closing; advice that led to no case 1 year. */
export const DEFAULT_RETENTION = { caseDays: 5 * 365, preConsultationDays: 365 } as const;

export interface RetentionPeriods {
  caseDays: number;
  preConsultationDays: number;
}

const DAY_MS = 24 * 60 * 60 * 1000;
const RETENTION_INTERVAL_MS = 60 * 60 * 1000;

export function deletionDate(finishedAt: string | Date | null, days: number): string | null {
  if (finishedAt === null) return null;
  return new Date(new Date(finishedAt).getTime() + days * DAY_MS).toISOString();
}

interface Erased {
  entity: string;
  id: string;
}

async function recordErasures(tx: Queryable, teamId: string, erased: Erased[]): Promise<void> {
  if (erased.length === 0) return;
  const first = await reserveSeqs(tx, erased.length);
  // One statement for the whole case: seqs first, first + 1, ... in the order given.
  await tx.query(
    `INSERT INTO erasures (seq, team_id, entity, record_id)
     SELECT $1::bigint + e.ord - 1, $2, e.entity, e.record_id
     FROM unnest($3::text[], $4::uuid[]) WITH ORDINALITY AS e(entity, record_id, ord)`,
    [first, teamId, erased.map((e) => e.entity), erased.map((e) => e.id)],
  );
}

const idsOf = async (tx: Queryable, sql: string, params: unknown[]) =>
  (await tx.query<{ id: string }>(sql, params)).map((row) => row.id);

/** Erases the case and everything hanging off it; false when it is gone or no longer due. */
async function eraseCase(tx: Queryable, caseId: string, cutoff: Date): Promise<Erased[] | null> {
  const [found] = await tx.query<{ teamId: string }>(
    `SELECT team_id AS "teamId" FROM cases WHERE id = $1 AND closed_at <= $2 FOR UPDATE`,
    [caseId, cutoff.toISOString()],
  );
  if (!found) return null;
  const erased: Erased[] = [];
  const children = [
    ['comment', 'comments'],
    ['note', 'notes'],
    ['appointment', 'appointments'],
    ['goal', 'goals'],
    ['substitution', 'substitutions'],
  ] as const;
  for (const [entity, table] of children) {
    const ids = await idsOf(tx, `SELECT id::text AS id FROM ${table} WHERE case_id = $1 FOR UPDATE`, [
      caseId,
    ]);
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
  await recordErasures(tx, found.teamId, erased);
  const allIds = erased.map((e) => e.id);
  await tx.query('DELETE FROM applied_mutations WHERE record_id = ANY($1::uuid[])', [allIds]);
  for (const [, table] of children) await tx.query(`DELETE FROM ${table} WHERE case_id = $1`, [caseId]);
  await tx.query('DELETE FROM scope_changes WHERE case_id = $1', [caseId]);
  await tx.query('DELETE FROM pre_consultations WHERE id = ANY($1::uuid[])', [preIds]);
  await tx.query('DELETE FROM cases WHERE id = $1', [caseId]);
  await appendAudit(tx, {
    userId: null,
    deviceId: null,
    action: 'retention_erased',
    detail: { entity: 'case', id: caseId, counts: countByEntity(erased) },
    caseIds: [caseId],
  });
  return erased;
}

async function erasePreConsultation(tx: Queryable, id: string, cutoff: Date): Promise<boolean> {
  const [found] = await tx.query<{ teamId: string }>(
    `SELECT team_id AS "teamId" FROM pre_consultations p
     WHERE id = $1 AND updated_at <= $2 AND converted_case_id IS NULL
       AND NOT EXISTS (SELECT 1 FROM cases c WHERE c.source_pre_consultation_id = p.id)
     FOR UPDATE`,
    [id, cutoff.toISOString()],
  );
  if (!found) return false;
  await recordErasures(tx, found.teamId, [{ entity: 'preConsultation', id }]);
  await tx.query('DELETE FROM applied_mutations WHERE record_id = $1', [id]);
  await tx.query('DELETE FROM pre_consultations WHERE id = $1', [id]);
  await appendAudit(tx, {
    userId: null,
    deviceId: null,
    action: 'retention_erased',
    detail: { entity: 'preConsultation', id },
  });
  return true;
}

function countByEntity(erased: readonly Erased[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const { entity } of erased) counts[entity] = (counts[entity] ?? 0) + 1;
  return counts;
}

export function createRetention(db: Database, clock: Clock, periods: RetentionPeriods = DEFAULT_RETENTION) {
  let tickedDay: string | null = null;
  let running: Promise<number> | null = null;
  let timer: NodeJS.Timeout | null = null;

  /** Erases every record whose deletion date has passed; returns how many cases and pre-consultations. */
  async function tick(): Promise<number> {
    const now = clock();
    const caseCutoff = new Date(now.getTime() - periods.caseDays * DAY_MS);
    const preCutoff = new Date(now.getTime() - periods.preConsultationDays * DAY_MS);
    let erased = 0;
    const dueCases = await idsOf(db, 'SELECT id::text AS id FROM cases WHERE closed_at <= $1 ORDER BY id', [
      caseCutoff.toISOString(),
    ]);
    for (const id of dueCases) {
      if (await transactionWithRetries(db, (tx) => eraseCase(tx, id, caseCutoff))) erased++;
    }
    const duePre = await idsOf(
      db,
      `SELECT id::text AS id FROM pre_consultations WHERE updated_at <= $1 AND converted_case_id IS NULL ORDER BY id`,
      [preCutoff.toISOString()],
    );
    for (const id of duePre) {
      if (await transactionWithRetries(db, (tx) => erasePreConsultation(tx, id, preCutoff))) erased++;
    }
    tickedDay = localIsoDate(now);
    return erased;
  }

  return {
    periods,
    tick,
    /** Ticks unless this process already ticked today; concurrent callers share one tick. */
    async ensureCurrent(): Promise<void> {
      if (tickedDay === localIsoDate(clock())) return;
      running ??= tick().finally(() => {
        running = null;
      });
      await running;
    },
    caseDeletionDate: (closedAt: string | Date | null) => deletionDate(closedAt, periods.caseDays),
    start(onError: (error: unknown) => void, intervalMs = RETENTION_INTERVAL_MS): void {
      if (timer) return;
      timer = setInterval(() => {
        tick().catch(onError);
      }, intervalMs);
      timer.unref();
    },
    stop(): void {
      if (timer) clearInterval(timer);
      timer = null;
    },
  };
}

export type Retention = ReturnType<typeof createRetention>;
