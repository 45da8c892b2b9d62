// The team's settings (auto-lock, districts, emergency contact): every session
// carries them (SessionUser), only the team's lead reads and changes them
// (GET/PUT /api/team/settings), and each change is audited.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/server/seed/demo-data';
import { ApiError, DEVICE_HEADER, LoginResponse, SessionTokens } from '../../src/shared/protocol';
import { databaseTargets } from './helpers/databases';
import { createHarness, type Harness } from './helpers/harness';

describe.each(databaseTargets())('team settings ($name)', (target) => {
  let h: Harness;

  beforeAll(async () => {
    h = await createHarness(target);
  });
  afterAll(() => h?.close());
  beforeEach(async () => {
    await h.db.query(`UPDATE teams SET lock_after_minutes = 10, districts = '[]', emergency_contact = ''`);
  });

  const putSettings = (token: string, payload: unknown) =>
    h.request({
      method: 'PUT',
      url: '/api/team/settings',
      headers: { authorization: `Bearer ${token}`, [DEVICE_HEADER]: 'settings-device' },
      payload: payload as object,
    });
  const me = (token: string) =>
    h.request({ method: 'GET', url: '/api/auth/me', headers: { authorization: `Bearer ${token}` } });
  const storedSettings = () =>
    h.db.query<{ name: string; minutes: number }>(
      'SELECT name, lock_after_minutes AS minutes FROM teams ORDER BY name',
    );
  const settingsAudit = () =>
    h.db.query<{ userId: string; deviceId: string; detail: Record<string, unknown> }>(
      `SELECT user_id::text AS "userId", device_id AS "deviceId", detail FROM audit_log
       WHERE action = 'team_settings_changed' ORDER BY id`,
    );

  it('hands out 10 minutes by default with every login', async () => {
    for (const name of ['anna', 'ben', 'lea', 'tom']) {
      const { user } = LoginResponse.parse(await h.login(name));
      expect(user.lockAfterMinutes, name).toBe(10);
    }
  });

  it("lets a lead change their own team's setting; the next login, refresh and me carry it", async () => {
    const lea = await h.login('lea');
    const refreshing = await h.request({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'anna', password: DEMO_PASSWORD, refresh: true },
    });
    const anna = SessionTokens.parse(refreshing.json());

    const response = await putSettings(lea.token, { lockAfterMinutes: 25 });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({ lockAfterMinutes: 25 });
    expect(await storedSettings()).toEqual([
      { name: 'Team Nord', minutes: 25 },
      { name: 'Team Süd', minutes: 10 },
    ]);

    // A session opened before the change learns it too.
    expect((await me(lea.token)).json().user.lockAfterMinutes).toBe(25);
    const renewed = await h.request({
      method: 'POST',
      url: '/api/auth/refresh',
      payload: { refreshToken: anna.refreshToken },
    });
    expect(SessionTokens.parse(renewed.json()).user.lockAfterMinutes).toBe(25);
    expect((await h.login('ben')).user.lockAfterMinutes).toBe(25);
    // The other team keeps its own setting.
    expect((await h.login('tom')).user.lockAfterMinutes).toBe(10);

    // The bounds themselves are allowed.
    for (const lockAfterMinutes of [1, 120]) {
      const edge = await putSettings(lea.token, { lockAfterMinutes });
      expect(edge.statusCode, edge.body).toBe(200);
      expect(edge.json()).toMatchObject({ lockAfterMinutes });
    }
  });

  it('writes an audit entry with the old and the new value', async () => {
    const lea = await h.login('lea');
    const before = (await settingsAudit()).length;
    expect((await putSettings(lea.token, { lockAfterMinutes: 30 })).statusCode).toBe(200);
    expect((await putSettings(lea.token, { lockAfterMinutes: 5 })).statusCode).toBe(200);
    const entries = (await settingsAudit()).slice(before);
    expect(entries).toEqual([
      {
        userId: lea.user.id,
        deviceId: 'settings-device',
        detail: {
          teamId: lea.user.teamId,
          before: { lockAfterMinutes: 10, districts: [], emergencyContact: '' },
          after: { lockAfterMinutes: 30, districts: [], emergencyContact: '' },
        },
      },
      {
        userId: lea.user.id,
        deviceId: 'settings-device',
        detail: {
          teamId: lea.user.teamId,
          before: { lockAfterMinutes: 30, districts: [], emergencyContact: '' },
          after: { lockAfterMinutes: 5, districts: [], emergencyContact: '' },
        },
      },
    ]);
  });

  it('refuses workers with 403 and changes nothing', async () => {
    const auditBefore = await settingsAudit();
    for (const name of ['anna', 'ben', 'tom']) {
      const { token } = await h.login(name);
      const response = await putSettings(token, { lockAfterMinutes: 60 });
      expect(response.statusCode, name).toBe(403);
      expect(ApiError.parse(response.json()).error.code).toBe('forbidden');
    }
    expect((await storedSettings()).map((team) => team.minutes)).toEqual([10, 10]);
    expect(await settingsAudit()).toEqual(auditBefore);
  });

  it('refuses invalid settings with 400 naming the field and changes nothing', async () => {
    const lea = await h.login('lea');
    const auditBefore = await settingsAudit();
    for (const [payload, field] of [
      [{ lockAfterMinutes: 0 }, 'lockAfterMinutes'],
      [{ lockAfterMinutes: 121 }, 'lockAfterMinutes'],
      [{ lockAfterMinutes: 1.5 }, 'lockAfterMinutes'],
      [{ lockAfterMinutes: -5 }, 'lockAfterMinutes'],
      [{ lockAfterMinutes: '15' }, 'lockAfterMinutes'],
      [{ lockAfterMinutes: null }, 'lockAfterMinutes'],
      [{}, 'lockAfterMinutes'],
      [{ lockAfterMinutes: 15, teamId: lea.user.teamId }, 'teamId'],
    ] as const) {
      const response = await putSettings(lea.token, payload);
      expect(response.statusCode, JSON.stringify(payload)).toBe(400);
      const { error } = ApiError.parse(response.json());
      expect(error.code).toBe('invalid');
      expect(error.field).toBe(field);
      expect(error.message).toMatch(new RegExp(`^${field}: .+`));
    }
    expect((await storedSettings()).map((team) => team.minutes)).toEqual([10, 10]);
    expect(await settingsAudit()).toEqual(auditBefore);
  });

  const getSettings = (token: string) =>
    h.request({ method: 'GET', url: '/api/team/settings', headers: { authorization: `Bearer ${token}` } });
  const storedDistricts = () =>
    h.db.query<{ name: string; districts: string[]; contact: string }>(
      'SELECT name, districts, emergency_contact AS contact FROM teams ORDER BY name',
    );

  it('lets the lead read the settings; nobody else', async () => {
    const lea = await h.login('lea');
    const response = await getSettings(lea.token);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ lockAfterMinutes: 10, districts: [], emergencyContact: '' });
    for (const name of ['anna', 'tom']) {
      const refused = await getSettings((await h.login(name)).token);
      expect(refused.statusCode, name).toBe(403);
      expect(ApiError.parse(refused.json()).error.messageKey).toBe('onlyLeadSeesTeamSettings');
    }
    expect((await h.request({ method: 'GET', url: '/api/team/settings' })).statusCode).toBe(401);
  });

  it('stores districts (trimmed) and the emergency contact; sessions carry them; left out stays', async () => {
    const lea = await h.login('lea');
    const response = await putSettings(lea.token, {
      lockAfterMinutes: 15,
      districts: ['  Altstadt ', 'Nordviertel', 'Hafen'],
      emergencyContact: 'ASD Nord, 0421 361-0 (Bereitschaft ab 17 Uhr: 0421 699 11 33)',
    });
    expect(response.statusCode, response.body).toBe(200);
    const stored = {
      lockAfterMinutes: 15,
      districts: ['Altstadt', 'Nordviertel', 'Hafen'],
      emergencyContact: 'ASD Nord, 0421 361-0 (Bereitschaft ab 17 Uhr: 0421 699 11 33)',
    };
    expect(response.json()).toEqual(stored);
    expect((await getSettings(lea.token)).json()).toEqual(stored);

    // Sessions carry them as an array and a text, for offline use.
    const anna = await h.login('anna');
    expect(anna.user).toMatchObject({
      districts: stored.districts,
      emergencyContact: stored.emergencyContact,
    });
    expect((await me(lea.token)).json().user).toMatchObject({ districts: stored.districts });
    expect((await h.login('tom')).user).toMatchObject({ districts: [], emergencyContact: '' });

    // An app that knows only the auto-lock leaves the districts and the contact alone.
    const lockOnly = await putSettings(lea.token, { lockAfterMinutes: 20 });
    expect(lockOnly.json()).toEqual({ ...stored, lockAfterMinutes: 20 });
    // An empty list empties it.
    const emptied = await putSettings(lea.token, { lockAfterMinutes: 20, districts: [] });
    expect(emptied.json()).toEqual({ ...stored, lockAfterMinutes: 20, districts: [] });
  });

  it('refuses a district named twice (whatever the case), an empty one and too many; nothing changes', async () => {
    const lea = await h.login('lea');
    await putSettings(lea.token, { lockAfterMinutes: 10, districts: ['Altstadt'] });
    const before = await storedDistricts();
    const auditBefore = await settingsAudit();
    const cases: [unknown, string, string][] = [
      [['Altstadt', 'Hafen', 'altstadt '], 'districts.2', 'districtRepeated'],
      [['Hafen', 'HAFEN'], 'districts.1', 'districtRepeated'],
      [['Hafen', '   '], 'districts.1', 'empty'],
      [['Hafen', 7], 'districts.1', 'notText'],
      [Array.from({ length: 101 }, (_, i) => `Bezirk ${i}`), 'districts', 'tooManyDistricts'],
      [['x'.repeat(101)], 'districts.0', 'tooLong'],
      ['Altstadt', 'districts', 'invalidValue'],
      [[`Alt${String.fromCharCode(0)}stadt`], 'districts.0', 'unstorableText'],
    ];
    for (const [districts, field, key] of cases) {
      const response = await putSettings(lea.token, { lockAfterMinutes: 10, districts });
      expect(response.statusCode, JSON.stringify(districts).slice(0, 60)).toBe(400);
      const { error } = ApiError.parse(response.json());
      expect(error, JSON.stringify(districts).slice(0, 60)).toMatchObject({ field, messageKey: key });
      expect(error.message).toMatch(/^districts.*: .+/);
    }
    const repeated = await putSettings(lea.token, { lockAfterMinutes: 10, districts: ['Hafen', 'hafen'] });
    expect(ApiError.parse(repeated.json()).error.message).toBe(
      'districts.1: nennt den Stadtteil „hafen“ mehrfach',
    );
    const longContact = await putSettings(lea.token, {
      lockAfterMinutes: 10,
      emergencyContact: 'x'.repeat(501),
    });
    expect(ApiError.parse(longContact.json()).error).toMatchObject({
      field: 'emergencyContact',
      messageKey: 'tooLong',
    });
    expect(await storedDistricts()).toEqual(before);
    expect(await settingsAudit()).toEqual(auditBefore);
  });

  it('answers 401 without a session', async () => {
    const response = await h.request({
      method: 'PUT',
      url: '/api/team/settings',
      payload: { lockAfterMinutes: 15 },
    });
    expect(response.statusCode).toBe(401);
  });

  it('keeps the bounds in the database too', async () => {
    for (const minutes of [0, 121]) {
      await expect(h.db.query('UPDATE teams SET lock_after_minutes = $1', [minutes])).rejects.toThrow(
        /lock_after_minutes/,
      );
    }
    expect((await storedSettings()).map((team) => team.minutes)).toEqual([10, 10]);
  });
});
