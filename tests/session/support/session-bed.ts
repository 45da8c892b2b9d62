// A device's session against the auth and sync protocol: an msw server that
// logs people in, rotates refresh tokens, ends sessions and revokes users, with
// the sync routes of the in-memory ProtocolServer behind it; and "tabs": each a
// fresh copy of the app's modules (its own open database, its own device-store
// connection), running the real session manager, API client and sync engine.
import { HttpResponse, http } from 'msw';
import { afterEach, beforeEach, vi } from 'vitest';
import { deleteAccount, listAccounts } from '../../../src/db/infrastructure/device-store';
import { deleteUserDb } from '../../../src/db/infrastructure/user-db';
import type { SessionGate, SessionManager } from '../../../src/session/session-manager';
import {
  ChangePasswordRequest,
  DEFAULT_PULL_LIMIT,
  DEVICE_HEADER,
  LoginWithRefreshRequest,
  PushRequest,
  RedeemCodeRequest,
  RefreshRequest,
  type SessionTokens,
  type SessionUser,
  SetupRequest,
} from '../../../src/shared/protocol';
import { API_PATHS } from '../../../src/sync/api-client';
import type { SyncEngine } from '../../../src/sync/engine';
import { colleague, worker } from '../../db/support/fixtures';
import { BASE_URL, mswServer, startMswForThisFile } from '../../sync/support/protocol-harness';
import { ProtocolServer } from '../../sync/support/protocol-server';

export interface TestPerson {
  user: SessionUser;
  password: string;
}

export const anna: TestPerson = {
  password: 'Annas Passwort 1',
  user: {
    id: worker.userId,
    username: 'anna',
    displayName: 'Anna Keller',
    role: 'worker',
    teamId: worker.teamId,
    teamName: 'Team Nord',
    lockAfterMinutes: 10,
    administers: false,
    districts: [],
    emergencyContact: '',
  },
};

export const ben: TestPerson = {
  password: 'Bens Passwort 2',
  user: {
    id: colleague.userId,
    username: 'ben',
    displayName: 'Ben Sommer',
    role: 'worker',
    teamId: colleague.teamId,
    teamName: 'Team Nord',
    lockAfterMinutes: 10,
    administers: false,
    districts: [],
    emergencyContact: '',
  },
};

function apiError(status: number, code: string, message: string) {
  return HttpResponse.json({ error: { code, message, field: null } }, { status });
}

/** The server side of sign-in, renewal, logout and sync, for the people it knows. */
export class AuthServer {
  private readonly passwords = new Map<string, string>();
  private readonly users = new Map<string, SessionUser>();
  /** Access token -> user id, while the token is valid. */
  private readonly accessTokens = new Map<string, string>();
  /** Refresh token -> user id, until it is used once. */
  private readonly refreshTokens = new Map<string, string>();
  private readonly syncServers = new Map<string, ProtocolServer>();

  /** Every request fails as if there were no connection. */
  offline = false;
  /** Users revoked by a lead: their login and sync requests are answered 401 'revoked'. */
  readonly revokedUsers = new Set<string>();
  /** Refresh answers 401 'revoked' (the device was revoked while its access token ran out). */
  refreshRevoked = false;
  /** Refresh answers 401 'unauthorized' (the refresh token expired too). */
  refreshRefused = false;
  /** Logout requests are received but never answered (a server that hangs). */
  logoutHangs = false;

  readonly logins: LoginWithRefreshRequest[] = [];
  /** Each refresh call's refresh token, in order. */
  readonly refreshCalls: string[] = [];
  /** The Authorization header of every logout. */
  readonly logouts: (string | null)[] = [];
  /** The Authorization header of every pull, in order. */
  readonly pullAuthorizations: (string | null)[] = [];
  /** Every session the server handed out, newest last. */
  readonly issued: SessionTokens[] = [];

  constructor(people: readonly TestPerson[]) {
    for (const person of people) {
      this.passwords.set(person.user.username, person.password);
      this.users.set(person.user.username, person.user);
    }
  }

  /** The password was changed (on another device). */
  setPassword(username: string, password: string): void {
    this.passwords.set(username, password);
  }

  /** The password a person has now on the server. */
  passwordOf(username: string): string | undefined {
    return this.passwords.get(username);
  }

  /**
   * An empty installation: GET /api/setup says needed, and POST /api/setup with
   * this code makes `admin` the first person (with the password it is sent).
   */
  awaitSetup(code: string, admin: SessionUser): void {
    this.pendingSetup = { code, admin };
  }
  private pendingSetup: { code: string; admin: SessionUser } | null = null;
  readonly setups: SetupRequest[] = [];

  /** A one-time code (invitation or reset) for a person the server knows; their old password stops working. */
  issueCode(username: string, code: string): void {
    this.codes.set(username, code);
    this.passwords.delete(username);
  }
  private readonly codes = new Map<string, string>();
  readonly redemptions: RedeemCodeRequest[] = [];
  readonly passwordChanges: ChangePasswordRequest[] = [];

  /** Teams whose lead revoked this device (GET /api/devices/revocation). */
  teamsRevokingDevice: string[] = [];
  /** The device id of every revocation check. */
  revocationChecks: (string | null)[] = [];

  /** The user's access tokens run out; their refresh tokens still work. */
  expireAccessTokens(userId: string): void {
    for (const [token, owner] of this.accessTokens) if (owner === userId) this.accessTokens.delete(token);
  }

  latestFor(userId: string): SessionTokens {
    const latest = this.issued.filter((session) => session.user.id === userId).at(-1);
    if (!latest) throw new Error(`no session issued for ${userId}`);
    return latest;
  }

  syncServerOf(userId: string): ProtocolServer {
    let server = this.syncServers.get(userId);
    if (!server) {
      const user = [...this.users.values()].find((candidate) => candidate.id === userId);
      server = new ProtocolServer({ userId, teamId: user?.teamId ?? worker.teamId });
      this.syncServers.set(userId, server);
    }
    return server;
  }

  install(): void {
    mswServer.use(...this.handlers());
  }

  private issue(user: SessionUser): SessionTokens {
    const session: SessionTokens = {
      token: `access-${crypto.randomUUID()}`,
      expiresAt: new Date(Date.now() + 15 * 60_000).toISOString(),
      refreshToken: `refresh-${crypto.randomUUID()}`,
      refreshExpiresAt: new Date(Date.now() + 30 * 86_400_000).toISOString(),
      user,
    };
    this.accessTokens.set(session.token, user.id);
    this.refreshTokens.set(session.refreshToken, user.id);
    this.issued.push(session);
    return session;
  }

  /** The user of the request's Bearer token, or the refusal. */
  private authorize(request: Request): { userId: string } | { refusal: Response } {
    const token = request.headers.get('authorization')?.replace(/^Bearer /, '') ?? '';
    const userId = this.accessTokens.get(token);
    if (!userId) return { refusal: apiError(401, 'unauthorized', 'Anmeldung abgelaufen') };
    if (this.revokedUsers.has(userId)) return { refusal: apiError(401, 'revoked', 'Gerät gesperrt') };
    return { userId };
  }

  private handlers() {
    const reachable = (answer: (request: Request) => Promise<Response>) => {
      return async ({ request }: { request: Request }) =>
        this.offline ? HttpResponse.error() : answer(request);
    };
    return [
      http.post(
        `${BASE_URL}${API_PATHS.login}`,
        reachable(async (request) => {
          const body = LoginWithRefreshRequest.parse(await request.json());
          this.logins.push(body);
          const user = this.users.get(body.username);
          if (user && this.revokedUsers.has(user.id)) return apiError(401, 'revoked', 'Gerät gesperrt');
          if (!user || this.passwords.get(body.username) !== body.password) {
            return apiError(401, 'unauthorized', 'Benutzername oder Passwort falsch');
          }
          return HttpResponse.json(this.issue(user));
        }),
      ),
      http.post(
        `${BASE_URL}${API_PATHS.refresh}`,
        reachable(async (request) => {
          const { refreshToken } = RefreshRequest.parse(await request.json());
          this.refreshCalls.push(refreshToken);
          if (this.refreshRevoked) return apiError(401, 'revoked', 'Gerät gesperrt');
          const userId = this.refreshTokens.get(refreshToken);
          if (this.refreshRefused || !userId) return apiError(401, 'unauthorized', 'Anmeldung abgelaufen');
          this.refreshTokens.delete(refreshToken);
          const user = [...this.users.values()].find((candidate) => candidate.id === userId);
          if (!user) return apiError(401, 'unauthorized', 'Anmeldung abgelaufen');
          return HttpResponse.json(this.issue(user));
        }),
      ),
      http.post(
        `${BASE_URL}${API_PATHS.logout}`,
        reachable(async (request) => {
          this.logouts.push(request.headers.get('authorization'));
          if (this.logoutHangs) return new Promise<Response>(() => {});
          return new HttpResponse(null, { status: 204 });
        }),
      ),
      http.get(
        `${BASE_URL}${API_PATHS.pull}`,
        reachable(async (request) => {
          this.pullAuthorizations.push(request.headers.get('authorization'));
          const access = this.authorize(request);
          if ('refusal' in access) return access.refusal;
          const url = new URL(request.url);
          const cursor = url.searchParams.get('cursor') ?? '0';
          const limit = Number(url.searchParams.get('limit') ?? DEFAULT_PULL_LIMIT);
          return HttpResponse.json(this.syncServerOf(access.userId).pull(cursor, limit));
        }),
      ),
      http.post(
        `${BASE_URL}${API_PATHS.push}`,
        reachable(async (request) => {
          const access = this.authorize(request);
          if ('refusal' in access) return access.refusal;
          const body = PushRequest.parse(await request.json());
          const results = this.syncServerOf(access.userId).push(body, request.headers.get(DEVICE_HEADER));
          return HttpResponse.json({ results });
        }),
      ),
      http.get(
        `${BASE_URL}${API_PATHS.setup}`,
        reachable(async () => HttpResponse.json({ needed: this.pendingSetup !== null })),
      ),
      http.post(
        `${BASE_URL}${API_PATHS.setup}`,
        reachable(async (request) => {
          const body = SetupRequest.parse(await request.json());
          this.setups.push(body);
          const pending = this.pendingSetup;
          if (!pending || pending.code !== body.setupCode) {
            return apiError(400, 'invalid', 'Der Einrichtungscode ist ungültig');
          }
          this.pendingSetup = null;
          const user = { ...pending.admin, username: body.username, displayName: body.displayName };
          this.users.set(user.username, user);
          this.passwords.set(user.username, body.password);
          return HttpResponse.json(this.issue(user));
        }),
      ),
      http.post(
        `${BASE_URL}${API_PATHS.invitation}`,
        reachable(async (request) => {
          const body = RedeemCodeRequest.parse(await request.json());
          this.redemptions.push(body);
          const user = this.users.get(body.username);
          if (user && this.revokedUsers.has(user.id)) return apiError(401, 'revoked', 'Gerät gesperrt');
          if (!user || this.codes.get(body.username) !== body.code) {
            return apiError(401, 'unauthorized', 'Benutzername oder Code ist falsch');
          }
          this.codes.delete(body.username);
          this.passwords.set(body.username, body.password);
          return HttpResponse.json(this.issue(user));
        }),
      ),
      http.post(
        `${BASE_URL}${API_PATHS.password}`,
        reachable(async (request) => {
          const access = this.authorize(request);
          if ('refusal' in access) return access.refusal;
          const body = ChangePasswordRequest.parse(await request.json());
          this.passwordChanges.push(body);
          const user = [...this.users.values()].find((candidate) => candidate.id === access.userId);
          if (!user || this.passwords.get(user.username) !== body.currentPassword) {
            return apiError(400, 'invalid', 'Das bisherige Passwort ist falsch');
          }
          this.passwords.set(user.username, body.newPassword);
          return new HttpResponse(null, { status: 204 });
        }),
      ),
      http.get(
        `${BASE_URL}${API_PATHS.teamDevices}`,
        reachable(async (request) => {
          const access = this.authorize(request);
          if ('refusal' in access) return access.refusal;
          return HttpResponse.json({ devices: [] });
        }),
      ),
      http.get(
        `${BASE_URL}${API_PATHS.deviceRevocation}`,
        reachable(async (request) => {
          this.revocationChecks.push(request.headers.get(DEVICE_HEADER));
          return HttpResponse.json({ revokedTeamIds: this.teamsRevokingDevice });
        }),
      ),
      http.post(
        `${BASE_URL}${API_PATHS.deviceStatus}`,
        reachable(async (request) => {
          const access = this.authorize(request);
          if ('refusal' in access) return access.refusal;
          return new HttpResponse(null, { status: 204 });
        }),
      ),
    ];
  }
}

/** One browser tab of the app: its own module instances, sharing IndexedDB, Web Locks and BroadcastChannel. */
export interface Tab {
  manager: SessionManager;
  /** Where the inactivity watch listens (node has no document). */
  activity: EventTarget;
  /** Every engine the manager started, and whether it was stopped since. */
  engines: { engine: SyncEngine; stopped: boolean }[];
}

const openTabs: Tab[] = [];

/**
 * A new tab, or the app after a reload: fresh copies of the session, database
 * and sync modules, so nothing held in memory (open database, tokens) carries over.
 * Without `start` the manager is returned as created (for a gate seen from 'loading').
 * `apiTimeoutMs` lets a test tell the session's own time limits from the API client's.
 */
export async function openTab(options: { start?: boolean; apiTimeoutMs?: number } = {}): Promise<Tab> {
  vi.resetModules();
  const { createSessionManager } = await import('../../../src/session/session-manager');
  const { createApiClient } = await import('../../../src/sync/api-client');
  const { createSyncEngine } = await import('../../../src/sync/engine');
  const activity = new EventTarget();
  const engines: Tab['engines'] = [];
  const manager = createSessionManager({
    async createApi(apiOptions) {
      // Short timeout: a test's msw handler that never answers would otherwise hold a run for 30 s.
      const timeoutMs = options.apiTimeoutMs ?? 5_000;
      return createApiClient({ ...apiOptions, baseUrl: BASE_URL, timeoutMs });
    },
    startEngine(db, api) {
      // No live stream and no interval: each test asks for runs itself, or a sign-in starts one.
      const engine = createSyncEngine({ db, api, liveEvents: false, intervalMs: 24 * 3_600_000 });
      const entry = { engine, stopped: false };
      const stop = engine.stop;
      engine.stop = () => {
        entry.stopped = true;
        stop();
      };
      engines.push(entry);
      engine.start();
      return engine;
    },
    activityTarget: activity,
  });
  const tab: Tab = { manager, activity, engines };
  openTabs.push(tab);
  if (options.start !== false) await manager.start();
  return tab;
}

/** Ends every tab of the test (their tab signals too). */
export function closeAllTabs(): void {
  for (const tab of openTabs.splice(0)) tab.manager.dispose();
}

export function signedInSession(tab: Tab) {
  const gate: SessionGate = tab.manager.getGate();
  if (gate.status !== 'signedIn') throw new Error(`expected signedIn, gate is ${gate.status}`);
  return gate.session;
}

export function loginOf(person: TestPerson, password = person.password) {
  return { username: person.user.username, password };
}

/** After a test: every account on the device is gone with its database and keyring, as on a fresh device. */
export async function wipeDevice(): Promise<void> {
  for (const { userId } of await listAccounts()) {
    await deleteUserDb(userId);
    await deleteAccount(userId);
  }
}

/** PBKDF2 at 600,000 iterations makes every sign-in and unlock take a while. */
export const SLOW = 60_000;

/**
 * A test file's bed: msw for the file, a fresh AuthServer for `people` before
 * each test, and after it every tab closed and the device wiped.
 */
export function setUpSessionBed(people: TestPerson[]): { readonly server: AuthServer } {
  startMswForThisFile();
  let server: AuthServer | null = null;
  beforeEach(() => {
    server = new AuthServer(people);
    server.install();
  });
  afterEach(async () => {
    closeAllTabs();
    await wipeDevice();
  });
  return {
    get server() {
      if (!server) throw new Error('the AuthServer exists only inside a test');
      return server;
    },
  };
}
