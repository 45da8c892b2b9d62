// "Team & Zugänge" on the server: who sees and changes which people and teams,
// and every refusal changes nothing and says why in German.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ApiError,
  DEVICE_HEADER,
  type LoginResponse,
  NewPersonResponse,
  PeopleResponse,
  Person,
  PersonDevice,
} from '../../src/shared/protocol';
import { databaseTargets } from './helpers/databases';
import { createHarness, type Harness } from './helpers/harness';
import { addAdministrator } from './helpers/people';
import { createFingerprinter } from './helpers/table-fingerprint';

const ANDROID_CHROME =
  'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0 Mobile Safari/537.36';

describe.each(databaseTargets())('people and teams ($name)', (target) => {
  let h: Harness;
  const users = {} as Record<'ada' | 'anna' | 'lea' | 'tom', LoginResponse>;

  beforeAll(async () => {
    h = await createHarness(target);
    await addAdministrator(h.db);
    for (const name of ['ada', 'anna', 'lea', 'tom'] as const) users[name] = await h.login(name);
  });
  afterAll(() => h?.close());

  const as = (name: keyof typeof users, extra: Record<string, string> = {}) => ({
    authorization: `Bearer ${users[name].token}`,
    [DEVICE_HEADER]: `${name}-device`,
    ...extra,
  });
  const call = (
    name: keyof typeof users,
    method: 'GET' | 'POST' | 'PATCH' | 'PUT',
    url: string,
    payload?: object,
  ) => h.request({ method, url, headers: as(name), ...(payload ? { payload } : {}) });

  /** A refused request: its status, its German message, and no table changed. */
  async function expectRefused(
    attempt: () => Promise<{ statusCode: number; json(): unknown }>,
    status: number,
    messageKey?: string,
  ) {
    const fingerprint = await createFingerprinter(h.db);
    const before = await fingerprint.take();
    const response = await attempt();
    expect(response.statusCode, JSON.stringify(response.json())).toBe(status);
    const { error } = ApiError.parse(response.json());
    expect(error.message.length).toBeGreaterThan(0);
    if (messageKey) expect(error.messageKey).toBe(messageKey);
    expect(await fingerprint.take()).toEqual(before);
    return error;
  }

  const teamIdOf = (name: keyof typeof users) => users[name].user.teamId;

  it('lists the whole organisation to an administrator, the own team to a lead, and refuses workers', async () => {
    // A request naming its device with a browser makes the device readable.
    await h.request({
      method: 'GET',
      url: '/api/auth/me',
      headers: as('anna', { 'user-agent': ANDROID_CHROME }),
    });
    const admin = PeopleResponse.parse((await call('ada', 'GET', '/api/people')).json());
    expect(admin.organisationName.length).toBeGreaterThan(0);
    expect(admin.teams.map((t) => t.id).sort()).toEqual([teamIdOf('lea'), teamIdOf('tom')].sort());
    expect(admin.people.map((p) => p.username).sort()).toEqual(['ada', 'anna', 'ben', 'lea', 'tom']);

    const lead = PeopleResponse.parse((await call('lea', 'GET', '/api/people')).json());
    expect(lead.teams.map((t) => t.id)).toEqual([teamIdOf('lea')]);
    expect(lead.people.map((p) => p.username).sort()).toEqual(['ada', 'anna', 'ben', 'lea']);
    const anna = lead.people.find((p) => p.username === 'anna');
    expect(anna).toMatchObject({ role: 'worker', status: 'active', administers: false });
    expect(anna?.openCaseCount).toBeGreaterThan(0);
    expect(anna?.devices).toEqual([
      expect.objectContaining({ deviceId: 'anna-device', browser: 'Chrome', system: 'Android', name: null }),
    ]);
    expect(lead.people.find((p) => p.username === 'ada')).toMatchObject({ role: 'admin', administers: true });

    await expectRefused(() => call('anna', 'GET', '/api/people'), 403, 'onlyManagersSeePeople');
    const audited = await h.db.query("SELECT 1 FROM audit_log WHERE action = 'people_listed'");
    expect(audited.length).toBe(2);
  });

  it('adds a person with an invitation code shown once; the username is unique regardless of case', async () => {
    const response = await call('lea', 'POST', '/api/people', {
      displayName: 'Nora Neu',
      username: 'nora',
      role: 'worker',
      teamId: teamIdOf('lea'),
    });
    expect(response.statusCode).toBe(200);
    const { person, invitation } = NewPersonResponse.parse(response.json());
    expect(person).toMatchObject({
      username: 'nora',
      status: 'invited',
      teamId: teamIdOf('lea'),
      devices: [],
    });
    expect(invitation.code).toMatch(/^[A-HJ-NP-Z2-9]{4}(-[A-HJ-NP-Z2-9]{4}){3}$/);
    const days = (Date.parse(invitation.expiresAt) - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(6.9);
    expect(days).toBeLessThanOrEqual(7);
    // Only the code's hash is stored.
    const stored = await h.db.query<{ code_hash: string }>(
      'SELECT code_hash FROM one_time_codes WHERE user_id = $1',
      [person.id],
    );
    expect(stored).toHaveLength(1);
    expect(JSON.stringify(stored)).not.toContain(invitation.code.replace(/-/g, ''));
    // The new person cannot log in before redeeming the code.
    const login = await h.request({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'nora', password: 'feldakte-demo' },
    });
    expect(login.statusCode).toBe(401);

    const duplicate = await expectRefused(
      () =>
        call('ada', 'POST', '/api/people', {
          displayName: 'Andere Anna',
          username: 'ANNA',
          role: 'worker',
          teamId: teamIdOf('tom'),
        }),
      409,
      'usernameTaken',
    );
    expect(duplicate).toMatchObject({ field: 'username', message: 'Dieser Benutzername ist schon vergeben' });
  });

  it('refuses bad input to every people route with 400 and a German message', async () => {
    const someone = users.anna.user.id;
    const bad: [string, 'POST' | 'PATCH' | 'PUT', string, object][] = [
      [
        'lea',
        'POST',
        '/api/people',
        { displayName: '', username: 'x', role: 'worker', teamId: teamIdOf('lea') },
      ],
      [
        'lea',
        'POST',
        '/api/people',
        { displayName: 'X', username: 'mit leer', role: 'worker', teamId: teamIdOf('lea') },
      ],
      [
        'lea',
        'POST',
        '/api/people',
        { displayName: 'X', username: 'x', role: 'chef', teamId: teamIdOf('lea') },
      ],
      ['lea', 'POST', '/api/people', { displayName: 'X', username: 'x', role: 'worker', teamId: 'nord' }],
      [
        'lea',
        'POST',
        '/api/people',
        { displayName: 'X', username: 'x', role: 'worker', teamId: teamIdOf('lea'), admin: true },
      ],
      [
        'lea',
        'POST',
        '/api/people',
        { displayName: 'X\u0000', username: 'x', role: 'worker', teamId: teamIdOf('lea') },
      ],
      ['lea', 'PATCH', `/api/people/${someone}`, { displayName: 'x'.repeat(201) }],
      ['lea', 'PATCH', `/api/people/${someone}`, { role: 42 }],
      ['lea', 'PATCH', '/api/people/keine-id', { displayName: 'X' }],
      ['ada', 'POST', '/api/teams', { name: '   ' }],
      ['ada', 'PATCH', `/api/teams/${teamIdOf('lea')}`, { name: 'x'.repeat(201) }],
      ['ada', 'PATCH', '/api/teams/nord', { name: 'Nord' }],
      ['anna', 'PUT', '/api/devices/anna-device/name', { name: 'x'.repeat(61) }],
      ['anna', 'PUT', '/api/devices/ein%20Gerät/name', { name: 'Handy' }],
    ];
    for (const [name, method, url, payload] of bad) {
      const error = await expectRefused(() => call(name as 'lea', method, url, payload), 400);
      expect(error.code, `${method} ${url} ${JSON.stringify(payload)}`).toBe('invalid');
      expect(error.message).not.toMatch(/Expected|Invalid input/);
    }
  });

  it('keeps a lead to their own team and away from administration', async () => {
    const tom = users.tom.user.id;
    const ada = users.ada.user.id;
    const anna = users.anna.user.id;
    await expectRefused(
      () =>
        call('lea', 'POST', '/api/people', {
          displayName: 'X',
          username: 'x1',
          role: 'worker',
          teamId: teamIdOf('tom'),
        }),
      403,
      'onlyOwnTeamsPeople',
    );
    await expectRefused(
      () =>
        call('lea', 'POST', '/api/people', {
          displayName: 'X',
          username: 'x2',
          role: 'admin',
          teamId: teamIdOf('lea'),
        }),
      403,
      'onlyAdministratorsGrantAdministration',
    );
    await expectRefused(
      () => call('lea', 'PATCH', `/api/people/${tom}`, { displayName: 'T' }),
      403,
      'onlyOwnTeamsPeople',
    );
    await expectRefused(() => call('lea', 'POST', `/api/people/${tom}/block`), 403, 'onlyOwnTeamsPeople');
    await expectRefused(
      () => call('lea', 'POST', `/api/people/${tom}/password-reset`),
      403,
      'onlyOwnTeamsPeople',
    );
    await expectRefused(
      () => call('lea', 'PATCH', `/api/people/${ada}`, { displayName: 'A' }),
      403,
      'administratorsOnlyByAdministrators',
    );
    await expectRefused(
      () => call('lea', 'POST', `/api/people/${ada}/password-reset`),
      403,
      'administratorsOnlyByAdministrators',
    );
    await expectRefused(
      () => call('lea', 'PATCH', `/api/people/${anna}`, { administers: true }),
      403,
      'onlyAdministratorsGrantAdministration',
    );
    await expectRefused(
      () => call('lea', 'PATCH', `/api/people/${anna}`, { teamId: teamIdOf('tom') }),
      403,
      'onlyAdministratorsMovePeople',
    );
    for (const [method, url] of [
      ['GET', '/api/people'],
      ['POST', '/api/people'],
      ['PATCH', `/api/people/${anna}`],
      ['POST', `/api/people/${anna}/password-reset`],
      ['POST', `/api/people/${anna}/block`],
      ['POST', `/api/people/${anna}/unblock`],
      ['POST', '/api/teams'],
      ['PATCH', `/api/teams/${teamIdOf('lea')}`],
    ] as const) {
      await expectRefused(() => call('tom', method, url, { name: 'x' }), 403);
    }
    await expectRefused(
      () => call('lea', 'POST', '/api/teams', { name: 'Team West' }),
      403,
      'onlyAdministratorsManageTeams',
    );
  });

  it('answers 404 for unknown people and teams', async () => {
    const unknown = '00000000-0000-4000-8000-00000000abcd';
    await expectRefused(
      () => call('ada', 'PATCH', `/api/people/${unknown}`, { displayName: 'X' }),
      404,
      'personNotFound',
    );
    await expectRefused(() => call('lea', 'POST', `/api/people/${unknown}/block`), 404, 'personNotFound');
    await expectRefused(() => call('ada', 'POST', `/api/people/${unknown}/unblock`), 404, 'personNotFound');
    await expectRefused(
      () => call('ada', 'POST', `/api/people/${unknown}/password-reset`),
      404,
      'personNotFound',
    );
    await expectRefused(
      () => call('ada', 'PATCH', `/api/teams/${unknown}`, { name: 'X' }),
      404,
      'teamNotFound',
    );
    await expectRefused(
      () =>
        call('ada', 'POST', '/api/people', {
          displayName: 'X',
          username: 'x3',
          role: 'worker',
          teamId: unknown,
        }),
      404,
      'teamNotFound',
    );
    await expectRefused(
      () => call('anna', 'PUT', '/api/devices/lea-device/name', { name: 'Fremd' }),
      404,
      'deviceNotFound',
    );
  });

  it('changes a person, and never leaves the organisation without an administrator', async () => {
    const ben = (
      await h.db.query<{ id: string }>("SELECT id::text AS id FROM users WHERE username = 'ben'")
    )[0]?.id;
    const renamed = await call('lea', 'PATCH', `/api/people/${ben}`, { displayName: 'Benjamin Schröder' });
    expect(Person.parse(renamed.json())).toMatchObject({ displayName: 'Benjamin Schröder', role: 'worker' });

    const ada = users.ada.user.id;
    await expectRefused(
      () => call('ada', 'PATCH', `/api/people/${ada}`, { role: 'lead', administers: false }),
      409,
      'lastAdministrator',
    );
    await expectRefused(
      () => call('ada', 'PATCH', `/api/people/${ada}`, { administers: false }),
      400,
      'adminRoleAdministers',
    );
    await expectRefused(() => call('ada', 'POST', `/api/people/${ada}/block`), 400, 'ownAccessNotRevocable');
    // With a second administrator, Ada may step down.
    const lea = users.lea.user.id;
    expect((await call('ada', 'PATCH', `/api/people/${lea}`, { administers: true })).statusCode).toBe(200);
    const down = await call('ada', 'PATCH', `/api/people/${ada}`, { role: 'lead', administers: false });
    expect(Person.parse(down.json())).toMatchObject({ role: 'lead', administers: false });
    const changes = await h.db.query<{ detail: { personId: string } }>(
      "SELECT detail FROM audit_log WHERE action = 'person_changed' ORDER BY id",
    );
    expect(changes.map((c) => c.detail.personId)).toEqual([ben, lea, ada]);
  });

  it('creates and renames teams of the organisation', async () => {
    // Lea administers now (previous test).
    const lea = await h.login('lea');
    const headers = { authorization: `Bearer ${lea.token}` };
    const created = await h.request({
      method: 'POST',
      url: '/api/teams',
      headers,
      payload: { name: 'Team West' },
    });
    expect(created.statusCode).toBe(200);
    const team = created.json<{ id: string; name: string }>();
    expect(team.name).toBe('Team West');
    await expectRefused(
      () => h.request({ method: 'POST', url: '/api/teams', headers, payload: { name: 'team west' } }),
      409,
      'teamNameTaken',
    );
    const renamed = await h.request({
      method: 'PATCH',
      url: `/api/teams/${team.id}`,
      headers,
      payload: { name: 'Team Westend' },
    });
    expect(renamed.json()).toEqual({ id: team.id, name: 'Team Westend' });
    const list = PeopleResponse.parse(
      (await h.request({ method: 'GET', url: '/api/people', headers })).json(),
    );
    expect(list.teams.map((t) => t.name)).toContain('Team Westend');
    const audit = await h.db.query<{ action: string }>(
      "SELECT action FROM audit_log WHERE action IN ('team_created', 'team_renamed') ORDER BY id",
    );
    expect(audit.map((a) => a.action)).toEqual(['team_created', 'team_renamed']);
  });

  it('lets a person name their own device', async () => {
    const named = await call('anna', 'PUT', '/api/devices/anna-device/name', { name: '  Diensthandy ' });
    expect(named.statusCode).toBe(200);
    expect(PersonDevice.parse(named.json())).toMatchObject({
      deviceId: 'anna-device',
      name: 'Diensthandy',
      browser: 'Chrome',
      system: 'Android',
    });
    const cleared = await call('anna', 'PUT', '/api/devices/anna-device/name', { name: '' });
    expect(cleared.json()).toMatchObject({ name: null });
    const audit = await h.db.query("SELECT 1 FROM audit_log WHERE action = 'device_named'");
    expect(audit).toHaveLength(2);
  });
});
