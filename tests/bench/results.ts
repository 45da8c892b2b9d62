// The bench's results: rows of { figure, value, unit, database, conditions },
// printed as a table and written as JSON. `conditions.includes` says in a few
// words what the figure takes in (context, runs, statistic, what the clock spans).
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

export interface ResultRow {
  figure: string;
  /** null: the figure could not be produced in this run (a note says why). */
  value: number | null;
  unit: string;
  database: 'pglite' | 'postgres' | 'none';
  conditions: Record<string, unknown>;
}

export function percentile(values: number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length) - 1;
  return sorted[Math.min(Math.max(rank, 0), sorted.length - 1)] as number;
}

export const median = (values: number[]) => percentile(values, 50);

function formatValue(row: ResultRow): string {
  if (row.value === null) return 'n/a';
  const digits = row.unit === '×' ? 2 : Math.abs(row.value) >= 100 ? 0 : 1;
  return row.value.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: 0 });
}

export function formatTable(rows: ResultRow[]): string {
  const lines = [
    '| figure | database | value | unit | includes | target | note |',
    '| --- | --- | ---: | --- | --- | --- | --- |',
    ...rows.map(
      (row) =>
        `| ${row.figure} | ${row.database} | ${formatValue(row)} | ${row.unit} | ${String(row.conditions.includes ?? '')} | ${String(row.conditions.target ?? '')} | ${String(row.conditions.note ?? '')} |`,
    ),
  ];
  return lines.join('\n');
}

export function writeResults(path: string, rows: ResultRow[]): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, `${JSON.stringify(rows, null, 2)}\n`);
}
