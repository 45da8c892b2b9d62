// The access walk: every /api route the app registers, visited as each demo user
// (anna and ben: workers of Team Nord, lea: its lead, tom: worker of Team Süd,
// ada: an administrator in Team Nord, added here),
// checked against an oracle computed here from the tables and the rules, not from
// the server's own visibility code:
//   - a worker may see the cases assigned to them and those of a substitution
//     for them in force today, with their children; their own pre-consultations;
//     the team's partners and members;
//   - a lead the whole team; nobody anything of another team.
// No answer may carry a record outside that, and no request may change one
// (all tables are fingerprinted around the attempts). A route without a visitor
// here fails the walk, so a new endpoint cannot be forgotten.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { routesOf } from '../../src/server/app';
import { localIsoDate } from '../../src/shared/local-date';
import {
  type CaseAuditResponse,
  CaseExport,
  type Change,
  DEVICE_HEADER,
  type LoginResponse,
  type Mutation,
  NewPersonResponse,
  PeopleResponse,
  PROTOCOL_HEADER,
  PROTOCOL_VERSION,
  SessionTokens,
  type TeamDevicesResponse,
} from '../../src/shared/protocol';
import type { MutableEntity } from '../../src/shared/records';
import { databaseTargets } from './helpers/databases';
import { openEventStream } from './helpers/event-stream';
import {
  appointmentData,
  commentData,
  createMutation,
  deleteMutation,
  goalData,
  noteData,
  substitutionData,
  updateMutation,
} from './helpers/fixtures';
import { createHarness, type Harness } from './helpers/harness';
import { addAdministrator } from './helpers/people';
import { createFingerprinter } from './helpers/table-fingerprint';

const USERNAMES = ['anna', 'ben', 'lea', 'tom', 'ada'] as const;
type Username = (typeof USERNAMES)[number];

interface Stored {
  entity: MutableEntity;
  id: string;
  teamId: string;
  version: number;
  caseId: string | null;
  workerId: string | null;
}

const tables: Record<
  MutableEntity,
  { table: string; caseColumn: string | null; workerColumn: string | null }
> = {
  case: { table: 'cases', caseColumn: 'id', workerColumn: null },
  note: { table: 'notes', caseColumn: 'case_id', workerColumn: null },
  appointment: { table: 'appointments', caseColumn: 'case_id', workerColumn: null },
  preConsultation: { table: 'pre_consultations', caseColumn: null, workerColumn: 'worker_id' },
  substitution: { table: 'substitutions', caseColumn: 'case_id', workerColumn: null },
  goal: { table: 'goals', caseColumn: 'case_id', workerColumn: null },
  comment: { table: 'comments', caseColumn: 'case_id', workerColumn: null },
  partner: { table: 'partners', caseColumn: null, workerColumn: null },
};

/** A valid change of one field per entity: applied, it would show in the fingerprint. */
const patchOf: Record<MutableEntity, Record<string, unknown>> = {
  case: { phone: '0000 gehackt' },
  note: { text: 'gehackt' },
  appointment: { place: 'gehackt' },
  preConsultation: { advice: 'gehackt' },
  substitution: { until: '2099-12-31' },
  goal: { title: 'gehackt' },
  comment: { text: 'gehackt' },
  partner: { contact: 'gehackt' },
};

describe.each(databaseTargets())('access walk over every endpoint ($name)', (target) => {
  let h: Harness;
  let baseUrl: string;
  const users = {} as Record<Username, LoginResponse>;
  const visited = new Set<string>();

  beforeAll(async () => {
    h = await createHarness(target);
    await addAdministrator(h.db, 'ada');
    for (const name of USERNAMES) users[name] = await h.login(name);
    // Ben stands in for Anna on one case now, and stood in on another in the past.
    const { changes } = await h.pullAll(users.anna.token);
    const [current, past] = changes.filter((c) => c.entity === 'case').map((c) => c.record.id);
    if (!current || !past) throw new Error('anna needs two demo cases');
    const today = localIsoDate(new Date());
    const results = await h.push(users.lea.token, [
      createMutation(
        'substitution',
        substitutionData(current, users.ben.user.id, { from: today, until: '2099-12-31' }),
      ),
      createMutation(
        'substitution',
        substitutionData(past, users.ben.user.id, { from: '2020-01-01', until: '2020-01-05' }),
      ),
    ]);
    expect(results.results.map((r) => r.status)).toEqual(['applied', 'applied']);
    await h.app.listen({ port: 0, host: '127.0.0.1' });
    const address = h.app.server.address();
    baseUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  });
  afterAll(() => h?.close());

  const headers = (name: Username, extra: Record<string, string> = {}) => ({
    authorization: `Bearer ${users[name].token}`,
    [PROTOCOL_HEADER]: String(PROTOCOL_VERSION),
    [DEVICE_HEADER]: `${name}-device`,
    ...extra,
  });

  // --- The oracle -------------------------------------------------------------------

  async function visibleCaseIds(name: Username): Promise<Set<string>> {
    const { user } = users[name];
    const rows = await h.db.query<{ id: string }>(
      `SELECT c.id::text AS id FROM cases c WHERE c.team_id = $1 AND ($2 OR c.assigned_to = $3 OR EXISTS (
         SELECT 1 FROM substitutions s WHERE s.case_id = c.id AND s.substitute_id = $3
           AND s.deleted_at IS NULL AND s.from_date <= $4::date AND s.until_date >= $4::date))`,
      [user.teamId, user.role === 'lead', user.id, localIsoDate(new Date())],
    );
    return new Set(rows.map((row) => row.id));
  }

  async function everyRecord(): Promise<Stored[]> {
    const all: Stored[] = [];
    for (const [entity, spec] of Object.entries(tables) as [
      MutableEntity,
      (typeof tables)[MutableEntity],
    ][]) {
      const rows = await h.db.query<Omit<Stored, 'entity'>>(
        `SELECT id::text AS id, team_id::text AS "teamId", version,
                ${spec.caseColumn ? `${spec.caseColumn}::text` : 'NULL'} AS "caseId",
                ${spec.workerColumn ? `${spec.workerColumn}::text` : 'NULL'} AS "workerId"
         FROM ${spec.table} WHERE deleted_at IS NULL`,
      );
      all.push(...rows.map((row) => ({ ...row, entity })));
    }
    return all;
  }

  async function oracleOf(name: Username) {
    const { user } = users[name];
    const cases = await visibleCaseIds(name);
    const isLead = user.role === 'lead';
    return {
      cases,
      maySee(entity: string, record: Record<string, unknown>): boolean {
        if (record.teamId !== user.teamId) return false;
        switch (entity) {
          case 'case':
            return cases.has(String(record.id));
          case 'preConsultation':
            return isLead || record.workerId === user.id;
          case 'partner':
          case 'member':
            return true;
          default:
            return cases.has(String(record.caseId));
        }
      },
    };
  }

  async function expectOnlyVisible(name: Username, changes: readonly Change[]) {
    const oracle = await oracleOf(name);
    const foreign = changes.filter((c) => !oracle.maySee(c.entity, c.record as Record<string, unknown>));
    expect(
      foreign.map((c) => `${c.entity} ${c.record.id}`),
      `${name} received foreign records`,
    ).toEqual([]);
  }

  // --- One visitor per route ----------------------------------------------------------

  const visitors: Record<string, (name: Username) => Promise<void>> = {
    async 'GET /api/health'() {
      const response = await h.request({ method: 'GET', url: '/api/health' });
      expect(Object.keys(response.json()).sort()).toEqual(['database', 'protocolVersion', 'status']);
    },

    async 'POST /api/auth/login'(name) {
      const response = await h.request({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: name, password: 'feldakte-demo' },
      });
      const body = response.json<LoginResponse>();
      expect(body.user.id).toBe(users[name].user.id);
      expect(Object.keys(body).sort()).toEqual(expect.arrayContaining(['expiresAt', 'token', 'user']));
    },

    async 'GET /api/auth/me'(name) {
      const response = await h.request({ method: 'GET', url: '/api/auth/me', headers: headers(name) });
      expect(response.json().user.id).toBe(users[name].user.id);
    },

    async 'POST /api/auth/logout'(name) {
      const fresh = await h.login(name);
      const logout = await h.request({
        method: 'POST',
        url: '/api/auth/logout',
        headers: { authorization: `Bearer ${fresh.token}` },
      });
      expect(logout.statusCode).toBe(204);
      // Only that session ended: everyone's own session still works.
      for (const other of USERNAMES) {
        const me = await h.request({ method: 'GET', url: '/api/auth/me', headers: headers(other) });
        expect(me.statusCode, `${other} after ${name}'s logout`).toBe(200);
      }
    },

    async 'GET /api/devices/revocation'(name) {
      // No login: it names only teams that revoked the device in the header, which no one did here.
      const response = await h.request({
        method: 'GET',
        url: '/api/devices/revocation',
        headers: { [DEVICE_HEADER]: name },
      });
      expect(response.json()).toEqual({ revokedTeamIds: [] });
    },

    async 'POST /api/devices/status'(name) {
      const others = () =>
        h.db.query(
          'SELECT device_id, user_id, pending_count FROM devices WHERE user_id <> $1 ORDER BY 1, 2',
          [users[name].user.id],
        );
      const before = await others();
      const response = await h.request({
        method: 'POST',
        url: '/api/devices/status',
        headers: headers(name),
        payload: { pendingCount: 7, oldestPendingAt: null },
      });
      expect(response.statusCode).toBe(204);
      expect(await others()).toEqual(before);
    },

    async 'GET /api/team/devices'(name) {
      const response = await h.request({ method: 'GET', url: '/api/team/devices', headers: headers(name) });
      if (users[name].user.role !== 'lead') {
        expect(response.statusCode).toBe(403);
        return;
      }
      const members = await h.db.query<{ id: string }>(
        'SELECT id::text AS id FROM users WHERE team_id = $1',
        [users[name].user.teamId],
      );
      const memberIds = new Set(members.map((m) => m.id));
      const { devices } = response.json<TeamDevicesResponse>();
      expect(devices.length).toBeGreaterThan(0);
      expect(devices.filter((d) => !memberIds.has(d.userId))).toEqual([]);
    },

    async 'GET /api/events'(name) {
      // Everyone listens while anna writes a § 8a note on her own case: only her
      // team's lead hears the concern; the other team hears nothing at all.
      const streams = await Promise.all(
        USERNAMES.map((listener) =>
          openEventStream(baseUrl, users[listener].token, { [DEVICE_HEADER]: listener }),
        ),
      );
      try {
        const annasCase = [...(await visibleCaseIds('anna'))][0] ?? '';
        const note = createMutation(
          'note',
          noteData(annasCase, { concern8a: true, text: `Sorge (${name})` }),
        );
        await h.push(users.anna.token, [note]);
        const byName = Object.fromEntries(USERNAMES.map((n, i) => [n, streams[i]]));
        await byName.lea?.waitFor((e) => e.type === 'concern' && e.noteId === note.recordId);
        await byName.ben?.waitFor((e) => e.type === 'changes');
        for (const listener of ['anna', 'ben', 'tom'] as const) {
          expect(
            byName[listener]?.events.filter((e) => e.type === 'concern'),
            listener,
          ).toEqual([]);
        }
        expect(byName.tom?.events).toEqual([]);
      } finally {
        for (const stream of streams) stream.close();
      }
    },

    async 'GET /api/sync/pull'(name) {
      const { changes } = await h.pullAll(users[name].token);
      await expectOnlyVisible(name, changes);
      const oracle = await oracleOf(name);
      const pulledCases = new Set(changes.filter((c) => c.entity === 'case').map((c) => c.record.id));
      expect(pulledCases).toEqual(oracle.cases);
      if (name === 'ben') expect(oracle.cases.size).toBeGreaterThan(0);
    },

    async 'POST /api/sync/push'(name) {
      const oracle = await oracleOf(name);
      const foreign = (await everyRecord()).filter(
        (r) => !oracle.maySee(r.entity, r as unknown as Record<string, unknown>),
      );
      expect(foreign.length).toBeGreaterThan(0);
      const mutations: Mutation[] = [];
      for (const record of foreign) {
        mutations.push(updateMutation(record.entity, record.id, patchOf[record.entity], record.version));
        if (record.entity !== 'case')
          mutations.push(deleteMutation(record.entity, record.id, record.version));
        if (record.entity === 'case') {
          mutations.push(
            createMutation('note', noteData(record.id)),
            createMutation('appointment', appointmentData(record.id)),
            createMutation('goal', goalData(record.id)),
            createMutation('substitution', substitutionData(record.id, users[name].user.id)),
          );
        }
        if (record.entity === 'note' && record.caseId) {
          mutations.push(createMutation('comment', commentData(record.caseId, record.id)));
        }
      }
      const fingerprint = await createFingerprinter(h.db);
      const before = await fingerprint.take();
      for (let i = 0; i < mutations.length; i += 100) {
        const { results } = await h.push(users[name].token, mutations.slice(i, i + 100), `${name}-device`);
        const applied = results.filter((r) => r.status !== 'rejected');
        expect(applied, `${name} changed foreign records`).toEqual([]);
      }
      expect(await fingerprint.take()).toEqual(before);
      // Every kind of record was attempted: other teams' and colleagues' cases, notes, partners...
      const attempted = new Set(foreign.map((r) => r.entity));
      for (const entity of ['case', 'note', 'appointment', 'goal'] as const) {
        expect(attempted.has(entity), `${name} attempted ${entity}`).toBe(true);
      }
    },

    async 'POST /api/auth/refresh'(name) {
      const own = await h.request({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: name, password: 'feldakte-demo', refresh: true },
      });
      const { refreshToken } = SessionTokens.parse(own.json());
      const response = await h.request({
        method: 'POST',
        url: '/api/auth/refresh',
        payload: { refreshToken },
      });
      expect(SessionTokens.parse(response.json()).user.id).toBe(users[name].user.id);
    },

    // Revocation is tried only where it must be refused; tests/server/sessions.test.ts
    // revokes for real (it would end the sessions this walk goes on with).
    async 'POST /api/team/devices/:deviceId/revoke'(name) {
      for (const other of USERNAMES) {
        const device = `${other}-device`;
        const sameTeam = users[other].user.teamId === users[name].user.teamId;
        if (users[name].user.role === 'lead' && sameTeam) continue; // would succeed
        const response = await h.request({
          method: 'POST',
          url: `/api/team/devices/${device}/revoke`,
          headers: headers(name),
        });
        if (users[name].user.role !== 'lead')
          expect(response.statusCode, `${name} revokes ${device}`).toBe(403);
        else if (!sameTeam) expect(response.statusCode, `${name} revokes ${device}`).toBe(404);
      }
      expect(await h.db.query('SELECT device_id FROM revoked_devices')).toEqual([]);
    },

    async 'POST /api/team/users/:userId/revoke'(name) {
      for (const other of USERNAMES) {
        const sameTeam = users[other].user.teamId === users[name].user.teamId;
        if (users[name].user.role === 'lead' && sameTeam && other !== name) continue; // would succeed
        const response = await h.request({
          method: 'POST',
          url: `/api/team/users/${users[other].user.id}/revoke`,
          headers: headers(name),
        });
        if (users[name].user.role !== 'lead')
          expect(response.statusCode, `${name} revokes ${other}`).toBe(403);
        else if (!sameTeam) expect(response.statusCode, `${name} revokes ${other}`).toBe(404);
        else if (other === name) expect(response.statusCode).toBe(400);
      }
      expect(await h.db.query('SELECT id FROM users WHERE revoked_at IS NOT NULL')).toEqual([]);
    },

    // A lead changes only their own team's settings; the body cannot name another team.
    async 'PUT /api/team/settings'(name) {
      const { user } = users[name];
      const settingsOf = async () =>
        Object.fromEntries(
          (
            await h.db.query<{ id: string; minutes: number }>(
              'SELECT id::text AS id, lock_after_minutes AS minutes FROM teams',
            )
          ).map((team) => [team.id, team.minutes]),
        );
      const before = await settingsOf();
      const otherTeam = users.tom.user.teamId === user.teamId ? users.lea.user.teamId : users.tom.user.teamId;
      const put = (payload: object) =>
        h.request({ method: 'PUT', url: '/api/team/settings', headers: headers(name), payload });
      const naming = await put({ lockAfterMinutes: 42, teamId: otherTeam });
      expect(naming.statusCode, `${name} names another team`).toBe(user.role === 'lead' ? 400 : 403);
      expect(await settingsOf()).toEqual(before);

      const response = await put({ lockAfterMinutes: 42 });
      if (user.role !== 'lead') {
        expect(response.statusCode, `${name} changes the settings`).toBe(403);
        expect(await settingsOf()).toEqual(before);
        return;
      }
      expect(response.statusCode).toBe(200);
      expect(response.json()).toEqual({ lockAfterMinutes: 42 });
      expect(await settingsOf()).toEqual({ ...before, [user.teamId]: 42 });
      // Put back what was there, so the rest of the walk sees the demo teams unchanged.
      const restored = await put({ lockAfterMinutes: before[user.teamId] ?? 10 });
      expect(restored.statusCode).toBe(200);
      expect(await settingsOf()).toEqual(before);
    },

    async 'GET /api/cases/:caseId/audit'(name) {
      await visitCaseRoute(name, 'audit');
    },

    async 'GET /api/cases/:caseId/export'(name) {
      await visitCaseRoute(name, 'export');
    },
  };

  // --- People and teams ("Team & Zugänge") ---------------------------------------------

  const isAdministrator = (name: Username) =>
    users[name].user.role === 'admin' || users[name].user.administers;
  const isManager = (name: Username) => isAdministrator(name) || users[name].user.role === 'lead';
  /** Whether `name` may change `other`: an administrator anyone, a lead their team but no administrator. */
  const mayChange = (name: Username, other: Username) =>
    isAdministrator(name) ||
    (users[name].user.role === 'lead' &&
      users[other].user.teamId === users[name].user.teamId &&
      !isAdministrator(other));
  let walkPeople = 0;

  /** A person only this visit uses, in the visitor's team, created as the visitor. */
  async function throwawayPerson(name: Username): Promise<string> {
    walkPeople += 1;
    const response = await h.request({
      method: 'POST',
      url: '/api/people',
      headers: headers(name),
      payload: {
        displayName: `Walk ${walkPeople}`,
        username: `walk-${walkPeople}`,
        role: 'worker',
        teamId: users[name].user.teamId,
      },
    });
    expect(response.statusCode, response.body).toBe(200);
    return NewPersonResponse.parse(response.json()).person.id;
  }

  /** Tries a people route on every walk user where it must be refused; nothing changes. */
  async function refusedOnOthers(
    name: Username,
    url: (id: string) => string,
    method: 'POST' | 'PATCH',
    payload?: object,
  ) {
    const fingerprint = await createFingerprinter(h.db);
    const before = await fingerprint.take();
    for (const other of USERNAMES) {
      if (mayChange(name, other)) continue;
      const response = await h.request({
        method,
        url: url(users[other].user.id),
        headers: headers(name),
        ...(payload ? { payload } : {}),
      });
      expect(response.statusCode, `${name} ${method} ${url(other)}`).toBe(403);
    }
    expect(await fingerprint.take()).toEqual(before);
  }

  Object.assign(visitors, {
    async 'POST /api/auth/invitation'(name: Username) {
      const fingerprint = await createFingerprinter(h.db);
      const before = await fingerprint.take();
      const response = await h.request({
        method: 'POST',
        url: '/api/auth/invitation',
        payload: { username: name, code: 'AAAA-BBBB-CCCC-DDDD', password: 'ein-langes-passwort' },
        remoteAddress: `192.0.2.${USERNAMES.indexOf(name) + 1}`,
      });
      expect(response.statusCode).toBe(401);
      expect(await fingerprint.take()).toEqual(before);
    },

    async 'GET /api/people'(name: Username) {
      const response = await h.request({ method: 'GET', url: '/api/people', headers: headers(name) });
      if (!isManager(name)) {
        expect(response.statusCode).toBe(403);
        return;
      }
      const { people, teams } = PeopleResponse.parse(response.json());
      const { teamId } = users[name].user;
      if (!isAdministrator(name)) {
        expect(people.filter((p) => p.teamId !== teamId)).toEqual([]);
        expect(teams.map((t) => t.id)).toEqual([teamId]);
      }
      const all = await h.db.query<{ id: string; teamId: string }>(
        'SELECT id::text AS id, team_id::text AS "teamId" FROM users',
      );
      const expected = all.filter((u) => isAdministrator(name) || u.teamId === teamId).map((u) => u.id);
      expect(people.map((p) => p.id).sort()).toEqual(expected.sort());
    },

    async 'POST /api/people'(name: Username) {
      const otherTeam =
        users.tom.user.teamId === users[name].user.teamId ? users.lea.user.teamId : users.tom.user.teamId;
      const fingerprint = await createFingerprinter(h.db);
      const before = await fingerprint.take();
      const refused = await h.request({
        method: 'POST',
        url: '/api/people',
        headers: headers(name),
        payload: { displayName: 'Fremd', username: `fremd-${name}`, role: 'worker', teamId: otherTeam },
      });
      if (!isAdministrator(name)) {
        expect(refused.statusCode, `${name} adds to another team`).toBe(403);
        expect(await fingerprint.take()).toEqual(before);
      } else {
        expect(refused.statusCode).toBe(200);
      }
      if (isManager(name)) await throwawayPerson(name);
    },

    async 'PATCH /api/people/:personId'(name: Username) {
      await refusedOnOthers(name, (id) => `/api/people/${id}`, 'PATCH', { displayName: 'Gehackt' });
      for (const other of USERNAMES) {
        if (!mayChange(name, other)) continue;
        const same = await h.request({
          method: 'PATCH',
          url: `/api/people/${users[other].user.id}`,
          headers: headers(name),
          payload: { displayName: users[other].user.displayName },
        });
        expect(same.statusCode, `${name} renames ${other}`).toBe(200);
      }
    },

    async 'POST /api/people/:personId/password-reset'(name: Username) {
      await refusedOnOthers(name, (id) => `/api/people/${id}/password-reset`, 'POST');
      if (!isManager(name)) return;
      const id = await throwawayPerson(name);
      const reset = await h.request({
        method: 'POST',
        url: `/api/people/${id}/password-reset`,
        headers: headers(name),
      });
      expect(reset.statusCode).toBe(200);
    },

    async 'POST /api/people/:personId/block'(name: Username) {
      await refusedOnOthers(name, (id) => `/api/people/${id}/block`, 'POST');
      if (!isManager(name)) return;
      const own = await h.request({
        method: 'POST',
        url: `/api/people/${users[name].user.id}/block`,
        headers: headers(name),
      });
      expect(own.statusCode).toBe(400);
      const id = await throwawayPerson(name);
      const block = await h.request({
        method: 'POST',
        url: `/api/people/${id}/block`,
        headers: headers(name),
      });
      expect(block.json()).toMatchObject({ status: 'blocked' });
      // Put back, so the rest of the walk finds nobody revoked.
      const unblock = await h.request({
        method: 'POST',
        url: `/api/people/${id}/unblock`,
        headers: headers(name),
      });
      expect(unblock.json()).toMatchObject({ status: 'invited' });
    },

    async 'POST /api/people/:personId/unblock'(name: Username) {
      await refusedOnOthers(name, (id) => `/api/people/${id}/unblock`, 'POST');
    },

    async 'POST /api/teams'(name: Username) {
      const response = await h.request({
        method: 'POST',
        url: '/api/teams',
        headers: headers(name),
        payload: { name: `Team von ${name}` },
      });
      expect(response.statusCode, `${name} creates a team`).toBe(isAdministrator(name) ? 200 : 403);
    },

    async 'PATCH /api/teams/:teamId'(name: Username) {
      const { teamId, teamName } = users[name].user;
      const response = await h.request({
        method: 'PATCH',
        url: `/api/teams/${teamId}`,
        headers: headers(name),
        payload: { name: teamName },
      });
      expect(response.statusCode, `${name} renames their team`).toBe(isAdministrator(name) ? 200 : 403);
    },

    async 'PUT /api/devices/:deviceId/name'(name: Username) {
      for (const other of USERNAMES) {
        const response = await h.request({
          method: 'PUT',
          url: `/api/devices/${other}-device/name`,
          headers: headers(name),
          payload: { name: 'Mein Gerät' },
        });
        expect(response.statusCode, `${name} names ${other}-device`).toBe(other === name ? 200 : 404);
      }
    },
  });

  async function visitCaseRoute(name: Username, what: 'audit' | 'export') {
    const { user } = users[name];
    const cases = await h.db.query<{ id: string; teamId: string }>(
      'SELECT id::text AS id, team_id::text AS "teamId" FROM cases ORDER BY id',
    );
    for (const { id, teamId } of cases) {
      const response = await h.request({
        method: 'GET',
        url: `/api/cases/${id}/${what}`,
        headers: headers(name),
      });
      const expected = teamId !== user.teamId ? 404 : user.role === 'lead' ? 200 : 403;
      expect(response.statusCode, `${name} ${what} ${id}`).toBe(expected);
      if (expected !== 200) {
        expect(response.body).not.toContain('"familyName"');
        continue;
      }
      if (what === 'audit') {
        expect(response.json<CaseAuditResponse>().caseId).toBe(id);
        continue;
      }
      const exported = CaseExport.parse(response.json());
      expect(exported.case.id).toBe(id);
      for (const list of [
        exported.notes,
        exported.appointments,
        exported.goals,
        exported.comments,
        exported.substitutions,
      ]) {
        expect(list.filter((r) => r.caseId !== id)).toEqual([]);
      }
      const [source] = await h.db.query<{ source: string | null }>(
        'SELECT source_pre_consultation_id::text AS source FROM cases WHERE id = $1',
        [id],
      );
      for (const pre of exported.preConsultations) {
        expect(pre.convertedCaseId === id || pre.id === source?.source, `pre-consultation ${pre.id}`).toBe(
          true,
        );
      }
    }
  }

  it('has a visitor for every /api route the app registered', () => {
    const registered = routesOf(h.app)
      .filter((route) => route.url.startsWith('/api'))
      .map((route) => `${route.method} ${route.url}`);
    expect(registered.length).toBeGreaterThan(5);
    expect(
      registered.filter((route) => !(route in visitors)),
      'routes nobody walks',
    ).toEqual([]);
    expect(
      Object.keys(visitors).filter((route) => !registered.includes(route)),
      'visitors of no route',
    ).toEqual([]);
  });

  for (const route of Object.keys(visitors)) {
    it(`${route}: nobody sees or changes what is not theirs`, async () => {
      for (const name of USERNAMES) await visitors[route]?.(name);
      visited.add(route);
    });
  }

  it('walked every route as every user', () => {
    expect([...visited].sort()).toEqual(Object.keys(visitors).sort());
  });
});
