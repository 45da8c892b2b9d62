import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiError, LoginResponse, PROTOCOL_HEADER } from '../../src/shared/protocol';
import { databaseTargets } from './helpers/databases';
import { createHarness, type Harness, syncHeaders } from './helpers/harness';

describe.each(databaseTargets())('auth ($name)', (target) => {
  let h: Harness;

  beforeAll(async () => {
    h = await createHarness(target);
  });
  afterAll(() => h?.close());

  const login = (payload: unknown) =>
    h.request({ method: 'POST', url: '/api/auth/login', payload: payload as object });
  const me = (authorization?: string) =>
    h.request({ method: 'GET', url: '/api/auth/me', headers: authorization ? { authorization } : {} });

  it('logs in with the right password and returns a token, its expiry and the user', async () => {
    const response = await login({ username: 'Lea', password: 'feldakte-demo' });
    expect(response.statusCode).toBe(200);
    const body = LoginResponse.parse(response.json());
    expect(body.user).toMatchObject({
      username: 'lea',
      displayName: 'Lea Hoffmann',
      role: 'lead',
      teamName: 'Team Nord',
    });
    expect(Buffer.from(body.token, 'base64url')).toHaveLength(32);
    // Without refresh the one token lasts a working day, not the whole 30-day session.
    const hours = (Date.parse(body.expiresAt) - Date.now()) / 3_600_000;
    expect(hours).toBeGreaterThan(11);
    expect(hours).toBeLessThanOrEqual(12);

    const who = await me(`Bearer ${body.token}`);
    expect(who.statusCode).toBe(200);
    expect(who.json()).toEqual({ user: body.user, expiresAt: body.expiresAt });
  });

  it('stores only a hash of the token', async () => {
    const { token } = await h.login('anna');
    const rows = await h.db.query<{ token_hash: string }>('SELECT token_hash FROM sessions');
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.some((r) => r.token_hash === token)).toBe(false);
    const users = await h.db.query<{ password_hash: string }>('SELECT password_hash FROM users');
    expect(users.every((u) => u.password_hash.startsWith('scrypt$'))).toBe(true);
    expect(new Set(users.map((u) => u.password_hash)).size).toBe(users.length);
  });

  it('refuses a wrong password and an unknown user alike with 401', async () => {
    for (const payload of [
      { username: 'anna', password: 'falsch' },
      { username: 'niemand', password: 'feldakte-demo' },
    ]) {
      const response = await login(payload);
      expect(response.statusCode).toBe(401);
      expect(ApiError.parse(response.json()).error).toMatchObject({
        code: 'unauthorized',
        message: 'Benutzername oder Passwort ist falsch',
      });
    }
  });

  it('validates the login body', async () => {
    for (const [payload, field] of [
      [{ username: 'anna' }, 'password'],
      [{ username: '', password: 'x' }, 'username'],
      [{ username: 42, password: 'x' }, 'username'],
      [{ username: 'anna', password: 'x', remember: true }, 'remember'],
    ] as const) {
      const response = await login(payload);
      expect(response.statusCode).toBe(400);
      expect(response.json().error).toMatchObject({ code: 'invalid', field });
    }
  });

  it('answers 401 without, with a malformed or with an unknown token', async () => {
    const unknown = `Bearer ${Buffer.alloc(32, 7).toString('base64url')}`;
    for (const authorization of [undefined, 'Bearer', 'Basic YW5uYTp4', 'Bearer kurz', unknown]) {
      const response = await me(authorization);
      expect(response.statusCode, authorization).toBe(401);
      expect(response.json().error.code).toBe('unauthorized');
    }
    const pull = await h.request({
      method: 'GET',
      url: '/api/sync/pull',
      headers: { [PROTOCOL_HEADER]: '1' },
    });
    expect(pull.statusCode).toBe(401);
    const push = await h.request({
      method: 'POST',
      url: '/api/sync/push',
      headers: { [PROTOCOL_HEADER]: '1' },
      payload: { mutations: [] },
    });
    expect(push.statusCode).toBe(401);
  });

  it('ends a session on logout and after it expires', async () => {
    const { token } = await h.login('ben');
    const logout = await h.request({ method: 'POST', url: '/api/auth/logout', headers: syncHeaders(token) });
    expect(logout.statusCode).toBe(204);
    expect((await me(`Bearer ${token}`)).statusCode).toBe(401);

    const second = await h.login('ben');
    await h.db.query("UPDATE sessions SET expires_at = now() - interval '1 second'");
    expect((await me(`Bearer ${second.token}`)).statusCode).toBe(401);
  });

  it('refuses a username the database cannot store with 400', async () => {
    const response = await login({ username: `anna${String.fromCharCode(0)}`, password: 'x' });
    expect(response.statusCode).toBe(400);
    expect(ApiError.parse(response.json()).error.field).toBe('username');
  });

  it('slows down password guessing with 429 after repeated failures', async () => {
    for (let i = 0; i < 10; i++) {
      expect((await login({ username: 'tom', password: `falsch-${i}` })).statusCode).toBe(401);
    }
    const blocked = await login({ username: 'tom', password: 'feldakte-demo' });
    expect(blocked.statusCode).toBe(429);
    expect(blocked.json().error.code).toBe('rate_limited');
  });
});
