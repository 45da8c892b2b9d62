import { describe, expect, it } from 'vitest';
import { ApiError, type LoginResponse } from '../../src/shared/protocol';
import { databaseTargets } from './helpers/databases';
import { caseData, createMutation } from './helpers/fixtures';
import { type Harness, harnessForBlock, syncHeaders } from './helpers/harness';
import { addAdministrator } from './helpers/people';
import { createFingerprinter } from './helpers/table-fingerprint';

describe.each(databaseTargets())('bad input ($name)', (target) => {
  let h: Harness;
  let anna: LoginResponse;

  harnessForBlock(target, ['anna'], (opened, sessions) => {
    h = opened;
    [anna] = sessions;
  });

  async function writeCounter(): Promise<string> {
    const rows = await h.db.query<{ value: string }>('SELECT value FROM sync_counter');
    return rows[0]?.value ?? '';
  }

  async function pushRaw(payload: string, contentType = 'application/json') {
    const response = await h.request({
      method: 'POST',
      url: '/api/sync/push',
      headers: { ...syncHeaders(anna.token), 'content-type': contentType },
      payload,
    });
    return { status: response.statusCode, error: ApiError.parse(response.json()).error };
  }

  const valid = () => ({
    mutations: [createMutation('case', caseData('00000000-0000-4000-8000-000000000000'))],
  });

  it('answers malformed push envelopes with 400 naming the field and changes nothing', async () => {
    const before = await writeCounter();
    const withoutRecordId = valid();
    delete (withoutRecordId.mutations[0] as Partial<(typeof withoutRecordId.mutations)[0]>).recordId;
    const cases: [unknown, string | null][] = [
      [{}, 'mutations'],
      [{ mutations: [] }, 'mutations'],
      [{ mutations: 'alle' }, 'mutations'],
      [withoutRecordId, 'mutations.0.recordId'],
      [{ mutations: [{ ...valid().mutations[0], baseVersion: 'eins' }] }, 'mutations.0.baseVersion'],
      [{ mutations: [{ ...valid().mutations[0], entity: 'user' }] }, 'mutations.0.entity'],
      [{ mutations: [{ ...valid().mutations[0], id: 'keine-uuid' }] }, 'mutations.0.id'],
      [{ mutations: [{ ...valid().mutations[0], extra: 1 }] }, 'mutations.0.extra'],
      [{ ...valid(), force: true }, 'force'],
      [{ mutations: Array.from({ length: 101 }, () => valid().mutations[0]) }, 'mutations'],
      [[1, 2], null],
      ['text', null],
      [null, null],
    ];
    for (const [body, field] of cases) {
      const { status, error } = await pushRaw(JSON.stringify(body));
      expect(status, JSON.stringify(body).slice(0, 80)).toBe(400);
      expect(error, JSON.stringify(body).slice(0, 80)).toMatchObject({ code: 'invalid', field });
    }
    expect(await writeCounter()).toBe(before);
  });

  it('answers invalid JSON, empty bodies and other content types with 400', async () => {
    for (const payload of ['{"mutations": [', '{mutations: []}', '']) {
      const { status, error } = await pushRaw(payload);
      expect(status, payload).toBe(400);
      expect(error.code).toBe('invalid');
    }
    for (const type of ['text/plain', 'application/xml', 'application/x-www-form-urlencoded']) {
      const { status, error } = await pushRaw(JSON.stringify(valid()), type);
      expect(status, type).toBe(400);
      expect(error).toMatchObject({ code: 'invalid', field: 'content-type' });
    }
  });

  it('answers the message as a key with its parameters next to the German text', async () => {
    const badId = await pushRaw(
      JSON.stringify({ mutations: [{ ...valid().mutations[0], id: 'keine-uuid' }] }),
    );
    expect(badId.error).toEqual({
      code: 'invalid',
      field: 'mutations.0.id',
      message: 'mutations.0.id: muss eine UUID sein',
      messageKey: 'notUuid',
      params: {},
    });
    const plainText = await pushRaw(JSON.stringify(valid()), 'text/plain');
    expect(plainText.error).toMatchObject({ messageKey: 'contentTypeNotJson', params: {} });

    const tooLong = caseData(anna.user.id, { reference: 'A'.repeat(41) });
    const [refused] = (await h.push(anna.token, [createMutation('case', tooLong)])).results;
    expect(refused).toMatchObject({
      status: 'rejected',
      code: 'invalid',
      field: 'reference',
      message: 'reference: darf höchstens 40 Zeichen lang sein',
      messageKey: 'tooLong',
      params: { max: 40 },
    });
  });

  it('refuses prototype poisoning', async () => {
    const body = JSON.stringify(valid()).replace('{', '{"__proto__": {"admin": true}, ');
    const { status, error } = await pushRaw(body);
    expect(status).toBe(400);
    expect(error.code).toBe('invalid');
  });

  it('refuses a body over the limit with 413', async () => {
    const huge = JSON.stringify({ mutations: [], padding: 'x'.repeat(11 * 1024 * 1024) });
    const { status, error } = await pushRaw(huge);
    expect(status).toBe(413);
    expect(error.code).toBe('payload_too_large');
    const login = await h.request({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'anna', password: 'x'.repeat(100_000) },
    });
    expect(login.statusCode).toBe(413);
  });

  it('refuses a malformed device id', async () => {
    const response = await h.request({
      method: 'POST',
      url: '/api/sync/push',
      headers: { ...syncHeaders(anna.token), 'x-feldakte-device': 'ein Gerät mit Leerzeichen' },
      payload: valid(),
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error).toEqual({
      code: 'invalid',
      field: 'x-feldakte-device',
      message: 'Ungültige Geräte-ID',
      messageKey: 'deviceIdInvalid',
      params: {},
    });
  });

  it('answers refusals before the route as keys too: login, app version, unknown address', async () => {
    const noLogin = await h.request({
      method: 'GET',
      url: '/api/sync/pull?cursor=0',
      headers: syncHeaders(''),
    });
    expect(noLogin.json().error).toEqual({
      code: 'unauthorized',
      field: 'authorization',
      message: 'Anmeldung erforderlich',
      messageKey: 'loginRequired',
      params: {},
    });
    const outdated = await h.request({
      method: 'GET',
      url: '/api/sync/pull?cursor=0',
      headers: { ...syncHeaders(anna.token), 'x-feldakte-protocol': '0' },
    });
    expect(outdated.json().error).toMatchObject({
      message: 'Diese App-Version ist veraltet (Protokoll 1 erforderlich). Bitte neu laden.',
      messageKey: 'appOutdated',
      params: { version: 1 },
    });
    const unknown = await h.request({ method: 'GET', url: '/api/nothing' });
    expect(unknown.json().error).toMatchObject({
      message: 'Unbekannte Adresse: GET /api/nothing',
      messageKey: 'unknownAddress',
      params: { method: 'GET', url: '/api/nothing' },
    });
  });

  it('answers unknown routes and methods with a JSON 404', async () => {
    for (const [method, url] of [
      ['GET', '/api/nothing'],
      ['DELETE', '/api/sync/push'],
      ['GET', '/'],
      ['POST', '/api'],
    ] as const) {
      const response = await h.request({ method, url });
      expect(response.statusCode, `${method} ${url}`).toBe(404);
      expect(ApiError.parse(response.json()).error.code).toBe('not_found');
    }
  });

  it('answers hostile input to the people, team, device-name and invitation routes with 400, changing nothing', async () => {
    await addAdministrator(h.db, 'hostile-admin');
    const admin = await h.login('hostile-admin');
    const { user } = admin;
    const routes: [string, string][] = [
      ['POST', '/api/people'],
      ['PATCH', `/api/people/${user.id}`],
      ['POST', '/api/teams'],
      ['PATCH', `/api/teams/${user.teamId}`],
      ['PUT', '/api/devices/hostile-device/name'],
      ['POST', '/api/auth/invitation'],
    ];
    const bodies = [
      '{"displayName": ',
      'null',
      '[]',
      '"text"',
      JSON.stringify({ name: ['x'], displayName: { a: 1 }, username: 7, code: null, password: true }),
      '{"__proto__": {"administers": true}, "name": "x"}',
      '{"constructor": {"prototype": {"administers": true}}}',
      `{"name": ${'['.repeat(1500)}${']'.repeat(1500)}}`,
      JSON.stringify({ name: 'x', displayName: 'x', extra: 1 }),
      JSON.stringify({
        name: `Team${String.fromCharCode(0)}`,
        displayName: `X${String.fromCharCode(0xd800)}`,
      }),
    ];
    const fingerprint = await createFingerprinter(h.db);
    const before = await fingerprint.take();
    for (const [method, url] of routes) {
      for (const payload of bodies) {
        const response = await h.request({
          method: method as 'POST',
          url,
          headers: {
            authorization: `Bearer ${admin.token}`,
            'x-feldakte-device': 'hostile-device',
            'content-type': 'application/json',
          },
          payload,
        });
        const label = `${method} ${url} ${payload.slice(0, 60)}`;
        expect(response.statusCode, label).toBe(400);
        const { error } = ApiError.parse(response.json());
        expect(error.code, label).toBe('invalid');
        expect(error.message, label).not.toMatch(/Expected|Invalid input|Unexpected/);
      }
    }
    expect(await fingerprint.take()).toEqual(before);
  });

  it('answers health without login and marks API answers as not cacheable', async () => {
    const response = await h.request({ method: 'GET', url: '/api/health' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: 'ok', protocolVersion: 1, database: target.name });
    expect(response.headers['cache-control']).toBe('no-store');
  });
});
