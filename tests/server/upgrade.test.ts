// An upgrade as an installation of the previous release lives it: a database
// migrated up to that release's last migration and full of its data, then the
// server of today started on it. Every migration after that release runs, and
// everything that was there is still there: the same rows, the same values in
// the old columns, the new columns at their defaults (or the documented value
// derived from old data), and people log in and pull their cases.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatabase } from '../../src/server/db/create-database';
import type { Database } from '../../src/server/db/database';
import { loadMigrations, migrate } from '../../src/server/db/migrate';
import { type RunningServer, startServer } from '../../src/server/start';
import type { CaseRecord } from '../../src/shared/records';
import { createPostgresSchema } from './helpers/databases';
import { postgresUrlOrSkip } from './helpers/postgres-url';
import {
  fillRelease0007,
  PREVIOUS_RELEASE_LAST_MIGRATION,
  type Release0007Data,
} from './helpers/release-0007-data';
import { loginOn, pullEverything } from './helpers/server-client';
import { type TableContents, tableContents } from './helpers/table-contents';

/** Where an installation keeps its database: opened directly, or by a whole server. */
interface Installation {
  name: string;
  open(): Promise<Database>;
  start(): Promise<RunningServer>;
  dispose(): Promise<void>;
}

async function pgliteInstallation(): Promise<Installation> {
  const dataDir = await mkdtemp(join(tmpdir(), 'feldakte-upgrade-'));
  return {
    name: 'pglite',
    // startServer keeps PGlite in <DATA_DIR>/pgdata.
    open: () => createDatabase({ dataDir: join(dataDir, 'pgdata') }),
    start: () => startServer({ dataDir }),
    dispose: () => rm(dataDir, { recursive: true, force: true }),
  };
}

async function postgresInstallation(url: string): Promise<Installation> {
  const { schema, drop } = await createPostgresSchema(url);
  return {
    name: 'postgres',
    open: () => createDatabase({ databaseUrl: url, searchPath: schema }),
    start: () => startServer({ databaseUrl: url, searchPath: schema }),
    dispose: drop,
  };
}

const url = postgresUrlOrSkip();
const targets = [{ name: 'pglite' }, ...(url ? [{ name: 'postgres' }] : [])];

/** Hilfeart codes the upgrade derives from the free text of older cases. */
const EXPECTED_HELP_KIND: Record<string, string> = {
  'SPFH (§ 31 SGB VIII)': 'sgb8_31',
  'Erziehungsbeistand § 30 SGB VIII': 'sgb8_30',
  'Eingliederungshilfe § 35a SGB VIII': 'sgb8_35a',
  'Hilfe für junge Volljährige § 41 SGB VIII': 'sgb8_41',
  'ISE § 35 SGB VIII': 'sgb8_35',
  'Sozialarbeit im Stadtteil': 'neighbourhood',
  Clearing: 'other',
};

/** New tables that an upgrade fills from old data; every other new table starts empty. */
const NEW_TABLES_FILLED: Record<string, (rows: Record<string, unknown>[]) => void> = {
  // An installation from before organisations gets exactly one.
  organisations: (rows) => expect(rows).toHaveLength(1),
};

/** New columns of old tables that the upgrade derives from old data instead of a default. */
type Derived = (row: Record<string, unknown>, db: Database) => Promise<unknown>;
const DERIVED_COLUMNS: Record<string, Derived> = {
  'cases.help_kind': async (row) => EXPECTED_HELP_KIND[String(row.help_type)],
  // Cases closed before "Ende" existed ended the day they were closed.
  'cases.end_date': async (row, db) => {
    if (row.status !== 'closed') return null;
    const [day] = await db.query<{ d: unknown }>('SELECT to_jsonb(($1::timestamptz)::date) AS d', [
      row.closed_at,
    ]);
    return day?.d;
  },
  // Every team belongs to the one organisation the upgrade created.
  'teams.organisation_id': async (_row, db) => {
    const [organisation] = await db.query<{ id: string }>('SELECT id FROM organisations');
    return organisation?.id;
  },
};

/**
 * Columns that may only grow: a migration may give rows a new sequence number
 * so that devices pull what it changed, but never an older one.
 */
function mayOnlyGrow(table: string, column: string, contents: TableContents): boolean {
  if (table === 'sync_counter') return column === 'value';
  return column === 'seq' && !contents.primaryKey.includes('seq');
}

describe.each(targets)('upgrade from the previous release ($name)', ({ name }) => {
  let installation: Installation;
  let db: Database | undefined;
  let data: Release0007Data;
  let before: Map<string, TableContents>;
  let after: Map<string, TableContents>;
  let appliedNow: string[];

  beforeAll(async () => {
    installation = name === 'postgres' && url ? await postgresInstallation(url) : await pgliteInstallation();
    db = await installation.open();
    const all = await loadMigrations();
    const previousRelease = all.filter((m) => m.version <= PREVIOUS_RELEASE_LAST_MIGRATION);
    expect(await migrate(db, previousRelease)).toHaveLength(PREVIOUS_RELEASE_LAST_MIGRATION);
    data = await db.transaction((tx) => fillRelease0007(tx));
    before = await tableContents(db);
    appliedNow = await migrate(db, all);
    after = await tableContents(db);
    await db.close();
    db = undefined;
  });
  afterAll(async () => {
    await db?.close();
    await installation?.dispose();
  });

  it('starts from data in every table of the previous release', () => {
    for (const [table, contents] of before) expect(contents.rows.size, table).toBeGreaterThan(0);
  });

  it('applies every migration after the previous release, in order', async () => {
    const later = (await loadMigrations()).filter((m) => m.version > PREVIOUS_RELEASE_LAST_MIGRATION);
    expect(later.length).toBeGreaterThan(0);
    expect(appliedNow).toEqual(later.map((m) => m.name));
  });

  it('keeps every table, every row and every value of the old columns', () => {
    for (const [table, old] of before) {
      const now = after.get(table);
      expect(now, `table ${table}`).toBeDefined();
      if (!now) continue;
      if (table === 'schema_migrations') {
        for (const key of old.rows.keys()) expect(now.rows.has(key), `${table} ${key}`).toBe(true);
        continue;
      }
      expect([...now.rows.keys()].sort(), `rows of ${table}`).toEqual([...old.rows.keys()].sort());
      for (const [key, oldRow] of old.rows) {
        const newRow = now.rows.get(key) ?? {};
        for (const { name: column } of old.columns) {
          const where = `${table}.${column} of ${key}`;
          if (mayOnlyGrow(table, column, old))
            expect(Number(newRow[column]), where).toBeGreaterThanOrEqual(Number(oldRow[column]));
          else expect(newRow[column], where).toEqual(oldRow[column]);
        }
      }
    }
  });

  it('gives the new columns of old rows their defaults, or the value derived from old data', async () => {
    const checker = await installation.open();
    try {
      for (const [table, old] of before) {
        const now = after.get(table);
        if (!now) continue;
        const oldColumns = new Set(old.columns.map((column) => column.name));
        for (const column of now.columns.filter((c) => !oldColumns.has(c.name))) {
          const derived = DERIVED_COLUMNS[`${table}.${column.name}`];
          const fixedDefault = await defaultValueOf(checker, column.defaultExpression);
          for (const [key, row] of now.rows) {
            const where = `${table}.${column.name} of ${key}`;
            if (derived) expect(row[column.name], where).toEqual(await derived(row, checker));
            else if (fixedDefault.kind === 'volatile') expect(row[column.name], where).not.toBeNull();
            else expect(row[column.name], where).toEqual(fixedDefault.value);
          }
        }
      }
    } finally {
      await checker.close();
    }
  });

  it('maps each free-text Hilfeart to its code', () => {
    const cases = [...(after.get('cases')?.rows.values() ?? [])];
    expect(cases.map((row) => [row.help_type, row.help_kind]).sort()).toEqual(
      Object.entries(EXPECTED_HELP_KIND).sort(),
    );
    expect(Object.keys(EXPECTED_HELP_KIND).sort()).toEqual(Object.values(data.helpTypes).sort());
  });

  it('adds new tables empty, except those the upgrade fills from old data', () => {
    for (const [table, contents] of after) {
      if (before.has(table)) continue;
      const check = NEW_TABLES_FILLED[table];
      if (check) check([...contents.rows.values()]);
      else expect(contents.rows.size, `new table ${table}`).toBe(0);
    }
  });

  it('serves the upgraded data: the server starts without migrating again, people log in and pull their cases', async () => {
    const server = await installation.start();
    try {
      expect(server.seeded).toBe(false);
      expect(await migrate(server.db)).toEqual([]);

      const anna = await pullEverything(server.app, await loginOn(server.app, 'anna'));
      const annasCases = anna.changes.flatMap((c) => (c.entity === 'case' ? [c.record as CaseRecord] : []));
      expect(annasCases.map((c) => c.reference).sort()).toEqual(['N-2026-001', 'N-2026-002']);
      const spfh = annasCases.find((c) => c.reference === 'N-2026-001');
      expect(spfh).toMatchObject({
        id: data.cases['N-2026-001'],
        helpType: 'SPFH (§ 31 SGB VIII)',
        helpKind: 'sgb8_31',
        status: 'open',
        approvedHoursPerMonth: 7.5,
        district: '',
        household: [],
        endDate: null,
        closingReason: null,
      });
      const annasNotes = anna.changes.filter((c) => c.entity === 'note').map((c) => c.record);
      expect(annasNotes).toHaveLength(1);
      expect(annasNotes[0]).toMatchObject({ template: 'home_visit', kilometres: 18.5, travelMinutes: 30 });
      expect(anna.changes.filter((c) => c.entity === 'comment')).toHaveLength(1);
      expect(anna.changes.filter((c) => c.entity === 'goal')).toHaveLength(2);
      expect(anna.changes.filter((c) => c.entity === 'partner').map((c) => c.record.id)).toHaveLength(1);

      const lea = await pullEverything(server.app, await loginOn(server.app, 'lea'));
      const teamCases = lea.changes.flatMap((c) => (c.entity === 'case' ? [c.record as CaseRecord] : []));
      expect(teamCases.map((c) => c.reference).sort()).toEqual([
        'N-2026-001',
        'N-2026-002',
        'N-2026-003',
        'N-2026-004',
      ]);
      const closed = teamCases.find((c) => c.reference === data.closedCaseReference);
      expect(closed?.status).toBe('closed');
      expect(closed?.endDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    } finally {
      await server.close();
    }
  });
});

type DefaultValue = { kind: 'fixed'; value: unknown } | { kind: 'volatile' };

/** What a column default puts into a row, as jsonb; null without a default. */
async function defaultValueOf(db: Database, expression: string | null): Promise<DefaultValue> {
  if (expression === null) return { kind: 'fixed', value: null };
  // A function call (now(), gen_random_uuid(), nextval(...)) gives each row its own value.
  if (/\w\(/.test(expression)) return { kind: 'volatile' };
  const [row] = await db.query<{ value: unknown }>(`SELECT to_jsonb(${expression}) AS value`);
  return { kind: 'fixed', value: row?.value ?? null };
}
