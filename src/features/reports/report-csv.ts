// The monthly report as the CSV that German Excel opens as it is: UTF-8 with
// BOM, semicolons, decimal comma, CRLF. The figures come from db/monthly-report.
import type { MonthlyReport, ReportFigures } from '../../db/reports/monthly-report';
import { hoursDe, kilometresDe } from './german-numbers';

function csvField(value: string): string {
  return /[";\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

const CSV_HEADER = [
  'Monat',
  'Fachkraft',
  'Aktenzeichen',
  'Familie',
  'Direkte Stunden',
  'Fahrzeit Stunden',
  'Kilometer',
  'Notizen',
] as const;

/** The report as CSV text, starting with the byte order mark. */
export function monthlyReportCsv(report: MonthlyReport): string {
  const line = (fields: string[]) => fields.map(csvField).join(';');
  const figures = (f: ReportFigures) => [
    hoursDe(f.directMinutes),
    hoursDe(f.travelMinutes),
    kilometresDe(f.kilometres),
    String(f.noteCount),
  ];
  const lines = [line([...CSV_HEADER])];
  for (const worker of report.workers) {
    for (const row of worker.rows) {
      lines.push(line([report.month, row.workerName, row.caseReference, row.caseName, ...figures(row)]));
    }
  }
  lines.push(line([report.month, 'Gesamt', '', '', ...figures(report)]));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

export function monthlyReportFileName(month: string): string {
  return `feldakte-monatsbericht-${month}.csv`;
}
