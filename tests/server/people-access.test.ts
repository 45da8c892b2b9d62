// Getting in and being kept out: redeeming invitation and reset codes, a reset
// that makes the old password fail at once, blocking and unblocking.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/server/seed/demo-data';
import {
  ApiError,
  DEVICE_HEADER,
  type IssuedCode,
  NewPersonResponse,
  Person,
  SessionTokens,
} from '../../src/shared/protocol';
import { databaseTargets } from './helpers/databases';
import { createHarness, type Harness } from './helpers/harness';
import { createFingerprinter } from './helpers/table-fingerprint';

const NEW_PASSWORD = 'ein-sehr-gutes-passwort';

describe.each(databaseTargets())('invitations, resets and blocks ($name)', (target) => {
  let h: Harness | undefined;
  let lea: SessionTokens;

  // One server for the block: each test works with people of its own.
  beforeAll(async () => {
    h = await createHarness(target);
    lea = await login('lea', DEMO_PASSWORD, { refresh: true });
  });
  afterAll(() => h?.close());

  const harness = () => {
    if (!h) throw new Error('no harness');
    return h;
  };
  const asLead = () => ({ authorization: `Bearer ${lea.token}`, [DEVICE_HEADER]: 'lea-tablet' });

  async function login(username: string, password: string, extra: object = {}): Promise<SessionTokens> {
    const response = await harness().request({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username, password, ...extra },
      headers: { [DEVICE_HEADER]: `${username}-phone` },
    });
    if (response.statusCode !== 200) throw new Error(`login ${username}: ${response.body}`);
    return SessionTokens.parse(response.json());
  }

  const tryLogin = (username: string, password: string) =>
    harness().request({ method: 'POST', url: '/api/auth/login', payload: { username, password } });

  const redeem = (payload: object, remoteAddress = '127.0.0.1') =>
    harness().request({
      method: 'POST',
      url: '/api/auth/invitation',
      payload,
      remoteAddress,
      headers: { [DEVICE_HEADER]: 'new-phone' },
    });

  async function invite(username: string): Promise<{ person: Person; code: string }> {
    const response = await harness().request({
      method: 'POST',
      url: '/api/people',
      headers: asLead(),
      payload: { displayName: `Neu ${username}`, username, role: 'worker', teamId: lea.user.teamId },
    });
    const { person, invitation } = NewPersonResponse.parse(response.json());
    return { person, code: invitation.code };
  }

  async function personId(username: string): Promise<string> {
    const [row] = await harness().db.query<{ id: string }>(
      'SELECT id::text AS id FROM users WHERE username = $1',
      [username],
    );
    return row?.id ?? '';
  }

  const errorOf = (response: { json(): unknown }) => ApiError.parse(response.json()).error;

  it('signs a person in with their invitation once, and never again with the same code', async () => {
    const { person, code } = await invite('nora1');
    // Typed as people do: lower case, spaces instead of dashes.
    const typed = code.toLowerCase().replace(/-/g, ' ');
    const first = await redeem({ username: 'Nora1', code: typed, password: NEW_PASSWORD, refresh: true });
    expect(first.statusCode).toBe(200);
    const session = SessionTokens.parse(first.json());
    expect(session.user.username).toBe('nora1');
    // `refresh` honoured: a short access token, renewed by the refresh token.
    expect(Date.parse(session.expiresAt)).toBeLessThan(Date.parse(session.refreshExpiresAt));
    const me = await harness().request({
      method: 'GET',
      url: '/api/auth/me',
      headers: { authorization: `Bearer ${session.token}` },
    });
    expect(me.statusCode).toBe(200);
    expect((await tryLogin('nora1', NEW_PASSWORD)).statusCode).toBe(200);

    const again = await redeem({ username: 'nora1', code, password: 'noch-ein-passwort-12' });
    expect(again.statusCode).toBe(401);
    expect(errorOf(again)).toMatchObject({ code: 'unauthorized', messageKey: 'codeWrong' });
    expect((await tryLogin('nora1', NEW_PASSWORD)).statusCode).toBe(200);

    const status = await harness().request({ method: 'GET', url: '/api/people', headers: asLead() });
    expect(status.json().people.find((p: Person) => p.username === 'nora1').status).toBe('active');
    const audit = await harness().db.query<{ action: string }>(
      `SELECT action FROM audit_log WHERE action IN ('person_created', 'code_redeemed', 'code_redeem_failed')
         AND (user_id = $1 OR detail->>'personId' = $1::text OR detail->>'username' = 'nora1') ORDER BY id`,
      [person.id],
    );
    expect(audit.map((a) => a.action)).toEqual(['person_created', 'code_redeemed', 'code_redeem_failed']);
  });

  it('answers a wrong username, a wrong, replaced or expired code alike, changing nothing', async () => {
    const { person, code } = await invite('nora2');
    const { code: other } = await invite('otto2');
    const fingerprint = await createFingerprinter(harness().db);
    const before = await fingerprint.take();
    const attempts = [
      { username: 'otto2', code, password: NEW_PASSWORD },
      { username: 'nora2', code: other, password: NEW_PASSWORD },
      { username: 'niemand', code, password: NEW_PASSWORD },
      { username: 'nora2', code: 'AAAA-BBBB-CCCC-DDDD', password: NEW_PASSWORD },
    ];
    const answers = [];
    for (const attempt of attempts) {
      const response = await redeem(attempt);
      expect(response.statusCode).toBe(401);
      answers.push(errorOf(response));
    }
    expect(new Set(answers.map((a) => JSON.stringify(a))).size).toBe(1);
    expect(answers[0]).toMatchObject({
      message: 'Benutzername oder Code ist falsch, abgelaufen oder schon verwendet',
    });
    expect(await fingerprint.take()).toEqual(before);

    // A new code replaces the unused one.
    const reset = await harness().request({
      method: 'POST',
      url: `/api/people/${person.id}/password-reset`,
      headers: asLead(),
    });
    const newer = reset.json<IssuedCode>().code;
    expect((await redeem({ username: 'nora2', code, password: NEW_PASSWORD })).statusCode).toBe(401);
    // Expired: seven days are over.
    await harness().db.query(
      "UPDATE one_time_codes SET expires_at = now() - interval '1 second' WHERE user_id = $1",
      [person.id],
    );
    expect((await redeem({ username: 'nora2', code: newer, password: NEW_PASSWORD })).statusCode).toBe(401);
  });

  it('refuses too short passwords and malformed requests with 400', async () => {
    const { code } = await invite('nora3');
    const short = await redeem({ username: 'nora3', code, password: 'kurz' });
    expect(short.statusCode).toBe(400);
    expect(errorOf(short)).toMatchObject({ field: 'password', messageKey: 'passwordTooShort' });
    for (const payload of [
      { username: 'nora3', code },
      { username: 'nora3', code, password: NEW_PASSWORD, x: 1 },
      {},
    ]) {
      expect((await redeem(payload)).statusCode).toBe(400);
    }
    // The code still works.
    expect((await redeem({ username: 'nora3', code, password: NEW_PASSWORD })).statusCode).toBe(200);
  });

  it('rate-limits failed redemptions like logins', async () => {
    const { code } = await invite('nora4');
    for (let i = 0; i < 10; i++) {
      const wrong = await redeem(
        { username: 'nora4', code: `WRNG-${i}AAA-BBBB-CCCC`, password: NEW_PASSWORD },
        '198.51.100.9',
      );
      expect(wrong.statusCode).toBe(401);
    }
    const blocked = await redeem({ username: 'nora4', code, password: NEW_PASSWORD }, '198.51.100.9');
    expect(blocked.statusCode).toBe(429);
    expect(blocked.headers['retry-after']).toBeDefined();
    expect(errorOf(blocked).messageKey).toBe('tooManyLoginFailures');
    const limited = await harness().db.query(
      "SELECT 1 FROM audit_log WHERE action = 'login_rate_limited' AND detail->>'via' = 'invitation'",
    );
    expect(limited).toHaveLength(1);
    // From another address the code still works.
    expect(
      (await redeem({ username: 'nora4', code, password: NEW_PASSWORD }, '198.51.100.10')).statusCode,
    ).toBe(200);
  });

  it('a reset makes the old password fail at once and ends sessions without wiping devices', async () => {
    const anna = await login('anna', DEMO_PASSWORD, { refresh: true });
    const reset = await harness().request({
      method: 'POST',
      url: `/api/people/${anna.user.id}/password-reset`,
      headers: asLead(),
    });
    expect(reset.statusCode).toBe(200);
    const { code } = reset.json<IssuedCode>();
    expect((await tryLogin('anna', DEMO_PASSWORD)).statusCode).toBe(401);
    // The session ended as "log in again", not as "revoked" (which would wipe the device).
    const me = await harness().request({
      method: 'GET',
      url: '/api/auth/me',
      headers: { authorization: `Bearer ${anna.token}` },
    });
    expect(me.statusCode).toBe(401);
    expect(errorOf(me).code).toBe('unauthorized');
    const refresh = await harness().request({
      method: 'POST',
      url: '/api/auth/refresh',
      payload: { refreshToken: anna.refreshToken },
    });
    expect(refresh.statusCode).toBe(401);
    expect(errorOf(refresh).code).toBe('unauthorized');
    // Anna stays active and keeps her cases; with the code she chooses a new password.
    const redeemed = await redeem({ username: 'anna', code, password: NEW_PASSWORD });
    expect(redeemed.statusCode).toBe(200);
    expect((await tryLogin('anna', NEW_PASSWORD)).statusCode).toBe(200);
    expect((await tryLogin('anna', DEMO_PASSWORD)).statusCode).toBe(401);
    const audit = await harness().db.query<{ detail: { purpose: string } }>(
      "SELECT detail FROM audit_log WHERE action = 'password_reset' AND detail->>'personId' = $1::text",
      [anna.user.id],
    );
    expect(audit.map((a) => a.detail.purpose)).toEqual(['password_reset']);
  });

  it('blocking wipes the devices and refuses login; the cases stay; unblocking lets the password in again', async () => {
    const ben = await login('ben', DEMO_PASSWORD, { refresh: true });
    const openCases = await harness().db.query(
      "SELECT 1 FROM cases WHERE assigned_to = $1 AND status <> 'closed'",
      [ben.user.id],
    );
    const block = await harness().request({
      method: 'POST',
      url: `/api/people/${ben.user.id}/block`,
      headers: asLead(),
    });
    expect(block.statusCode).toBe(200);
    expect(Person.parse(block.json())).toMatchObject({ status: 'blocked', openCaseCount: openCases.length });
    const me = await harness().request({
      method: 'GET',
      url: '/api/auth/me',
      headers: { authorization: `Bearer ${ben.token}` },
    });
    expect(errorOf(me).code).toBe('revoked');
    const refresh = await harness().request({
      method: 'POST',
      url: '/api/auth/refresh',
      payload: { refreshToken: ben.refreshToken },
    });
    expect(errorOf(refresh).code).toBe('revoked');
    // Login is refused; a device that never signed in as ben learns no more than a wrong password would tell.
    expect(errorOf(await tryLogin('ben', DEMO_PASSWORD)).code).toBe('unauthorized');

    // A blocked person cannot redeem a code either; the code stays unused.
    const reset = await harness().request({
      method: 'POST',
      url: `/api/people/${ben.user.id}/password-reset`,
      headers: asLead(),
    });
    expect(reset.statusCode).toBe(400);
    expect(errorOf(reset).messageKey).toBe('personBlocked');
    const { code } = await invite('nora6');
    const nora = await personId('nora6');
    await harness().request({ method: 'POST', url: `/api/people/${nora}/block`, headers: asLead() });
    const refused = await redeem({ username: 'nora6', code, password: NEW_PASSWORD });
    expect(errorOf(refused).code).toBe('revoked');
    const unused = await harness().db.query(
      'SELECT 1 FROM one_time_codes WHERE used_at IS NULL AND user_id = $1',
      [nora],
    );
    expect(unused).toHaveLength(1);

    const unblock = await harness().request({
      method: 'POST',
      url: `/api/people/${ben.user.id}/unblock`,
      headers: asLead(),
    });
    expect(Person.parse(unblock.json()).status).toBe('active');
    expect((await tryLogin('ben', DEMO_PASSWORD)).statusCode).toBe(200);
    const audit = await harness().db.query<{ action: string }>(
      `SELECT action FROM audit_log WHERE action IN ('person_blocked', 'person_unblocked')
         AND detail->>'personId' IN ($1::text, $2::text) ORDER BY id`,
      [ben.user.id, nora],
    );
    expect(audit.map((a) => a.action)).toEqual(['person_blocked', 'person_blocked', 'person_unblocked']);
  });
});
