// The monthly report as the CSV that German Excel opens as it is: UTF-8 with
// BOM, semicolons, decimal comma, CRLF. The figures come from db/monthly-report.
import type { MonthlyReport, ReportFigures } from '../../db/reports/monthly-report';
import { hoursDe, kilometresDe } from './german-numbers';

function csvField(value: string): string {
  return /[";\r\n\t]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/** Spreadsheets run a cell starting with one of these as a formula (CSV injection). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * A cell of text people typed (names, references): a leading formula character
 * is neutralised the OWASP way, by a single quote in front and the cell quoted,
 * so Excel shows the text instead of running it.
 */
function textField(value: string): string {
  if (!FORMULA_START.test(value)) return csvField(value);
  return `"'${value.replaceAll('"', '""')}"`;
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
  // Only the figures the report formats itself go out unneutralised, so they stay numbers.
  const figures = (f: ReportFigures) =>
    [hoursDe(f.directMinutes), hoursDe(f.travelMinutes), kilometresDe(f.kilometres), String(f.noteCount)].map(
      csvField,
    );
  const text = (fields: string[]) => fields.map(textField);
  const lines = [text([...CSV_HEADER]).join(';')];
  for (const worker of report.workers) {
    for (const row of worker.rows) {
      lines.push(
        [...text([report.month, row.workerName, row.caseReference, row.caseName]), ...figures(row)].join(';'),
      );
    }
  }
  lines.push([...text([report.month, 'Gesamt', '', '']), ...figures(report)].join(';'));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

export function monthlyReportFileName(month: string): string {
  return `feldakte-monatsbericht-${month}.csv`;
}
