// Everything only a team's lead may do goes through one check (requireLeadOf):
// each such route refuses a worker of the team with 403 'forbidden' and its own
// message, before it reads the request's input, and changes nothing; a lead of
// another team is refused too.
import { describe, expect, it } from 'vitest';
import { Refusal } from '../../src/server/services/refusal';
import { requireLeadOf } from '../../src/server/services/visibility';
import type { MessageKey } from '../../src/shared/messages';
import { DEVICE_HEADER, type LoginResponse, type SessionUser } from '../../src/shared/protocol';
import { databaseTargets } from './helpers/databases';
import { type Harness, harnessForBlock } from './helpers/harness';
import { createFingerprinter } from './helpers/table-fingerprint';

const user = (role: SessionUser['role'], teamId: string): SessionUser => ({
  id: '00000000-0000-4000-8000-000000000001',
  username: 'someone',
  displayName: 'Jemand',
  role,
  teamId,
  teamName: 'Team',
  lockAfterMinutes: 10,
  administers: false,
  districts: [],
  emergencyContact: '',
});

describe('requireLeadOf', () => {
  const team = '00000000-0000-4000-8000-0000000000aa';
  const otherTeam = '00000000-0000-4000-8000-0000000000bb';

  it("passes the lead of the team and refuses everyone else 'forbidden' with the given message", () => {
    const lead = user('lead', team);
    expect(requireLeadOf(lead, team, 'onlyLeadRevokes')).toBe(lead);
    for (const actor of [user('worker', team), user('lead', otherTeam), user('worker', otherTeam)]) {
      let refusal: unknown;
      try {
        requireLeadOf(actor, team, 'onlyLeadRevokes');
      } catch (error) {
        refusal = error;
      }
      expect(refusal).toBeInstanceOf(Refusal);
      expect(refusal).toMatchObject({
        code: 'forbidden',
        message: 'Nur die Teamleitung kann Zugänge sperren',
        said: { key: 'onlyLeadRevokes', params: {} },
      });
    }
  });
});

describe.each(databaseTargets())('lead-only routes ($name)', (target) => {
  let h: Harness;
  let anna: LoginResponse;
  let lea: LoginResponse;
  harnessForBlock(target, ['anna', 'lea'], (opened, sessions) => {
    h = opened;
    [anna, lea] = sessions;
  });

  const teamCaseId = async () => {
    const [found] = await h.db.query<{ id: string }>(
      'SELECT id::text AS id FROM cases WHERE team_id = $1 ORDER BY id LIMIT 1',
      [lea.user.teamId],
    );
    if (!found) throw new Error('Team Nord needs a demo case');
    return found.id;
  };

  interface LeadOnlyRequest {
    method: 'GET' | 'POST' | 'PUT';
    url: () => Promise<string>;
    payload?: object;
    key: MessageKey;
    message: string;
  }

  /** A worker's refusal: the route's message as a key, and its German text as before. */
  const refusalOf = (request: LeadOnlyRequest) => ({
    code: 'forbidden',
    message: request.message,
    field: null,
    messageKey: request.key,
    params: {},
  });

  const requests: Record<string, LeadOnlyRequest> = {
    'team devices': {
      method: 'GET',
      url: async () => '/api/team/devices',
      key: 'onlyLeadSeesDevices',
      message: 'Nur die Teamleitung sieht die Geräte des Teams',
    },
    'revoke a device': {
      method: 'POST',
      url: async () => '/api/team/devices/lea-device/revoke',
      key: 'onlyLeadRevokes',
      message: 'Nur die Teamleitung kann Zugänge sperren',
    },
    'revoke a user': {
      method: 'POST',
      url: async () => `/api/team/users/${lea.user.id}/revoke`,
      key: 'onlyLeadRevokes',
      message: 'Nur die Teamleitung kann Zugänge sperren',
    },
    'team settings': {
      method: 'PUT',
      url: async () => '/api/team/settings',
      payload: { lockAfterMinutes: 42 },
      key: 'onlyLeadChangesTeamSettings',
      message: 'Nur die Teamleitung kann die Einstellungen des Teams ändern',
    },
    'case audit': {
      method: 'GET',
      url: async () => `/api/cases/${await teamCaseId()}/audit`,
      key: 'onlyLeadSeesCaseRecords',
      message: 'Nur die Teamleitung sieht das Protokoll und den Export eines Falls',
    },
    'case export': {
      method: 'GET',
      url: async () => `/api/cases/${await teamCaseId()}/export`,
      key: 'onlyLeadSeesCaseRecords',
      message: 'Nur die Teamleitung sieht das Protokoll und den Export eines Falls',
    },
  };

  const send = async (token: string, request: LeadOnlyRequest, url?: string, payload?: object) =>
    h.request({
      method: request.method,
      url: url ?? (await request.url()),
      headers: { authorization: `Bearer ${token}`, [DEVICE_HEADER]: 'anna-device' },
      ...((payload ?? request.payload) ? { payload: payload ?? request.payload } : {}),
    });

  it.each(Object.entries(requests))(
    "%s: a worker of the team gets 403 'forbidden' with the route's message, nothing changes",
    async (_name, request) => {
      // The device counts as seen now, so the refused request writes no "last seen" either.
      await h.request({
        method: 'GET',
        url: '/api/auth/me',
        headers: { authorization: `Bearer ${anna.token}`, [DEVICE_HEADER]: 'anna-device' },
      });
      const fingerprint = await createFingerprinter(h.db);
      const before = await fingerprint.take();
      const response = await send(anna.token, request);
      expect(response.statusCode).toBe(403);
      expect(response.json()).toEqual({ error: refusalOf(request) });
      expect(await fingerprint.take()).toEqual(before);
    },
  );

  it('refuses a worker before reading the input of routes that need no record to decide', async () => {
    const malformed: [LeadOnlyRequest | undefined, string, object?][] = [
      [requests['revoke a device'], '/api/team/devices/kein%20gerät/revoke'],
      [requests['revoke a user'], '/api/team/users/keine-id/revoke'],
      [requests['team settings'], '/api/team/settings', { lockAfterMinutes: -1, teamId: 'x' }],
    ];
    for (const [request, url, payload] of malformed) {
      if (!request) throw new Error('unknown lead-only request');
      const response = await send(anna.token, request, url, payload);
      expect(response.statusCode, url).toBe(403);
      expect(response.json().error).toEqual(refusalOf(request));
    }
  });

  it('answers the lead of the team', async () => {
    expect((await send(lea.token, requests['team devices'] as LeadOnlyRequest)).statusCode).toBe(200);
    expect((await send(lea.token, requests['case audit'] as LeadOnlyRequest)).statusCode).toBe(200);
  });
});
