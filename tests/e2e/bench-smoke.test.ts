// Keeps `npm run bench` working: the bench in smoke mode (tiny sizes, PGlite
// only) must produce every figure and write its results. No timing is asserted:
// a benchmark measures, `npm test` only checks that it still runs.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import type { ResultRow } from '../bench/results';

const run = promisify(execFile);

/** Every figure of issue 6, by the start of its name in the table. */
const FIGURES = [
  'first sync: login → synced, Heute usable',
  'first sync: login + key derivation',
  'first sync: pull into encrypted IndexedDB',
  'raw IndexedDB floor, same records',
  'first sync (pull part) / floor',
  'PouchDB first sync, same documents',
  'PouchDB / Feldakte first sync (pull only)',
  'push: ',
  'cold start offline: navigation → lock screen',
  'cold start offline: Entsperren → Heute with data',
  'cold start offline: sum',
  'save: Speichern → note in timeline (p95)',
  'search: typing → results rendered (p95)',
  'search: typing → results rendered (p50)',
  'search: first query, index built meanwhile',
  'bundle: JS for the login screen (gzip)',
  'bundle: JS for the lock screen, cold start (gzip)',
  'memory: JS heap after first sync',
  'server: sync requests per second',
];

describe('npm run bench (smoke)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'feldakte-bench-smoke-'));
  const out = join(dir, 'results.json');

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('produces every figure and writes the results', async () => {
    const { stdout } = await run(
      process.execPath,
      ['--import', 'tsx', 'tests/bench/run.ts', '--smoke', `--out=${out}`],
      { env: { ...process.env, DATABASE_URL: '' }, maxBuffer: 16 * 1024 * 1024, timeout: 280_000 },
    );
    const rows = JSON.parse(readFileSync(out, 'utf8')) as ResultRow[];
    for (const figure of FIGURES) {
      const row = rows.find((candidate) => candidate.figure.startsWith(figure));
      expect(row, `figure "${figure}" missing`).toBeDefined();
      expect(row?.database).toBe('pglite');
      expect(row?.unit).not.toBe('');
      expect(row?.conditions).toMatchObject({ encryptionAtRest: true, smoke: true });
      expect(Number.isFinite(row?.value), `figure "${figure}" has no value`).toBe(true);
    }
    for (const row of rows)
      expect(row.conditions.includes, `"${row.figure}" says what it includes`).toBeTruthy();
    expect(stdout).toContain('| figure | database | value | unit | includes |');
  }, 300_000);
});
