// Retention: a closed case and a pre-consultation are kept for a period, then
// erased on the server and, through the pull, on every device.
//
// Deletion date of a closed case: its "Ende" (endDate, the day the help ended)
// plus FELDAKTE_RETENTION_CASE_DAYS, at the start of that day on the server's
// clock; a closed case without an end date counts from when it was closed
// (cases.closed_at, set by the database). Of a pre-consultation that did not
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
import {
  type CaseCutoff,
  deleteCaseFile,
  deletePreConsultation,
  type Erased,
  listDueCases,
  listDuePreConsultations,
  lockCaseFile,
  lockDueCase,
  lockDuePreConsultation,
  recordErasures,
} from '../repositories/erasures';
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

/** The calendar day `days` days after (or before, when negative) the day "YYYY-MM-DD". */
function dayAfter(isoDay: string, days: number): Date {
  const [year = 0, month = 1, day = 1] = isoDay.split('-').map(Number);
  return new Date(year, month - 1, day + days);
}

/** What a case's deletion date follows from. */
export interface ClosedCaseDates {
  /** "Ende" (YYYY-MM-DD), or null. */
  endDate: string | null;
  /** When the case was closed; null while it is not closed. */
  closedAt: string | Date | null;
}

/** When a case will be erased: null while it is not closed. */
export function caseDeletionDate(dates: ClosedCaseDates, days: number): string | null {
  if (dates.closedAt === null) return null;
  if (dates.endDate === null) return deletionDate(dates.closedAt, days);
  return dayAfter(dates.endDate, days).toISOString();
}

/** Erases the case and everything hanging off it; null when it is gone or no longer due. */
async function eraseCase(tx: Queryable, caseId: string, cutoff: CaseCutoff): Promise<Erased[] | null> {
  const teamId = await lockDueCase(tx, caseId, cutoff);
  if (teamId === null) return null;
  const erased = await lockCaseFile(tx, caseId);
  await recordErasures(tx, teamId, erased);
  await deleteCaseFile(tx, caseId, erased);
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
  const teamId = await lockDuePreConsultation(tx, id, cutoff);
  if (teamId === null) return false;
  await recordErasures(tx, teamId, [{ entity: 'preConsultation', id }]);
  await deletePreConsultation(tx, id);
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
    const caseCutoff = {
      endDate: localIsoDate(dayAfter(localIsoDate(now), -periods.caseDays)),
      closedAt: new Date(now.getTime() - periods.caseDays * DAY_MS),
    };
    const preCutoff = new Date(now.getTime() - periods.preConsultationDays * DAY_MS);
    let erased = 0;
    const dueCases = await listDueCases(db, caseCutoff);
    for (const id of dueCases) {
      if (await transactionWithRetries(db, (tx) => eraseCase(tx, id, caseCutoff))) erased++;
    }
    const duePre = await listDuePreConsultations(db, preCutoff);
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
    caseDeletionDate: (dates: ClosedCaseDates) => caseDeletionDate(dates, periods.caseDays),
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
