// The client side of set-up, invitation codes, password change and "Team &
// Zugänge" against the protocol (people.ts), with msw as the server: what each
// call sends, that answers are checked, and how refusals are said in German.
import i18next, { type TFunction } from 'i18next';
import { HttpResponse, http } from 'msw';
import { beforeAll, describe, expect, it } from 'vitest';
import { deShell } from '../../src/i18n';
import type { PeopleResponse, Person, SessionTokens } from '../../src/shared/protocol';
import { ADMIN_PATHS, createAdminApi } from '../../src/sync/admin-api';
import {
  API_PATHS,
  createApiClient,
  HttpError,
  NetworkError,
  ProtocolError,
} from '../../src/sync/api-client';
import { sayError } from '../../src/ui/forms/say-message';
import { BASE_URL, DEVICE_ID, mswServer, startMswForThisFile } from './support/protocol-harness';

startMswForThisFile();

const TEAM_ID = '22222222-2222-4222-8222-222222222222';
const PERSON_ID = '33333333-3333-4333-8333-333333333333';
const DEVICE = '55555555-5555-4555-8555-555555555555';
const NOW = '2026-03-02T09:30:00.000Z';

const session: SessionTokens = {
  token: 'access-1',
  expiresAt: NOW,
  refreshToken: 'refresh-1',
  refreshExpiresAt: NOW,
  user: {
    id: PERSON_ID,
    username: 'ada',
    displayName: 'Ada Admin',
    role: 'admin',
    teamId: TEAM_ID,
    teamName: 'Team Mitte',
    lockAfterMinutes: 10,
    administers: true,
    districts: [],
    emergencyContact: '',
  },
};

const person: Person = {
  id: PERSON_ID,
  username: 'ben',
  displayName: 'Ben Sommer',
  role: 'worker',
  administers: false,
  teamId: TEAM_ID,
  status: 'active',
  openCaseCount: 2,
  devices: [
    {
      deviceId: DEVICE,
      name: null,
      browser: 'Chrome',
      system: 'Android',
      firstSeenAt: NOW,
      lastSeenAt: NOW,
      lastSyncAt: NOW,
      revokedAt: null,
    },
  ],
  lastSyncAt: NOW,
};

const people: PeopleResponse = {
  organisationName: 'Jugendhilfe Nord e. V.',
  teams: [{ id: TEAM_ID, name: 'Team Mitte' }],
  people: [person],
};

function client(token: string | null = 'abc') {
  return createApiClient({ baseUrl: BASE_URL, deviceId: DEVICE_ID, getToken: () => token });
}

/** Records each request's method, path, Authorization and JSON body, and answers `answer`. */
function recording(answer: () => Response) {
  const seen: { method: string; path: string; authorization: string | null; body: unknown }[] = [];
  const handler = async ({ request }: { request: Request }) => {
    const text = await request.text();
    seen.push({
      method: request.method,
      path: new URL(request.url).pathname,
      authorization: request.headers.get('authorization'),
      body: text ? JSON.parse(text) : undefined,
    });
    return answer();
  };
  return { seen, handler };
}

function refusal(status: number, messageKey: string, message: string, field: string | null = null) {
  return HttpResponse.json({ error: { code: 'invalid', message, field, messageKey } }, { status });
}

let t: TFunction;
beforeAll(async () => {
  const i18n = i18next.createInstance();
  await i18n.init({
    resources: { de: { translation: deShell } },
    lng: 'de',
    interpolation: { escapeValue: false },
  });
  t = i18n.getFixedT('de');
});

describe('before sign-in', () => {
  it('asks whether a set-up is needed without a token', async () => {
    const { seen, handler } = recording(() => HttpResponse.json({ needed: true }));
    mswServer.use(http.get(`${BASE_URL}${API_PATHS.setup}`, handler));

    await expect(client(null).setupStatus()).resolves.toEqual({ needed: true });
    expect(seen).toEqual([{ method: 'GET', path: '/api/setup', authorization: null, body: undefined }]);
  });

  it('sends the set-up and the invitation as JSON and reads the session answered', async () => {
    const setup = recording(() => HttpResponse.json(session));
    const invitation = recording(() => HttpResponse.json(session));
    mswServer.use(
      http.post(`${BASE_URL}${API_PATHS.setup}`, setup.handler),
      http.post(`${BASE_URL}${API_PATHS.invitation}`, invitation.handler),
    );
    const request = {
      setupCode: 'ABCD2345',
      organisationName: 'Jugendhilfe Nord e. V.',
      teamName: 'Team Mitte',
      displayName: 'Ada Admin',
      username: 'ada',
      password: 'ein langes Passwort',
      refresh: true,
    };

    await expect(client(null).setUp(request)).resolves.toEqual(session);
    await expect(
      client(null).redeemCode({ username: 'ben', code: 'X7K2M9', password: 'ein langes Passwort' }),
    ).resolves.toEqual(session);

    expect(setup.seen[0]).toMatchObject({ method: 'POST', path: '/api/setup', body: request });
    expect(invitation.seen[0]).toMatchObject({
      path: '/api/auth/invitation',
      body: { username: 'ben', code: 'X7K2M9', password: 'ein langes Passwort' },
    });
  });

  it('refuses an answer that is not a session', async () => {
    mswServer.use(http.post(`${BASE_URL}${API_PATHS.setup}`, () => HttpResponse.json({ token: 'x' })));
    const failure = await client(null)
      .setUp({
        setupCode: 'A',
        organisationName: 'O',
        teamName: 'T',
        displayName: 'D',
        username: 'u',
        password: 'p'.repeat(12),
      })
      .catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ProtocolError);
  });
});

describe('changing the own password', () => {
  it('posts both passwords with the token and takes 204', async () => {
    const { seen, handler } = recording(() => new HttpResponse(null, { status: 204 }));
    mswServer.use(http.post(`${BASE_URL}${API_PATHS.password}`, handler));

    await client().changePassword({ currentPassword: 'alt', newPassword: 'ein neues Passwort' });

    expect(seen).toEqual([
      {
        method: 'POST',
        path: '/api/auth/password',
        authorization: 'Bearer abc',
        body: { currentPassword: 'alt', newPassword: 'ein neues Passwort' },
      },
    ]);
  });
});

describe('Team & Zugänge', () => {
  const admin = () => createAdminApi(client());

  it('reads the people and teams', async () => {
    const { seen, handler } = recording(() => HttpResponse.json(people));
    mswServer.use(http.get(`${BASE_URL}${ADMIN_PATHS.people}`, handler));

    await expect(admin().people()).resolves.toEqual(people);
    expect(seen[0]).toMatchObject({ method: 'GET', authorization: 'Bearer abc' });
  });

  it('adds a person and hands back the invitation code', async () => {
    const answer = {
      person: { ...person, status: 'invited' },
      invitation: { code: 'K7M2X9QP', expiresAt: NOW },
    };
    const { seen, handler } = recording(() => HttpResponse.json(answer, { status: 201 }));
    mswServer.use(http.post(`${BASE_URL}${ADMIN_PATHS.people}`, handler));
    const request = {
      displayName: 'Ben Sommer',
      username: 'ben',
      role: 'worker' as const,
      administers: false,
      teamId: TEAM_ID,
    };

    await expect(admin().addPerson(request)).resolves.toEqual(answer);
    expect(seen[0]?.body).toEqual(request);
  });

  it('sends each step about a person to its own address with its method', async () => {
    const calls: string[] = [];
    const answer =
      (body: unknown) =>
      async ({ request }: { request: Request }) => {
        calls.push(`${request.method} ${new URL(request.url).pathname}`);
        return body === null ? new HttpResponse(null, { status: 204 }) : HttpResponse.json(body);
      };
    mswServer.use(
      http.patch(`${BASE_URL}${ADMIN_PATHS.person(PERSON_ID)}`, answer(person)),
      http.post(
        `${BASE_URL}${ADMIN_PATHS.passwordReset(PERSON_ID)}`,
        answer({ code: 'NEU12345', expiresAt: NOW }),
      ),
      http.post(`${BASE_URL}${ADMIN_PATHS.block(PERSON_ID)}`, answer({ ...person, status: 'blocked' })),
      http.post(`${BASE_URL}${ADMIN_PATHS.unblock(PERSON_ID)}`, answer(person)),
      http.post(`${BASE_URL}${ADMIN_PATHS.teams}`, answer({ id: TEAM_ID, name: 'Team Süd' })),
      http.patch(`${BASE_URL}${ADMIN_PATHS.team(TEAM_ID)}`, answer({ id: TEAM_ID, name: 'Team Ost' })),
      http.put(
        `${BASE_URL}${ADMIN_PATHS.deviceName(DEVICE)}`,
        answer({ ...person.devices[0], name: 'Diensthandy' }),
      ),
      http.post(`${BASE_URL}${ADMIN_PATHS.revokeDevice(DEVICE)}`, answer(null)),
      http.put(
        `${BASE_URL}${ADMIN_PATHS.teamSettings}`,
        answer({ lockAfterMinutes: 5, districts: ['Nord'], emergencyContact: 'ASD 0800' }),
      ),
    );
    const api = admin();

    expect(await api.changePerson(PERSON_ID, { role: 'lead' })).toEqual(person);
    expect(await api.resetPassword(PERSON_ID)).toEqual({ code: 'NEU12345', expiresAt: NOW });
    expect((await api.blockPerson(PERSON_ID)).status).toBe('blocked');
    expect((await api.unblockPerson(PERSON_ID)).status).toBe('active');
    expect(await api.createTeam({ name: 'Team Süd' })).toEqual({ id: TEAM_ID, name: 'Team Süd' });
    expect(await api.renameTeam(TEAM_ID, { name: 'Team Ost' })).toEqual({ id: TEAM_ID, name: 'Team Ost' });
    expect((await api.nameDevice(DEVICE, { name: 'Diensthandy' })).name).toBe('Diensthandy');
    await expect(api.revokeDevice(DEVICE)).resolves.toBeUndefined();
    expect(
      await api.saveTeamSettings({ lockAfterMinutes: 5, districts: ['Nord'], emergencyContact: 'ASD 0800' }),
    ).toEqual({
      lockAfterMinutes: 5,
      districts: ['Nord'],
      emergencyContact: 'ASD 0800',
    });

    expect(calls).toEqual([
      `PATCH /api/people/${PERSON_ID}`,
      `POST /api/people/${PERSON_ID}/password-reset`,
      `POST /api/people/${PERSON_ID}/block`,
      `POST /api/people/${PERSON_ID}/unblock`,
      'POST /api/teams',
      `PATCH /api/teams/${TEAM_ID}`,
      `PUT /api/devices/${DEVICE}/name`,
      `POST /api/team/devices/${DEVICE}/revoke`,
      'PUT /api/team/settings',
    ]);
  });

  it('refuses an answer that does not match the protocol', async () => {
    mswServer.use(http.get(`${BASE_URL}${ADMIN_PATHS.people}`, () => HttpResponse.json({ people: 'keine' })));
    await expect(admin().people()).rejects.toBeInstanceOf(ProtocolError);
  });

  it('renews an expired token once and repeats the call', async () => {
    let token = 'alt';
    const api = createAdminApi(
      createApiClient({
        baseUrl: BASE_URL,
        deviceId: DEVICE_ID,
        getToken: () => token,
        renewToken: async () => {
          token = 'neu';
          return true;
        },
      }),
    );
    mswServer.use(
      http.get(`${BASE_URL}${ADMIN_PATHS.people}`, ({ request }) =>
        request.headers.get('authorization') === 'Bearer neu'
          ? HttpResponse.json(people)
          : HttpResponse.json(
              { error: { code: 'unauthorized', message: 'Anmeldung erforderlich', field: null } },
              { status: 401 },
            ),
      ),
    );
    await expect(api.people()).resolves.toEqual(people);
  });
});

describe('refusals said to people', () => {
  it('in German by the server message key, a field named before a field message', async () => {
    mswServer.use(
      http.post(`${BASE_URL}${ADMIN_PATHS.block(PERSON_ID)}`, () =>
        refusal(400, 'ownAccessNotRevocable', 'Den eigenen Zugang kann man nicht sperren'),
      ),
      http.post(`${BASE_URL}${ADMIN_PATHS.people}`, () =>
        refusal(
          400,
          'usernameCharacters',
          'username: darf nur Buchstaben, Ziffern und . _ @ - enthalten',
          'username',
        ),
      ),
    );
    const api = createAdminApi(client());

    const blocked = await api.blockPerson(PERSON_ID).catch((error: unknown) => error);
    expect(blocked).toBeInstanceOf(HttpError);
    expect(sayError(t, blocked)).toBe('Den eigenen Zugang kann man nicht sperren');

    const added = await api
      .addPerson({ displayName: 'X', username: 'x y', role: 'worker', administers: false, teamId: TEAM_ID })
      .catch((error: unknown) => error);
    expect(sayError(t, added)).toBe('username: darf nur Buchstaben, Ziffern und . _ @ - enthalten');
  });

  it("in the server's own words for a key this app does not know yet", async () => {
    mswServer.use(
      http.post(`${BASE_URL}${ADMIN_PATHS.teams}`, () =>
        refusal(409, 'teamNameTaken', 'Ein Team mit diesem Namen gibt es schon'),
      ),
    );
    const failure = await createAdminApi(client())
      .createTeam({ name: 'Team Mitte' })
      .catch((error: unknown) => error);
    expect(sayError(t, failure)).toBe('Ein Team mit diesem Namen gibt es schon');
  });

  it('offline as a NetworkError that says so', async () => {
    mswServer.use(http.get(`${BASE_URL}${ADMIN_PATHS.people}`, () => HttpResponse.error()));
    const failure = await createAdminApi(client())
      .people()
      .catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(NetworkError);
    expect(sayError(t, failure)).toBe('Server nicht erreichbar (keine Verbindung)');
  });
});
