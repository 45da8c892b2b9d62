// Generators of malformed and hostile sync requests for the fuzz test. Each one
// makes a request the server must refuse - as a whole (4xx) or mutation by
// mutation (every result 'rejected') - from a seeded PRNG, so a failure can be
// replayed from its seed and request number.
import type { InjectOptions } from 'fastify';
import {
  DEVICE_HEADER,
  type Mutation,
  PROTOCOL_HEADER,
  PROTOCOL_VERSION,
} from '../../../src/shared/protocol';
import type { Random } from './prng';
import { type FuzzWorld, refusedMutations, validCreate } from './refused-mutations';

export interface HostileRequest {
  family: string;
  request: InjectOptions;
}

type Generator = (random: Random, world: FuzzWorld) => HostileRequest;

function headers(token: string, extra: Record<string, string> = {}): Record<string, string> {
  return {
    authorization: `Bearer ${token}`,
    [PROTOCOL_HEADER]: String(PROTOCOL_VERSION),
    [DEVICE_HEADER]: 'fuzz-device',
    ...extra,
  };
}

function push(token: string, body: unknown, extra: Record<string, string> = {}): InjectOptions {
  return {
    method: 'POST',
    url: '/api/sync/push',
    headers: { ...headers(token), 'content-type': 'application/json', ...extra },
    payload: typeof body === 'string' ? body : JSON.stringify(body),
  };
}

function pushAs(token: string, mutations: Mutation[]): InjectOptions {
  return push(token, { mutations });
}

const wrongValues: Record<keyof Mutation, unknown[]> = {
  id: ['', 'keine-uuid', 42, null, true, [], {}, '00000000-0000-4000-8000-000000000000x'],
  entity: ['user', 'member', 'team', 'Case', '', 7, null, ['case'], '__proto__', 'constructor'],
  op: ['upsert', 'DELETE', 'drop', '', 0, null, { op: 'create' }],
  recordId: ['1', 1, null, false, {}, 'x'.repeat(5000)],
  baseVersion: [-1, 1.5, '1', true, 2 ** 60, Number.MAX_VALUE, [], {}],
  data: ['text', 1, null, [], true, [['text', 'x']]],
  clientTime: ['gestern', 123, '', '2026-13-01T00:00:00Z', '2026-01-01', null, '2026-01-01T10:00:00+02:00'],
};

const mutationKeys = Object.keys(wrongValues) as (keyof Mutation)[];

function deeplyNested(depth: number, asArray: boolean): string {
  return asArray
    ? `${'['.repeat(depth)}1${']'.repeat(depth)}`
    : `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
}

const syncGenerators: Record<string, Generator> = {
  wrongType(r, w) {
    const base = validCreate(r, w) as unknown as Record<string, unknown>;
    const key = r.pick(mutationKeys);
    return {
      family: 'wrongType',
      request: push(w.worker.token, { mutations: [{ ...base, [key]: r.pick(wrongValues[key]) }] }),
    };
  },
  missingField(r, w) {
    const base: Record<string, unknown> = { ...validCreate(r, w) };
    delete base[r.pick(mutationKeys)];
    const envelope = r.chance(0.2) ? {} : { mutations: [base] };
    return { family: 'missingField', request: push(w.worker.token, envelope) };
  },
  badEnvelope(r, w) {
    const bodies: unknown[] = [
      { mutations: [] },
      { mutations: Array.from({ length: 101 }, () => validCreate(r, w)) },
      { mutations: validCreate(r, w) },
      { mutations: [validCreate(r, w)], force: true },
      [validCreate(r, w)],
      'mutations',
      null,
      42,
    ];
    return { family: 'badEnvelope', request: push(w.worker.token, JSON.stringify(r.pick(bodies))) };
  },
  duplicateIds(r, w) {
    const first = validCreate(r, w);
    const twin = r.chance(0.5) ? { ...first } : { ...validCreate(r, w), id: first.id };
    const mutations = [first, ...Array.from({ length: r.int(0, 3) }, () => validCreate(r, w)), twin];
    return { family: 'duplicateIds', request: pushAs(w.worker.token, mutations) };
  },
  refused(r, w) {
    const count = r.int(1, 4);
    const picks = Array.from({ length: count }, () => r.pick(refusedMutations)(r, w));
    const token = picks[0]?.token ?? 'worker';
    const mutations = picks.filter((p) => p.token === token).map((p) => p.mutation);
    return { family: 'refused', request: pushAs(w[token].token, mutations) };
  },
  protoPollution(r, w) {
    const valid = JSON.stringify({ mutations: [validCreate(r, w)] });
    const poison = r.pick([
      '"__proto__": {"isAdmin": true}',
      '"constructor": {"prototype": {"isAdmin": true}}',
    ]);
    const at = r.pick(['{', '"data":{', '"mutations":[{']);
    return { family: 'protoPollution', request: push(w.worker.token, valid.replace(at, `${at}${poison}, `)) };
  },
  deepNesting(r, w) {
    const nested = deeplyNested(r.int(100, 20_000), r.chance(0.5));
    const place = r.pick([
      `{"mutations":${nested}}`,
      `{"mutations":[${nested}]}`,
      JSON.stringify({ mutations: [validCreate(r, w)] }).replace('"data":{', `"data":{"deep":${nested},`),
    ]);
    return { family: 'deepNesting', request: push(w.worker.token, place) };
  },
  notJson(r, w) {
    const bodies = [
      '{"mutations": [',
      '{mutations: []}',
      "{'mutations': []}",
      '{"mutations": [],}',
      'NaN',
      '\ufeff{"mutations":[]}',
      String.fromCharCode(...Array.from({ length: r.int(1, 200) }, () => r.int(0, 255))),
      '',
      '{"mutations": [1, 2, 3]',
    ];
    return { family: 'notJson', request: push(w.worker.token, r.pick(bodies)) };
  },
  wrongContentType(r, w) {
    const type = r.pick([
      'text/plain',
      'application/xml',
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=x',
      'application/jsonx',
      'application/vnd.api+json',
      'image/png',
    ]);
    const body = JSON.stringify({ mutations: [validCreate(r, w)] });
    return { family: 'wrongContentType', request: push(w.worker.token, body, { 'content-type': type }) };
  },
  hugeBody(r, w) {
    const padding = 'x'.repeat(10 * 1024 * 1024 + r.int(1, 1024));
    return { family: 'hugeBody', request: push(w.worker.token, { mutations: [validCreate(r, w)], padding }) };
  },
  badHeaders(r, w) {
    const body = { mutations: [validCreate(r, w)] };
    const variant = r.pick<Record<string, string>>([
      { authorization: '' },
      { authorization: 'Bearer falsch' },
      { authorization: `Bearer ${'A'.repeat(43)}` },
      { authorization: `Basic ${w.worker.token}` },
      { [PROTOCOL_HEADER]: '0' },
      { [PROTOCOL_HEADER]: String(PROTOCOL_VERSION + 1) },
      { [PROTOCOL_HEADER]: '' },
      { [DEVICE_HEADER]: 'mein Gerät' },
      { [DEVICE_HEADER]: 'x'.repeat(101) },
    ]);
    return { family: 'badHeaders', request: push(w.worker.token, body, variant) };
  },
  badPull(r, w) {
    const query = r.pick([
      'cursor=abc',
      'cursor=-1',
      'cursor=1.5',
      'cursor=0x10',
      'cursor=',
      'cursor=%201',
      'cursor=1e3',
      `cursor=${'9'.repeat(r.int(20, 40))}`,
      'cursor=9999999999999999999',
      'cursor=%00',
      'cursor=1&cursor=2',
      'cursor[]=1',
      'limit=0',
      'limit=-5',
      `limit=${r.int(2001, 10 ** 9)}`,
      'limit=abc',
      'limit=1.5',
      'since=5',
      '__proto__[x]=1',
      'constructor[prototype][x]=1',
      `${'k'.repeat(r.int(1, 300))}=1`,
    ]);
    const token = r.pick([w.worker.token, w.lead.token]);
    const extra: Record<string, string> = r.chance(0.1) ? { [PROTOCOL_HEADER]: '0' } : {};
    return {
      family: 'badPull',
      request: { method: 'GET', url: `/api/sync/pull?${query}`, headers: headers(token, extra) },
    };
  },
};

/** A set-up request that would be valid on an empty installation (the fuzzed one has people: 409). */
const setupRequest = {
  setupCode: 'ABCD-EFGH-JKMN-PQRS',
  organisationName: 'Übernahme e. V.',
  teamName: 'Team X',
  displayName: 'Eve Eindringling',
  username: 'eve',
  password: 'Leuchtturm Kiesel 47',
};

const wrongSetupValues: Record<keyof typeof setupRequest, unknown[]> = {
  setupCode: ['', ' - ', 42, null, [], { code: 'x' }, 'x'.repeat(65), '\u0000'],
  organisationName: ['', '   ', 7, null, 'o'.repeat(201), ['Träger']],
  teamName: ['', 12, null, 't'.repeat(201), { name: 'x' }],
  displayName: ['', false, 'd'.repeat(201)],
  username: ['', 'mit leerzeichen', 'a/b', '<script>', 'x'.repeat(101), 5, null],
  password: [
    'kurz',
    'passwort1234',
    '123456789012',
    'qwertzuiop123',
    'eve-2024-2025!',
    'x'.repeat(1001),
    0,
    null,
  ],
};

/** A change of anna's password that must be refused: bad input, or a wrong current password. */
const wrongPasswordChanges: unknown[] = [
  {},
  { currentPassword: 'feldakte-demo' },
  { newPassword: 'Leuchtturm Kiesel 47' },
  { currentPassword: '', newPassword: 'Leuchtturm Kiesel 47' },
  { currentPassword: 'feldakte-demo', newPassword: 'kurz' },
  { currentPassword: 'feldakte-demo', newPassword: 'Passwort2024!' },
  { currentPassword: 'feldakte-demo', newPassword: 'aaaaaaaaaaaaaaaa' },
  { currentPassword: 'feldakte-demo', newPassword: 'anna-2024-2025!' },
  { currentPassword: 'feldakte-demo', newPassword: 'feldakte-demo' },
  { currentPassword: 'feldakte-demo', newPassword: 'Leuchtturm\u0000Kiesel' },
  { currentPassword: 'feldakte-demo', newPassword: 'Leuchtturm Kiesel 47', userId: 'ben' },
  { currentPassword: 'falsch', newPassword: 'Leuchtturm Kiesel 47' },
  { currentPassword: 7, newPassword: 'Leuchtturm Kiesel 47' },
  { currentPassword: 'feldakte-demo', newPassword: ['Leuchtturm Kiesel 47'] },
  [],
  'passwort',
];

/** Team settings a lead must not be able to store. */
const wrongTeamSettings: unknown[] = [
  {},
  { lockAfterMinutes: 0 },
  { lockAfterMinutes: 121 },
  { lockAfterMinutes: '10' },
  { lockAfterMinutes: 10, districts: ['Altstadt', 'altstadt'] },
  { lockAfterMinutes: 10, districts: ['Hafen', ' HAFEN '] },
  { lockAfterMinutes: 10, districts: [''] },
  { lockAfterMinutes: 10, districts: 'Altstadt' },
  { lockAfterMinutes: 10, districts: [42] },
  { lockAfterMinutes: 10, districts: Array.from({ length: 101 }, (_, i) => `Bezirk ${i}`) },
  { lockAfterMinutes: 10, districts: ['x'.repeat(101)] },
  { lockAfterMinutes: 10, districts: ['Alt\u0000stadt'] },
  { lockAfterMinutes: 10, emergencyContact: 'x'.repeat(501) },
  { lockAfterMinutes: 10, emergencyContact: 110 },
  { lockAfterMinutes: 10, teamId: '00000000-0000-4000-8000-000000000000' },
  [],
];

function json(
  method: 'POST' | 'PUT',
  url: string,
  body: unknown,
  extra: Record<string, string> = {},
): InjectOptions {
  return {
    method,
    url,
    headers: { 'content-type': 'application/json', ...extra },
    payload: typeof body === 'string' ? body : JSON.stringify(body),
  };
}

export const accountGenerators: Record<string, Generator> = {
  badSetup(r, w) {
    const key = r.pick(Object.keys(wrongSetupValues) as (keyof typeof setupRequest)[]);
    const body: unknown = r.pick([
      { ...setupRequest, [key]: r.pick(wrongSetupValues[key]) },
      { ...setupRequest, role: 'admin' },
      { ...setupRequest, refresh: 'ja' },
      setupRequest,
      '{"setupCode": ',
      [setupRequest],
    ]);
    const extra = r.chance(0.3) ? headers(w.worker.token) : {};
    return { family: 'badSetup', request: json('POST', '/api/setup', body, extra) };
  },
  badPasswordChange(r, w) {
    const token = r.pick([w.worker.token, w.lead.token]);
    const body = r.pick(wrongPasswordChanges);
    return { family: 'badPasswordChange', request: json('POST', '/api/auth/password', body, headers(token)) };
  },
  badTeamSettings(r, w) {
    // A worker is refused whatever they send; the lead for what they send.
    const asWorker = r.chance(0.2);
    const body = asWorker ? { lockAfterMinutes: 15, districts: ['Altstadt'] } : r.pick(wrongTeamSettings);
    const token = asWorker ? w.worker.token : w.lead.token;
    return { family: 'badTeamSettings', request: json('PUT', '/api/team/settings', body, headers(token)) };
  },
};

export const generators: Record<string, Generator> = { ...syncGenerators, ...accountGenerators };

/** Heavy requests (10 MB bodies, 300 KB fields) are rarer so the run stays short. */
const familyWeights: Record<string, number> = {
  wrongType: 12,
  missingField: 6,
  badEnvelope: 5,
  duplicateIds: 6,
  refused: 30,
  protoPollution: 5,
  deepNesting: 4,
  notJson: 6,
  wrongContentType: 4,
  hugeBody: 0.2,
  badHeaders: 6,
  badPull: 15,
  badSetup: 4,
  badPasswordChange: 4,
  badTeamSettings: 4,
};

export function pickFamily(random: Random): string {
  const entries = Object.entries(familyWeights);
  const total = entries.reduce((sum, [, weight]) => sum + weight, 0);
  let roll = random.next() * total;
  for (const [family, weight] of entries) {
    roll -= weight;
    if (roll < 0) return family;
  }
  return entries[0]?.[0] ?? 'wrongType';
}
