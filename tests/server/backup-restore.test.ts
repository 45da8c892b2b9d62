// The backups README "Betrieb" describes, made and restored as written there:
// PGlite - stop the server, archive DATA_DIR with tar, unpack it elsewhere;
// PostgreSQL - pg_dump -Fc, pg_restore into a fresh database. In both cases
// every row of every table (audit log and sessions included) comes back, the
// server starts on the restored database without migrating, and a login and a
// pull return what they returned before the backup.
import { execFile, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { createDatabase } from '../../src/server/db/create-database';
import type { Database } from '../../src/server/db/database';
import { migrate } from '../../src/server/db/migrate';
import { quoteIdentifier } from '../../src/server/db/pg-database';
import { type RunningServer, startServer } from '../../src/server/start';
import type { Change } from '../../src/shared/protocol';
import { createMutation, noteData, updateMutation } from './helpers/fixtures';
import { postgresUrlOrSkip } from './helpers/postgres-url';
import { loginOn, pullEverything, pushApplied } from './helpers/server-client';
import { type TableContents, tableContents } from './helpers/table-contents';

const run = promisify(execFile);

/** Some work of a day on top of the demo seed: a new note and a changed phone number. */
async function workOn(server: RunningServer): Promise<{ token: string; pulled: Change[] }> {
  const token = await loginOn(server.app, 'anna');
  const first = await pullEverything(server.app, token);
  const annasCase = first.changes.find((change) => change.entity === 'case')?.record;
  if (!annasCase) throw new Error('Anna has no case in the demo seed');
  await pushApplied(server.app, token, [
    createMutation('note', noteData(annasCase.id, { text: 'Nach dem Backup noch da?' })),
    updateMutation('case', annasCase.id, { phone: '0170 1234567' }, annasCase.version),
  ]);
  const { changes } = await pullEverything(server.app, token);
  expect(changes.some((c) => c.entity === 'note' && c.record.text === 'Nach dem Backup noch da?')).toBe(true);
  return { token, pulled: changes };
}

async function contentsOf(open: () => Promise<Database>): Promise<Map<string, TableContents>> {
  const db = await open();
  try {
    return await tableContents(db);
  } finally {
    await db.close();
  }
}

/** The restored database has every row the original had, and the server serves it as before. */
async function expectRestored(
  original: () => Promise<Database>,
  restored: () => Promise<Database>,
  startRestored: () => Promise<RunningServer>,
  before: { token: string; pulled: Change[] },
): Promise<void> {
  const originalContents = await contentsOf(original);
  const restoredContents = await contentsOf(restored);
  expect(originalContents.get('cases')?.rows.size).toBeGreaterThan(0);
  expect(originalContents.get('audit_log')?.rows.size).toBeGreaterThan(0);
  expect([...restoredContents.keys()]).toEqual([...originalContents.keys()]);
  for (const [table, contents] of originalContents)
    expect(restoredContents.get(table)?.rows, `rows of ${table}`).toEqual(contents.rows);

  const server = await startRestored();
  try {
    expect(server.seeded).toBe(false);
    expect(await migrate(server.db)).toEqual([]);
    // The session from before the backup still works, and so does a new login.
    expect((await pullEverything(server.app, before.token)).changes).toEqual(before.pulled);
    const fresh = await loginOn(server.app, 'anna');
    expect((await pullEverything(server.app, fresh)).changes).toEqual(before.pulled);
  } finally {
    await server.close();
  }
}

describe('backup and restore on PGlite: DATA_DIR archived while the server is stopped', () => {
  const dirs: string[] = [];
  afterAll(async () => {
    for (const dir of dirs) await rm(dir, { recursive: true, force: true });
  });

  it('restores every row of every table, and the server serves the same data', async () => {
    const home = await mkdtemp(join(tmpdir(), 'feldakte-backup-'));
    const elsewhere = await mkdtemp(join(tmpdir(), 'feldakte-restore-'));
    dirs.push(home, elsewhere);
    const dataDir = join(home, 'data');
    const server = await startServer({ dataDir, seedDemo: true });
    let before: { token: string; pulled: Change[] };
    try {
      before = await workOn(server);
    } finally {
      await server.close();
    }

    const archive = join(home, 'feldakte-backup.tar.gz');
    await run('tar', ['-czf', archive, '-C', home, 'data']);
    await run('tar', ['-xzf', archive, '-C', elsewhere]);

    const restoredDir = join(elsewhere, 'data');
    await expectRestored(
      () => createDatabase({ dataDir: join(dataDir, 'pgdata') }),
      () => createDatabase({ dataDir: join(restoredDir, 'pgdata') }),
      () => startServer({ dataDir: restoredDir }),
      before,
    );
    // Four PGlite opens and a tar of its files: slower than a test's usual 30 s on a busy machine.
  }, 180_000);
});

const url = postgresUrlOrSkip();
const pgToolsFound = ['pg_dump', 'pg_restore'].every(
  (tool) => spawnSync(tool, ['--version'], { stdio: 'ignore' }).status === 0,
);

describe.runIf(url)('backup and restore on PostgreSQL: pg_dump -Fc, pg_restore into a fresh database', () => {
  const suffix = randomBytes(6).toString('hex');
  const names = { original: `feldakte_backup_${suffix}`, restored: `feldakte_restored_${suffix}` };
  const databaseUrl = (name: string) => {
    const target = new URL(url ?? '');
    target.pathname = `/${name}`;
    return target.toString();
  };
  const admin = async (sql: string) => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  const dirs: string[] = [];
  afterAll(async () => {
    for (const name of Object.values(names))
      await admin(`DROP DATABASE IF EXISTS ${quoteIdentifier(name)} WITH (FORCE)`);
    for (const dir of dirs) await rm(dir, { recursive: true, force: true });
  });

  it.skipIf(!pgToolsFound)(
    'restores every row of every table, and the server serves the same data (needs pg_dump and pg_restore)',
    async () => {
      const original = databaseUrl(names.original);
      const restored = databaseUrl(names.restored);
      await admin(`CREATE DATABASE ${quoteIdentifier(names.original)}`);
      const server = await startServer({ databaseUrl: original, seedDemo: true });
      let before: { token: string; pulled: Change[] };
      try {
        before = await workOn(server);
      } finally {
        await server.close();
      }

      const dir = await mkdtemp(join(tmpdir(), 'feldakte-pgdump-'));
      dirs.push(dir);
      const archive = join(dir, 'feldakte.dump');
      await run('pg_dump', ['--format=custom', `--file=${archive}`, `--dbname=${original}`]);
      await admin(`CREATE DATABASE ${quoteIdentifier(names.restored)}`);
      await run('pg_restore', ['--no-owner', '--exit-on-error', `--dbname=${restored}`, archive]);

      await expectRestored(
        async () => createDatabase({ databaseUrl: original }),
        async () => createDatabase({ databaseUrl: restored }),
        () => startServer({ databaseUrl: restored }),
        before,
      );
    },
    120_000,
  );
});
