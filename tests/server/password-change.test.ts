// A person changes their own password: the current one is checked like a login,
// the device that asked stays signed in, every other device must sign in again
// with the new password; bad input and a wrong current password change nothing.
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/server/seed/demo-data';
import { ApiError, DEVICE_HEADER, SessionTokens } from '../../src/shared/protocol';
import { databaseTargets } from './helpers/databases';
import { type Harness, harnessForBlock } from './helpers/harness';

describe.each(databaseTargets())('password change ($name)', (target) => {
  let h: Harness;

  harnessForBlock(target, [], (opened) => {
    h = opened;
  });

  const loginOn = async (username: string, device: string, password = DEMO_PASSWORD) => {
    const response = await h.request({
      method: 'POST',
      url: '/api/auth/login',
      headers: { [DEVICE_HEADER]: device },
      payload: { username, password, refresh: true },
    });
    return { status: response.statusCode, body: response.json() };
  };
  const signedIn = async (username: string, device: string) =>
    SessionTokens.parse((await loginOn(username, device)).body);
  const change = (token: string, device: string, payload: unknown) =>
    h.request({
      method: 'POST',
      url: '/api/auth/password',
      headers: { authorization: `Bearer ${token}`, [DEVICE_HEADER]: device },
      payload: payload as object,
    });
  const me = (token: string) =>
    h.request({ method: 'GET', url: '/api/auth/me', headers: { authorization: `Bearer ${token}` } });
  const refresh = (refreshToken: string) =>
    h.request({ method: 'POST', url: '/api/auth/refresh', payload: { refreshToken } });
  const hashOf = async (username: string) =>
    (
      await h.db.query<{ hash: string }>('SELECT password_hash AS hash FROM users WHERE username = $1', [
        username,
      ])
    )[0]?.hash;
  const audit = (userId: string, action: string) =>
    h.db.query<{ deviceId: string; detail: Record<string, unknown> }>(
      'SELECT device_id AS "deviceId", detail FROM audit_log WHERE user_id = $1 AND action = $2 ORDER BY id',
      [userId, action],
    );

  it('changes the password; this device stays, the others must sign in again', async () => {
    const tablet = await signedIn('anna', 'tablet');
    const phone = await signedIn('anna', 'phone');
    const bensPhone = await signedIn('ben', 'bens-phone');
    const newPassword = 'Zwei Katzen schlafen im Regal';
    const response = await change(tablet.token, 'tablet', { currentPassword: DEMO_PASSWORD, newPassword });
    expect(response.statusCode, response.body).toBe(204);

    // The old password no longer works, the new one does.
    expect((await loginOn('anna', 'laptop')).status).toBe(401);
    expect((await loginOn('anna', 'laptop', newPassword)).status).toBe(200);
    // This device goes on, access token and refresh alike.
    expect((await me(tablet.token)).statusCode).toBe(200);
    expect((await refresh(tablet.refreshToken)).statusCode).toBe(200);
    // The other device asks for the password again ('unauthorized', not 'revoked': nothing is wiped).
    const phoneMe = await me(phone.token);
    expect(phoneMe.statusCode).toBe(401);
    expect(ApiError.parse(phoneMe.json()).error.code).toBe('unauthorized');
    const phoneRefresh = await refresh(phone.refreshToken);
    expect(phoneRefresh.statusCode).toBe(401);
    expect(ApiError.parse(phoneRefresh.json()).error.code).toBe('unauthorized');
    // Nobody else is touched.
    expect((await me(bensPhone.token)).statusCode).toBe(200);

    const [entry] = await audit(tablet.user.id, 'password_changed');
    expect(entry).toEqual({ deviceId: 'tablet', detail: { endedFamilies: 1 } });
  });

  it('refuses a wrong current password, counts it like a failed login and changes nothing', async () => {
    const ben = await signedIn('ben', 'bens-tablet');
    const before = await hashOf('ben');
    const wrong = await change(ben.token, 'bens-tablet', {
      currentPassword: 'nicht mein Passwort',
      newPassword: 'Leuchtturm Kiesel 47',
    });
    expect(wrong.statusCode).toBe(400);
    expect(ApiError.parse(wrong.json()).error).toEqual({
      code: 'invalid',
      field: 'currentPassword',
      message: 'currentPassword: stimmt nicht',
      messageKey: 'currentPasswordWrong',
      params: {},
    });
    expect(await hashOf('ben')).toBe(before);
    expect((await me(ben.token)).statusCode).toBe(200);
    expect(await audit(ben.user.id, 'password_change_failed')).toHaveLength(1);

    // Nine more make ten failures of ben at this address: then even the right password waits.
    for (let i = 0; i < 9; i++) {
      const again = await change(ben.token, 'bens-tablet', {
        currentPassword: `falsch ${i}`,
        newPassword: 'Leuchtturm Kiesel 47',
      });
      expect(again.statusCode).toBe(400);
    }
    const limited = await change(ben.token, 'bens-tablet', {
      currentPassword: DEMO_PASSWORD,
      newPassword: 'Leuchtturm Kiesel 47',
    });
    expect(limited.statusCode).toBe(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect(ApiError.parse(limited.json()).error.messageKey).toBe('tooManyLoginFailures');
    // It is the login's count: ben's login from here waits too.
    expect((await loginOn('ben', 'bens-laptop')).status).toBe(429);
    expect(await hashOf('ben')).toBe(before);
  });

  it('answers bad input with 400 naming the field in German, and changes nothing', async () => {
    const lea = await signedIn('lea', 'leas-tablet');
    const before = await hashOf('lea');
    const nul = String.fromCharCode(0);
    const cases: [unknown, string | null, string][] = [
      [{ currentPassword: DEMO_PASSWORD }, 'newPassword', 'notText'],
      [{ newPassword: 'Leuchtturm Kiesel 47' }, 'currentPassword', 'invalidValue'],
      [{ currentPassword: '', newPassword: 'Leuchtturm Kiesel 47' }, 'currentPassword', 'empty'],
      [{ currentPassword: DEMO_PASSWORD, newPassword: 'kurz' }, 'newPassword', 'passwordTooShort'],
      [{ currentPassword: DEMO_PASSWORD, newPassword: 'passwort1234' }, 'newPassword', 'passwordTooCommon'],
      [{ currentPassword: DEMO_PASSWORD, newPassword: '111111111111' }, 'newPassword', 'passwordTooCommon'],
      [
        { currentPassword: DEMO_PASSWORD, newPassword: 'lea-2024-2025!' },
        'newPassword',
        'passwordContainsUsername',
      ],
      [{ currentPassword: DEMO_PASSWORD, newPassword: 'x'.repeat(1001) }, 'newPassword', 'tooLong'],
      [
        { currentPassword: DEMO_PASSWORD, newPassword: `Leuchtturm${nul}Kiesel` },
        'newPassword',
        'unstorableText',
      ],
      [
        { currentPassword: 'Leuchtturm Kiesel 47', newPassword: 'Leuchtturm Kiesel 47' },
        'newPassword',
        'passwordUnchanged',
      ],
      [
        { currentPassword: DEMO_PASSWORD, newPassword: 'Leuchtturm Kiesel 47', userId: lea.user.id },
        'userId',
        'unknownField',
      ],
      [[], null, 'invalidInput'],
    ];
    for (const [payload, field, key] of cases) {
      const label = JSON.stringify(payload).slice(0, 80);
      const response = await change(lea.token, 'leas-tablet', payload);
      expect(response.statusCode, label).toBe(400);
      const { error } = ApiError.parse(response.json());
      expect(error, label).toMatchObject({ code: 'invalid', field, messageKey: key });
    }
    expect(await hashOf('lea')).toBe(before);
    expect(await audit(lea.user.id, 'password_changed')).toEqual([]);
    const anonymous = await h.request({
      method: 'POST',
      url: '/api/auth/password',
      payload: { currentPassword: DEMO_PASSWORD, newPassword: 'Leuchtturm Kiesel 47' },
    });
    expect(anonymous.statusCode).toBe(401);
    expect(await hashOf('lea')).toBe(before);
  });
});
