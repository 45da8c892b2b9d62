import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoData } from '../../src/server/seed/seed-demo';
import { recordSchemaOf } from '../../src/shared/records';
import { databaseTargets } from './helpers/databases';
import { createHarness, type Harness } from './helpers/harness';

function localDay(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

describe.each(databaseTargets)('demo seed ($name)', (target) => {
  let h: Harness;

  beforeAll(async () => {
    h = await createHarness(target);
  });
  afterAll(() => h?.close());

  const count = async (sql: string, params: unknown[] = []) =>
    (await h.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${sql}`, params))[0]?.n;

  it('creates the listed teams and users, all able to log in', async () => {
    const users = await h.db.query(
      `SELECT u.username, u.display_name, u.role, t.name AS team FROM users u JOIN teams t ON t.id = u.team_id ORDER BY u.username`,
    );
    expect(users).toEqual([
      { username: 'anna', display_name: 'Anna Keller', role: 'worker', team: 'Team Nord' },
      { username: 'ben', display_name: 'Ben Schröder', role: 'worker', team: 'Team Nord' },
      { username: 'lea', display_name: 'Lea Hoffmann', role: 'lead', team: 'Team Nord' },
      { username: 'tom', display_name: 'Tom Yilmaz', role: 'worker', team: 'Team Süd' },
    ]);
    for (const username of ['anna', 'ben', 'lea', 'tom'])
      await expect(h.login(username)).resolves.toBeTruthy();
  });

  it('gives every worker 3 to 5 open cases with notes, appointments from today on and a pre-consultation per team', async () => {
    for (const username of ['anna', 'ben', 'tom']) {
      const open = await count(
        `cases c JOIN users u ON u.id = c.assigned_to WHERE u.username = $1 AND c.status = 'open'`,
        [username],
      );
      expect(open, username).toBeGreaterThanOrEqual(3);
      expect(open, username).toBeLessThanOrEqual(5);
    }
    expect(await count('notes WHERE concern8a')).toBeGreaterThanOrEqual(1);
    expect(await count('notes WHERE reviewed_by IS NOT NULL')).toBeGreaterThanOrEqual(1);
    expect(await count('appointments WHERE date = $1::date', [localDay(new Date())])).toBeGreaterThanOrEqual(
      2,
    );
    expect(await count('appointments WHERE date > $1::date', [localDay(new Date())])).toBeGreaterThanOrEqual(
      2,
    );
    const perTeam = await h.db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM pre_consultations GROUP BY team_id',
    );
    expect(perTeam).toEqual([{ n: 1 }, { n: 1 }]);
  });

  it('went through the push path: every record is valid, versioned and sequenced', async () => {
    const anna = await h.login('anna');
    const { changes } = await h.pullAll(anna.token);
    for (const change of changes)
      expect(() => recordSchemaOf[change.entity].parse(change.record)).not.toThrow();
    const cases = changes.filter((c) => c.entity === 'case').map((c) => c.record);
    expect(cases.map((c) => 'reference' in c && c.reference)).toContain(`N-${new Date().getFullYear()}-014`);
    expect(await count('cases WHERE seq IS NULL OR version < 1')).toBe(0);
    expect(await count('applied_mutations')).toBeGreaterThan(20);
  });

  it('runs only on an empty database', async () => {
    const before = await h.db.query(
      'SELECT (SELECT count(*) FROM users) AS u, (SELECT count(*) FROM cases) AS c',
    );
    expect(await seedDemoData(h.db)).toBe(false);
    const after = await h.db.query(
      'SELECT (SELECT count(*) FROM users) AS u, (SELECT count(*) FROM cases) AS c',
    );
    expect(after).toEqual(before);
  });
});
