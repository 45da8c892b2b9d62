// The monthly report for billing (Fachleistungsstunden): per worker and case the
// direct hours, travel hours, kilometres and number of notes of one month, built
// on the device from its notes, so it works offline. A lead's device holds the
// team's notes, a worker's only their own cases; `authorId` narrows to one person.
// How the figures are written (CSV, German numbers) is features/reports' part.
import type { FeldakteDb } from '../infrastructure/schema';

export interface ReportFigures {
  directMinutes: number;
  travelMinutes: number;
  kilometres: number;
  noteCount: number;
}

export interface ReportRow extends ReportFigures {
  workerId: string;
  workerName: string;
  caseId: string;
  caseReference: string;
  caseName: string;
}

export interface WorkerReport extends ReportFigures {
  workerId: string;
  workerName: string;
  rows: ReportRow[];
}

export interface MonthlyReport extends ReportFigures {
  /** "YYYY-MM" */
  month: string;
  workers: WorkerReport[];
}

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

export function isReportMonth(value: string | null | undefined): value is string {
  return typeof value === 'string' && MONTH.test(value);
}

const zero = (): ReportFigures => ({ directMinutes: 0, travelMinutes: 0, kilometres: 0, noteCount: 0 });

function add(into: ReportFigures, from: ReportFigures): void {
  into.directMinutes += from.directMinutes;
  into.travelMinutes += from.travelMinutes;
  // Kilometres are tenths: sum in tenths so 0.1 + 0.2 stays 0.3.
  into.kilometres = Math.round((into.kilometres + from.kilometres) * 10) / 10;
  into.noteCount += from.noteCount;
}

export async function buildMonthlyReport(
  db: FeldakteDb,
  month: string,
  authorId: string | null = null,
): Promise<MonthlyReport> {
  const [notes, cases, members] = await Promise.all([
    db.notes.where('date').between(`${month}-01`, `${month}-31`, true, true).toArray(),
    db.cases.toArray(),
    db.members.toArray(),
  ]);
  const caseById = new Map(cases.map((c) => [c.id, c]));
  const nameOf = new Map(members.map((m) => [m.id, m.displayName]));
  const rows = new Map<string, ReportRow>();
  for (const note of notes) {
    if (authorId && note.authorId !== authorId) continue;
    const key = `${note.authorId}|${note.caseId}`;
    let row = rows.get(key);
    if (!row) {
      const c = caseById.get(note.caseId);
      row = {
        workerId: note.authorId,
        workerName: nameOf.get(note.authorId) ?? '',
        caseId: note.caseId,
        caseReference: c?.reference ?? '',
        caseName: c?.familyName ?? '',
        ...zero(),
      };
      rows.set(key, row);
    }
    add(row, {
      directMinutes: note.durationMinutes,
      travelMinutes: note.travelMinutes,
      kilometres: note.kilometres,
      noteCount: 1,
    });
  }
  const workers = new Map<string, WorkerReport>();
  for (const row of rows.values()) {
    let worker = workers.get(row.workerId);
    if (!worker) {
      worker = { workerId: row.workerId, workerName: row.workerName, rows: [], ...zero() };
      workers.set(row.workerId, worker);
    }
    worker.rows.push(row);
    add(worker, row);
  }
  const report: MonthlyReport = { month, workers: [], ...zero() };
  for (const worker of [...workers.values()].sort((a, b) => a.workerName.localeCompare(b.workerName, 'de'))) {
    worker.rows.sort(
      (a, b) => a.caseName.localeCompare(b.caseName, 'de') || a.caseReference.localeCompare(b.caseReference),
    );
    report.workers.push(worker);
    add(report, worker);
  }
  return report;
}
