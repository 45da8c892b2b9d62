import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadMigrations, migrate } from '../../src/server/db/migrate';
import { databaseTargets, type TestDatabase } from './helpers/databases';

describe('migration files', () => {
  it('are numbered without gaps from 0001', async () => {
    const migrations = await loadMigrations();
    expect(migrations.map((m) => m.version)).toEqual(migrations.map((_, i) => i + 1));
  });

  it('refuses badly named files', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'feldakte-migrations-'));
    try {
      await writeFile(join(dir, 'init.sql'), 'SELECT 1');
      await expect(loadMigrations(dir)).rejects.toThrow(/0001_name\.sql/);
    } finally {
      await rm(dir, { recursive: true });
    }
  });
});

describe.each(databaseTargets)('migrate ($name)', (target) => {
  let testDb: TestDatabase;

  beforeAll(async () => {
    testDb = await target.create();
  });
  afterAll(() => testDb?.dispose());

  it('applies every migration once, records it and skips it next time', async () => {
    const all = await loadMigrations();
    expect(await migrate(testDb.db)).toEqual(all.map((m) => m.name));
    expect(await migrate(testDb.db)).toEqual([]);
    const recorded = await testDb.db.query<{ version: number }>(
      'SELECT version FROM schema_migrations ORDER BY version',
    );
    expect(recorded.map((r) => r.version)).toEqual(all.map((m) => m.version));
  });

  it('applies a newly added migration only', async () => {
    const all = await loadMigrations();
    const added = {
      version: all.length + 1,
      name: '9999_test.sql',
      sql: 'CREATE TABLE migration_probe (id int);',
    };
    expect(await migrate(testDb.db, [...all, added])).toEqual(['9999_test.sql']);
    expect(await testDb.db.query('SELECT * FROM migration_probe')).toEqual([]);
  });

  it('rolls back a failing migration completely', async () => {
    const all = await loadMigrations();
    const broken = {
      version: 500,
      name: '0500_broken.sql',
      sql: 'CREATE TABLE half_done (id int); SELECT nope FROM nowhere;',
    };
    await expect(migrate(testDb.db, [...all, broken])).rejects.toThrow();
    expect(await testDb.db.query('SELECT 1 FROM schema_migrations WHERE version = 500')).toEqual([]);
    await expect(testDb.db.query('SELECT * FROM half_done')).rejects.toThrow();
  });
});
