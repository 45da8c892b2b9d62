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

describe.each(databaseTargets())('migrate ($name)', (target) => {
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

describe.each(databaseTargets())('upgrade to per-field history ($name)', (target) => {
  let testDb: TestDatabase;

  beforeAll(async () => {
    testDb = await target.create();
  });
  afterAll(() => testDb?.dispose());

  it('fills field_meta of existing records from their applied mutations', async () => {
    const all = await loadMigrations();
    const db = testDb.db;
    await migrate(
      db,
      all.filter((m) => m.version < 3),
    );
    const [team, user, record] = [
      '00000000-0000-4000-8000-000000000001',
      '00000000-0000-4000-8000-000000000002',
      '00000000-0000-4000-8000-000000000003',
    ];
    await db.exec(`
      INSERT INTO teams (id, name) VALUES ('${team}', 'T');
      INSERT INTO users (id, team_id, username, display_name, role, password_hash, seq)
        VALUES ('${user}', '${team}', 'u', 'U', 'worker', 'x', 1);
      INSERT INTO cases (id, team_id, reference, family_name, clients, address, phone, help_type, status,
                         start_date, assigned_to, version, updated_by, seq)
        VALUES ('${record}', '${team}', 'R', 'F', '', '', '2', '', 'open', '2026-01-01', '${user}', 2, '${user}', 3);
      INSERT INTO applied_mutations (id, user_id, device_id, entity, op, record_id, base_version, result_version, data, client_time)
        VALUES (gen_random_uuid(), '${user}', 'phone', 'case', 'create', '${record}', NULL, 1,
                '{"phone": "1", "status": "open"}', '2026-01-01T10:00:00Z'),
               (gen_random_uuid(), '${user}', 'tablet', 'case', 'update', '${record}', 1, 2,
                '{"phone": "2"}', '2026-01-02T10:00:00Z');
    `);
    await migrate(db, all);
    const [row] = await db.query<{ field_meta: Record<string, unknown> }>('SELECT field_meta FROM cases');
    expect(row?.field_meta).toEqual({
      phone: { version: 2, userId: user, deviceId: 'tablet', at: '2026-01-02T10:00:00.000Z' },
      status: { version: 1, userId: user, deviceId: 'phone', at: '2026-01-01T10:00:00.000Z' },
    });
  });
});
