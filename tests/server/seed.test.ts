import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoData } from '../../src/server/seed/seed-demo';
import { localIsoDate } from '../../src/shared/local-date';
import { recordSchemaOf } from '../../src/shared/records';
import { databaseTargets } from './helpers/databases';
import { createHarness, type Harness } from './helpers/harness';

describe.each(databaseTargets())('demo seed ($name)', (target) => {
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
    expect(
      await count('appointments WHERE date = $1::date', [localIsoDate(new Date())]),
    ).toBeGreaterThanOrEqual(2);
    expect(
      await count('appointments WHERE date > $1::date', [localIsoDate(new Date())]),
    ).toBeGreaterThanOrEqual(2);
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

  it('fills the working day: visits today and this week, visits waiting for a note, goals, hours, partners', async () => {
    const today = localIsoDate(new Date());
    for (const username of ['anna', 'ben']) {
      const visits = async (condition: string) =>
        count(
          `appointments a JOIN users u ON u.id = a.worker_id WHERE u.username = $1 AND a.status = 'planned' AND ${condition}`,
          [username, today],
        );
      expect(await visits('a.date = $2::date'), username).toBeGreaterThanOrEqual(1);
      expect(await visits('a.date > $2::date AND a.date <= $2::date + 6'), username).toBeGreaterThanOrEqual(
        2,
      );
      // Past visits without a note: Heute reminds of them.
      const undocumented = await visits(
        'a.date < $2::date AND NOT EXISTS (SELECT 1 FROM notes n WHERE n.appointment_id = a.id)',
      );
      expect(undocumented, username).toBeGreaterThanOrEqual(1);
    }
    // Every visit names its address (postcode and place), so the maps link finds it.
    expect(await count("appointments WHERE place !~ '[0-9]{5} '")).toBe(0);
    expect(await count('cases WHERE approved_hours_per_month NOT BETWEEN 4 AND 12')).toBe(0);
    expect(await count('cases c WHERE NOT EXISTS (SELECT 1 FROM goals g WHERE g.case_id = c.id)')).toBe(0);
    expect(await count("notes WHERE template = 'home_visit' AND text = ''")).toBeGreaterThanOrEqual(2);
    expect(await count('notes WHERE travel_minutes > 0 AND kilometres > 0')).toBeGreaterThanOrEqual(5);
    expect(await count('notes WHERE jsonb_array_length(goal_ids) > 0')).toBeGreaterThanOrEqual(5);
    expect(await count('notes WHERE appointment_id IS NOT NULL')).toBeGreaterThanOrEqual(3);
    expect(await count('notes WHERE concern8a AND concern_acknowledged_at IS NULL')).toBe(1);
    const comments = await h.db.query(
      `SELECT a.username AS author, w.username AS note_author FROM comments c
       JOIN users a ON a.id = c.author_id JOIN notes n ON n.id = c.note_id JOIN users w ON w.id = n.author_id`,
    );
    expect(comments).toEqual([{ author: 'lea', note_author: 'anna' }]);
    const partners = await h.db.query<{ team: string; n: number }>(
      'SELECT t.name AS team, count(*)::int AS n FROM partners p JOIN teams t ON t.id = p.team_id GROUP BY t.name',
    );
    expect(partners).toEqual([{ team: 'Team Nord', n: expect.any(Number) }]);
    expect(partners[0]?.n).toBeGreaterThanOrEqual(8);
    expect(partners[0]?.n).toBeLessThanOrEqual(10);
    expect(await count('pre_consultations WHERE referral_partner_id IS NOT NULL')).toBe(1);
  });
});
