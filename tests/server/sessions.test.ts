import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readConfig } from '../../src/server/config';
import { DEMO_PASSWORD } from '../../src/server/seed/demo-data';
import {
  DEFAULT_ACCESS_TOKEN_TTL_SECONDS,
  DEFAULT_NON_REFRESHING_TOKEN_TTL_SECONDS,
} from '../../src/server/services/auth-service';
import { ApiError, DEVICE_HEADER, SessionTokens } from '../../src/shared/protocol';
import { databaseTargets } from './helpers/databases';
import { type EventStream, openEventStream } from './helpers/event-stream';
import { createHarness, type Harness } from './helpers/harness';

const MINUTE = 60_000;

describe('access token lifetime configuration', () => {
  it('reads FELDAKTE_ACCESS_TOKEN_TTL_SECONDS, 15 minutes by default', () => {
    expect(readConfig({}).accessTokenTtlSeconds).toBe(DEFAULT_ACCESS_TOKEN_TTL_SECONDS);
    expect(DEFAULT_ACCESS_TOKEN_TTL_SECONDS).toBe(15 * 60);
    expect(readConfig({ FELDAKTE_ACCESS_TOKEN_TTL_SECONDS: '60' }).accessTokenTtlSeconds).toBe(60);
  });

  it('reads FELDAKTE_NON_REFRESHING_TOKEN_TTL_SECONDS, 12 hours by default', () => {
    expect(readConfig({}).nonRefreshingTokenTtlSeconds).toBe(DEFAULT_NON_REFRESHING_TOKEN_TTL_SECONDS);
    expect(DEFAULT_NON_REFRESHING_TOKEN_TTL_SECONDS).toBe(12 * 60 * 60);
    expect(
      readConfig({ FELDAKTE_NON_REFRESHING_TOKEN_TTL_SECONDS: '3600' }).nonRefreshingTokenTtlSeconds,
    ).toBe(3600);
    expect(() => readConfig({ FELDAKTE_NON_REFRESHING_TOKEN_TTL_SECONDS: '0' })).toThrow(
      /FELDAKTE_NON_REFRESHING_TOKEN_TTL_SECONDS/,
    );
  });
});

describe.each(databaseTargets())('sessions: refresh and revocation ($name)', (target) => {
  let h: Harness;
  let baseUrl: string;
  beforeAll(async () => {
    h = await createHarness(target);
    await h.app.listen({ port: 0, host: '127.0.0.1' });
    const address = h.app.server.address();
    baseUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  });
  const streamOf = (token: string, device: string): Promise<EventStream> =>
    openEventStream(baseUrl, token, { [DEVICE_HEADER]: device });
  afterAll(() => h?.close());

  async function login(username: string, device: string, refresh?: boolean) {
    const response = await h.request({
      method: 'POST',
      url: '/api/auth/login',
      headers: { [DEVICE_HEADER]: device },
      payload: { username, password: DEMO_PASSWORD, ...(refresh === undefined ? {} : { refresh }) },
    });
    return response;
  }
  async function tokensOf(username: string, device: string, refresh?: boolean) {
    const response = await login(username, device, refresh);
    expect(response.statusCode, response.body).toBe(200);
    return SessionTokens.parse(response.json());
  }
  const me = (token: string, device?: string) =>
    h.request({
      method: 'GET',
      url: '/api/auth/me',
      headers: { authorization: `Bearer ${token}`, ...(device ? { [DEVICE_HEADER]: device } : {}) },
    });
  const refresh = (refreshToken: string, device?: string) =>
    h.request({
      method: 'POST',
      url: '/api/auth/refresh',
      headers: device ? { [DEVICE_HEADER]: device } : {},
      payload: { refreshToken },
    });
  const codeOf = (response: { body: string }) => ApiError.parse(JSON.parse(response.body)).error.code;

  it('gives a login without refresh a token for a working day at most, and a refreshing one a short access token', async () => {
    const old = await tokensOf('anna', 'old-app');
    const oldLifetime = Date.parse(old.expiresAt) - Date.now();
    expect(oldLifetime).toBeLessThanOrEqual(12 * 60 * MINUTE);
    expect(oldLifetime).toBeGreaterThan(11 * 60 * MINUTE);
    const fresh = await tokensOf('anna', 'new-app', true);
    const lifetime = Date.parse(fresh.expiresAt) - Date.now();
    expect(lifetime).toBeLessThanOrEqual(15 * MINUTE);
    expect(lifetime).toBeGreaterThan(14 * MINUTE);
    expect(Date.parse(fresh.refreshExpiresAt) - Date.now()).toBeGreaterThan(29 * 24 * 60 * MINUTE);
  });

  it('renews an expired access token with the refresh token, which is used up', async () => {
    const first = await tokensOf('anna', 'phone-1', true);
    await h.db.query(
      "UPDATE sessions SET expires_at = now() - interval '1 second' WHERE device_id = 'phone-1'",
    );
    const expired = await me(first.token);
    expect(expired.statusCode).toBe(401);
    expect(codeOf(expired)).toBe('unauthorized');

    const renewed = await refresh(first.refreshToken, 'phone-1');
    expect(renewed.statusCode, renewed.body).toBe(200);
    const second = SessionTokens.parse(renewed.json());
    expect(second.token).not.toBe(first.token);
    expect(second.refreshToken).not.toBe(first.refreshToken);
    expect(second.user.username).toBe('anna');
    expect((await me(second.token)).statusCode).toBe(200);

    // Another tab racing with the same refresh token just now: plain 401, nothing revoked.
    const race = await refresh(first.refreshToken, 'phone-1');
    expect(race.statusCode).toBe(401);
    expect(codeOf(race)).toBe('unauthorized');
    expect((await me(second.token)).statusCode).toBe(200);
    expect((await refresh('x'.repeat(43))).statusCode).toBe(401);
  });

  it('revokes the whole token family when a used refresh token comes back later (copied)', async () => {
    const first = await tokensOf('anna', 'phone-2', true);
    const second = SessionTokens.parse((await refresh(first.refreshToken)).json());
    await h.db.query(
      "UPDATE refresh_tokens SET used_at = now() - interval '5 minutes' WHERE device_id = 'phone-2' AND used_at IS NOT NULL",
    );
    const replay = await refresh(first.refreshToken);
    expect(replay.statusCode).toBe(401);
    expect(codeOf(replay)).toBe('revoked');
    const cut = await me(second.token);
    expect(codeOf(cut)).toBe('revoked');
    expect(codeOf(await refresh(second.refreshToken))).toBe('revoked');
    // Anna's other devices are not touched.
    const other = await tokensOf('anna', 'phone-3', true);
    expect((await me(other.token)).statusCode).toBe(200);
  });

  it('ends the whole token family on logout: its refresh token is refused as unknown', async () => {
    const first = await tokensOf('ben', 'phone-out', true);
    // A renewal in between: the family now has a used and an unused refresh token
    // and two access tokens; logging out with the newer one ends all of them.
    const second = SessionTokens.parse((await refresh(first.refreshToken, 'phone-out')).json());
    const elsewhere = await tokensOf('ben', 'phone-stays', true);
    const logout = await h.request({
      method: 'POST',
      url: '/api/auth/logout',
      headers: { authorization: `Bearer ${second.token}`, [DEVICE_HEADER]: 'phone-out' },
    });
    expect(logout.statusCode).toBe(204);

    for (const refreshToken of [second.refreshToken, first.refreshToken]) {
      const refused = await refresh(refreshToken, 'phone-out');
      expect(refused.statusCode).toBe(401);
      // The device wiped itself at logout: 'unauthorized', not the 'revoked' of a lead's cut.
      expect(codeOf(refused)).toBe('unauthorized');
    }
    expect(codeOf(await me(first.token))).toBe('unauthorized');
    expect(codeOf(await me(second.token))).toBe('unauthorized');
    // Ben's other device keeps its session and renews it.
    expect((await me(elsewhere.token)).statusCode).toBe(200);
    expect((await refresh(elsewhere.refreshToken, 'phone-stays')).statusCode).toBe(200);
  });

  it("lets the team's lead revoke a device: its sessions, logins and refreshes are answered 'revoked'", async () => {
    const lea = await tokensOf('lea', 'lea-tablet');
    const annasPhone = await tokensOf('anna', 'lost-phone', true);
    const annasTablet = await tokensOf('anna', 'anna-tablet', true);
    const bensOnLost = await tokensOf('ben', 'lost-phone');
    const tom = await tokensOf('tom', 'lost-phone');
    const lostStream = await streamOf(annasPhone.token, 'lost-phone');
    const tabletStream = await streamOf(annasTablet.token, 'anna-tablet');
    const revokeAs = (token: string, device: string) =>
      h.request({
        method: 'POST',
        url: `/api/team/devices/${device}/revoke`,
        headers: { authorization: `Bearer ${token}` },
      });
    expect((await revokeAs(annasTablet.token, 'lost-phone')).statusCode).toBe(403);
    const unknown = await revokeAs(lea.token, 'unknown-device');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error).toEqual({
      code: 'not_found',
      message: 'Gerät nicht gefunden',
      field: null,
      messageKey: 'deviceNotFound',
      params: {},
    });
    expect((await revokeAs(lea.token, 'lost-phone')).statusCode).toBe(204);
    // The open live stream of the device ends at once; another device's stays.
    await lostStream.ended;
    tabletStream.close();

    for (const token of [annasPhone.token, bensOnLost.token]) {
      const response = await me(token);
      expect(response.statusCode).toBe(401);
      expect(codeOf(response)).toBe('revoked');
    }
    expect(codeOf(await refresh(annasPhone.refreshToken))).toBe('revoked');
    expect(codeOf(await login('anna', 'lost-phone'))).toBe('revoked');
    // A token of the team's user shown from that device is refused too.
    expect(codeOf(await me(annasTablet.token, 'lost-phone'))).toBe('revoked');
    // Elsewhere anna works on; the other team's tom, on the same device, is not Lea's to cut off.
    expect((await me(annasTablet.token, 'anna-tablet')).statusCode).toBe(200);
    expect((await me(tom.token)).statusCode).toBe(200);

    // A locked app on that device asks without a login, and learns only which teams revoked it.
    const revocationOf = (device?: string) =>
      h.request({
        method: 'GET',
        url: '/api/devices/revocation',
        headers: device ? { [DEVICE_HEADER]: device } : {},
      });
    expect((await revocationOf('lost-phone')).json()).toEqual({ revokedTeamIds: [lea.user.teamId] });
    expect((await revocationOf('anna-tablet')).json()).toEqual({ revokedTeamIds: [] });
    expect((await revocationOf()).statusCode).toBe(400);
    expect((await revocationOf('not a device id')).statusCode).toBe(400);

    const audit = await h.db.query<{ detail: unknown }>(
      "SELECT detail FROM audit_log WHERE action = 'device_revoked' AND user_id = $1",
      [lea.user.id],
    );
    expect(audit).toEqual([{ detail: { deviceId: 'lost-phone' } }]);
  });

  it('lets the lead revoke a user of the team: every session ends and the login is refused', async () => {
    const lea = await tokensOf('lea', 'lea-tablet-2');
    const ben = await tokensOf('ben', 'ben-phone', true);
    const tom = await tokensOf('tom', 'tom-phone');
    const bensStream = await streamOf(ben.token, 'ben-phone');
    const revoke = (token: string, userId: string) =>
      h.request({
        method: 'POST',
        url: `/api/team/users/${userId}/revoke`,
        headers: { authorization: `Bearer ${token}` },
      });
    expect((await revoke(ben.token, lea.user.id)).statusCode).toBe(403);
    expect((await revoke(lea.token, tom.user.id)).statusCode).toBe(404);
    expect((await revoke(lea.token, lea.user.id)).statusCode).toBe(400);
    expect((await revoke(lea.token, ben.user.id)).statusCode).toBe(204);
    await bensStream.ended;

    expect(codeOf(await me(ben.token))).toBe('revoked');
    expect(codeOf(await refresh(ben.refreshToken))).toBe('revoked');
    // The answer never depends on the password, so it tells no guesser that it was right:
    // ben's own phone learns 'revoked' either way (and wipes itself), anywhere else the
    // answer is that of a wrong password.
    const loginWith = (password: string, device?: string) =>
      h.request({
        method: 'POST',
        url: '/api/auth/login',
        headers: device ? { [DEVICE_HEADER]: device } : {},
        payload: { username: 'ben', password },
      });
    for (const password of [DEMO_PASSWORD, 'falsch']) {
      expect(codeOf(await loginWith(password, 'ben-phone'))).toBe('revoked');
      expect(codeOf(await loginWith(password, 'new-phone'))).toBe('unauthorized');
      expect(codeOf(await loginWith(password))).toBe('unauthorized');
    }
    const refusals = await h.db.query<{ deviceId: string | null; detail: Record<string, unknown> }>(
      `SELECT device_id AS "deviceId", detail FROM audit_log
        WHERE action = 'revoked_refused' AND user_id = $1 AND detail->>'via' = 'login' ORDER BY id`,
      [ben.user.id],
    );
    expect(refusals.map((r) => [r.deviceId, r.detail.passwordMatched, r.detail.answer])).toEqual([
      ['ben-phone', true, 'revoked'],
      ['new-phone', true, 'unauthorized'],
      [null, true, 'unauthorized'],
      ['ben-phone', false, 'revoked'],
      ['new-phone', false, 'unauthorized'],
      [null, false, 'unauthorized'],
    ]);
    expect((await me(lea.token)).statusCode).toBe(200);
  });

  it('answers a login from a revoked device the same, whatever the password', async () => {
    const lea = await tokensOf('lea', 'lea-tablet-3');
    await tokensOf('anna', 'stolen-phone', true);
    const revoked = await h.request({
      method: 'POST',
      url: '/api/team/devices/stolen-phone/revoke',
      headers: { authorization: `Bearer ${lea.token}` },
    });
    expect(revoked.statusCode).toBe(204);
    for (const password of [DEMO_PASSWORD, 'falsch']) {
      const response = await h.request({
        method: 'POST',
        url: '/api/auth/login',
        headers: { [DEVICE_HEADER]: 'stolen-phone' },
        payload: { username: 'anna', password },
      });
      expect(response.statusCode).toBe(401);
      expect(codeOf(response)).toBe('revoked');
    }
  });
});
