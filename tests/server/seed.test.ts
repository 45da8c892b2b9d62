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
  it('gives every team districts and an emergency contact, every case the whole life of a case', async () => {
    const teams = await h.db.query<{ name: string; districts: string[]; emergencyContact: string }>(
      'SELECT name, districts, emergency_contact AS "emergencyContact" FROM teams ORDER BY name',
    );
    expect(teams.map((t) => t.name)).toEqual(['Team Nord', 'Team Süd']);
    for (const team of teams) {
      expect(team.districts.length, team.name).toBeGreaterThanOrEqual(3);
      expect(team.emergencyContact, team.name).toMatch(/ASD/);
    }
    expect(teams[0]?.districts).toEqual(['Altstadt', 'Nordstadt', 'Heidkamp', 'Am Bahnhof']);
    // Each case's district is one of its team's, and it names Hilfeart, Kostenträger and household.
    expect(
      await count(
        `cases c JOIN teams t ON t.id = c.team_id
         WHERE NOT (t.districts ? c.district) OR c.help_kind = 'other' OR c.payer = '' OR c.payer_contact = ''
            OR jsonb_array_length(c.household) < 2`,
      ),
    ).toBe(0);
    const members = await h.db.query<{ member: Record<string, unknown> }>(
      'SELECT jsonb_array_elements(household) AS member FROM cases',
    );
    const ids = members.map(({ member }) => member.id);
    expect(new Set(ids).size).toBe(ids.length);
    const young = members.filter(({ member }) => member.kind === 'young_person').map(({ member }) => member);
    expect(young.length).toBeGreaterThanOrEqual(10);
    for (const person of young) expect(person.birthMonth).toMatch(/^\d{4}-\d{2}$/);
    expect(members.some(({ member }) => member.kind === 'guardian' && member.contact !== '')).toBe(true);

    // Hilfeplangespräche: Anna has one within 14 days, Ben an overdue one, the rest come later.
    const today = localIsoDate(new Date());
    const helpPlans = async (username: string, condition: string) =>
      count(
        `cases c JOIN users u ON u.id = c.assigned_to WHERE u.username = $1 AND c.status = 'open' AND ${condition}`,
        [username, today],
      );
    expect(
      await helpPlans('anna', 'c.next_help_plan_date BETWEEN $2::date AND $2::date + 14'),
    ).toBeGreaterThanOrEqual(1);
    expect(await helpPlans('ben', 'c.next_help_plan_date < $2::date')).toBeGreaterThanOrEqual(1);
    expect(await helpPlans('anna', 'c.next_help_plan_date > $2::date + 14')).toBeGreaterThanOrEqual(1);

    // Anna asked to close one case; Lea closed one of Ben's, with end and reason.
    const closing = await h.db.query(
      `SELECT u.username, c.status, c.closing_reason IS NOT NULL AS reason, c.end_date <= $1::date AS ended,
              c.closed_at IS NOT NULL AS "closedAt"
       FROM cases c JOIN users u ON u.id = c.assigned_to WHERE c.status <> 'open' ORDER BY u.username`,
      [today],
    );
    expect(closing).toEqual([
      { username: 'anna', status: 'closure_requested', reason: true, ended: true, closedAt: false },
      { username: 'ben', status: 'closed', reason: true, ended: true, closedAt: true },
    ]);
    // Approved hours came from the lead, not from the worker who works on the case.
    expect(
      await count(
        `applied_mutations m JOIN users u ON u.id = m.user_id
         WHERE m.entity = 'case' AND m.op = 'create' AND u.role = 'worker' AND u.username <> 'tom'`,
      ),
    ).toBe(0);
  });
});
