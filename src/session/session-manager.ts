// The device's session as a state machine the UI follows:
//
//   loading -> signedOut (nobody's account is active)  -- signIn -------> signedIn
//           -> locked    (cold start, reload)          -- unlock -------> signedIn
//   signedIn -- lock (button, inactivity, another tab) -> locked
//   signedIn -- signOut / 401 'revoked'                -> signedOut (local data wiped)
//   locked   -- switchUser                             -> signedOut (data kept, locked)
//
// Only while signedIn does the app hold the data key (inside the open database)
// and the tokens; locking stops the sync engine, drops the search index (the
// records' decrypted text) and closes the database, so the key is dropped from
// memory. Every tab locks and leaves a wiped database
// together (tab-signals.ts).
import {
  clearActiveAccount,
  findAccountByUsername,
  getDeviceId,
  loadActiveAccount,
  type StoredAccount,
  updateAccount,
} from '../db/infrastructure/device-store';
import type { Actor } from '../db/infrastructure/local-write';
import type { FeldakteDb } from '../db/infrastructure/schema';
import { closeUserDb, openUserDb } from '../db/infrastructure/user-db';
import type {
  ChangePasswordRequest,
  LoginRequest,
  RedeemCodeRequest,
  SessionTokens,
  SessionUser,
  SetupRequest,
} from '../shared/protocol';
import { type ApiClient, type ApiClientOptions, NetworkError } from '../sync/api-client';
import type { SyncEngine } from '../sync/engine';
import {
  changePassword,
  discardDataForNewPassword,
  keepDataWithPreviousPassword,
  needsOnlineLogin,
  type OpenedAccount,
  type PasswordChangedError,
  signInOnline,
  signInWith,
  unlock,
  wipeAccount,
  wipeAccountsOfTeams,
} from './account-access';
import { watchInactivity } from './inactivity';
import { connectTabSignals, type TabSignal } from './tab-signals';
import { createTokenKeeper, type TokenKeeper } from './token-keeper';

/** Everything a signed-in screen needs: who, their local database, and the sync engine. */
export interface Session {
  user: SessionUser;
  actor: Actor;
  db: FeldakteDb;
  engine: SyncEngine;
  /** This device's id, as sent with every sync request (conflicts name the device of each value). */
  deviceId: string;
}

/** Why the login screen is shown, when it is not simply the first start. */
export type SignedOutNotice = 'revoked' | 'signedOut';

export type SessionGate =
  | { status: 'loading' }
  | { status: 'signedOut'; notice: SignedOutNotice | null }
  | { status: 'locked'; user: SessionUser; onlineLoginRequired: boolean }
  | { status: 'signedIn'; session: Session };

export interface SessionManagerOptions {
  /** The API client with these token callbacks (the app loads the module on demand). */
  createApi(options: Pick<ApiClientOptions, 'deviceId' | 'getToken' | 'renewToken'>): Promise<ApiClient>;
  /** Makes and starts the sync engine of an opened database. */
  startEngine(db: FeldakteDb, api: ApiClient): SyncEngine;
  /** Where inactivity is watched (default: document); tests pass their own. */
  activityTarget?: EventTarget & { visibilityState?: DocumentVisibilityState };
  /** After an unlock or login: e.g. ask for persistent storage. */
  onSignedIn?(): void;
}

export interface SessionManager {
  getGate(): SessionGate;
  subscribe(listener: () => void): () => void;
  /** Reads the device's active account: locked, or signedOut. */
  start(): Promise<void>;
  /**
   * The login screen: online, or offline for a person who already has an
   * account on this device. Rejects like the API client (NetworkError, HttpError)
   * and with PasswordChangedError (see account-access.ts).
   */
  signIn(request: LoginRequest): Promise<void>;
  /**
   * Whether the installation still waits for its set-up: false offline or when
   * the server does not say (the login screen is shown then).
   */
  setupNeeded(): Promise<boolean>;
  /** "Einrichtung": sets up the installation and signs its first person in, as a login does. Online only. */
  setUp(request: SetupRequest): Promise<void>;
  /** "Mit Einladungscode anmelden": a new password for an invitation or reset code, then signed in as by a login. */
  redeemCode(request: RedeemCodeRequest): Promise<void>;
  /**
   * The signed-in person's new password, on the server and for this device's
   * data key. Rejects with WrongPasswordError (crypto/data-key.ts) when the
   * current one does not open it, else like the API client.
   */
  changePassword(request: ChangePasswordRequest): Promise<void>;
  /** After PasswordChangedError: keep the data (with the previous password) or let it go (null). */
  finishPasswordChange(changed: PasswordChangedError, previousPassword: string | null): Promise<void>;
  /** The lock screen. Rejects with WrongUnlockPasswordError, OnlineLoginRequiredError, or the API's errors. */
  unlock(password: string): Promise<void>;
  /** The re-login prompt: new tokens for the same user, then sync at once. */
  renewSession(request: LoginRequest): Promise<'renewed' | 'otherUser'>;
  lock(): Promise<void>;
  /** From the lock screen: someone else signs in here; this account stays on the device, locked. */
  switchUser(): Promise<void>;
  /** Ends the session and deletes this user's local data (the UI has asked about pending changes). */
  signOut(): Promise<void>;
  /** Stops watching; the database stays as it is. */
  dispose(): void;
}

/** How long a logout waits for the server before the local data is deleted anyway. */
const LOGOUT_TIMEOUT_MS = 5_000;

export function createSessionManager(opts: SessionManagerOptions): SessionManager {
  let gate: SessionGate = { status: 'loading' };
  const listeners = new Set<() => void>();
  let deviceId: string | null = null;
  /** What only a signed-in session holds, released by close(). */
  let open: {
    session: Session;
    keeper: TokenKeeper;
    api: ApiClient;
    stopRevocationWatch: () => void;
    stopInactivityWatch: () => void;
  } | null = null;

  function show(next: SessionGate): void {
    gate = next;
    for (const listener of [...listeners]) listener();
  }

  const signals = connectTabSignals((signal: TabSignal) => {
    if (signal.type === 'locked') {
      if (open?.session.user.id === signal.userId) void lockHere();
      return;
    }
    // Signed in as that account, or on the lock screen of an account that no longer exists here.
    const showsIt = open
      ? open.session.user.id === signal.userId
      : gate.status === 'locked' && gate.user.id === signal.userId;
    if (!showsIt) return;
    close();
    show({ status: 'signedOut', notice: signal.revoked ? 'revoked' : 'signedOut' });
  });

  async function ensureDeviceId(): Promise<string> {
    deviceId ??= await getDeviceId();
    return deviceId;
  }

  async function plainApi(): Promise<ApiClient> {
    return opts.createApi({ deviceId: await ensureDeviceId(), getToken: () => null });
  }

  async function openSession(opened: OpenedAccount): Promise<void> {
    close();
    const { user, dataKey } = opened;
    const id = await ensureDeviceId();
    const db = openUserDb(user.id, dataKey, { sealPlaintext: !opened.plaintextSealed });
    if (!opened.plaintextSealed) {
      await db.open();
      await updateAccount(user.id, { plaintextSealed: true });
    }
    const refresher = await plainApi();
    const keeper = createTokenKeeper({
      userId: user.id,
      dataKey,
      tokens: opened.tokens,
      refresh: (refreshToken) => refresher.refresh(refreshToken),
      onUser: (next) => updateUser(next),
    });
    const api = await opts.createApi({ deviceId: id, getToken: keeper.current, renewToken: keeper.renew });
    const engine = opts.startEngine(db, api);
    const session: Session = {
      user,
      db,
      engine,
      deviceId: id,
      actor: { userId: user.id, teamId: user.teamId },
    };
    const stopRevocationWatch = engine.subscribe(() => {
      if (engine.getState().phase === 'revoked' && open?.session.user.id === user.id)
        void wipeOpenAccount(true);
    });
    open = { session, keeper, api, stopRevocationWatch, stopInactivityWatch: watchInactivityOf(user) };
    show({ status: 'signedIn', session });
    opts.onSignedIn?.();
  }

  /** Locks after the team's limit without input. */
  function watchInactivityOf(user: SessionUser): () => void {
    return watchInactivity({
      limitMs: user.lockAfterMinutes * 60_000,
      onIdle: () => void lock(),
      target: opts.activityTarget,
    });
  }

  /** The server describes the user anew with each token: a changed lock setting takes effect at once. */
  function updateUser(next: SessionUser): void {
    if (!open || open.session.user.id !== next.id) return;
    if (open.session.user.lockAfterMinutes !== next.lockAfterMinutes) {
      open.stopInactivityWatch();
      open.stopInactivityWatch = watchInactivityOf(next);
    }
    open.session = { ...open.session, user: next };
    show({ status: 'signedIn', session: open.session });
  }

  /** Drops everything the signed-in session holds: engine, database (with it the key and search index), tokens. */
  function close(): SessionUser | null {
    if (!open) return null;
    const { session, stopRevocationWatch, stopInactivityWatch } = open;
    open = null;
    stopRevocationWatch();
    stopInactivityWatch();
    session.engine.stop();
    // Closing the database drops its search index too (db/search/search.ts).
    closeUserDb();
    return session.user;
  }

  async function showLocked(account: StoredAccount): Promise<void> {
    show({ status: 'locked', user: account.user, onlineLoginRequired: await needsOnlineLogin(account) });
  }

  async function lockHere(): Promise<void> {
    const user = close();
    if (!user) return;
    const account = await loadActiveAccount();
    if (account?.userId !== user.id) return show({ status: 'signedOut', notice: null });
    await showLocked(account);
  }

  async function lock(): Promise<void> {
    const userId = open?.session.user.id;
    await lockHere();
    if (userId) signals.send({ type: 'locked', userId });
  }

  /** Closes and deletes the signed-in account's local data, in every tab; the login page says why. */
  async function wipeOpenAccount(revoked: boolean): Promise<void> {
    const user = close();
    if (!user) return;
    await wipeAccount(user.id);
    signals.send({ type: 'wiped', userId: user.id, revoked });
    show({ status: 'signedOut', notice: revoked ? 'revoked' : 'signedOut' });
  }

  /**
   * A locked device asks whether a lead revoked it (a lost phone): the accounts of
   * those teams are wiped without anyone unlocking. Offline it simply asks later.
   */
  async function wipeIfDeviceRevoked(): Promise<void> {
    let revokedTeamIds: string[];
    try {
      ({ revokedTeamIds } = await (await plainApi()).deviceRevocation());
    } catch {
      return;
    }
    if (revokedTeamIds.length === 0) return;
    const wiped = await wipeAccountsOfTeams(revokedTeamIds);
    if (gate.status === 'locked' && wiped.includes(gate.user.id)) {
      for (const userId of wiped) signals.send({ type: 'wiped', userId, revoked: true });
      show({ status: 'signedOut', notice: 'revoked' });
    }
  }

  async function showActiveAccount(): Promise<void> {
    const account = await loadActiveAccount();
    if (!account) return show({ status: 'signedOut', notice: null });
    await showLocked(account);
  }

  return {
    getGate: () => gate,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async start() {
      await showActiveAccount();
      if (gate.status === 'locked') void wipeIfDeviceRevoked();
    },
    async signIn(request) {
      const api = await plainApi();
      try {
        await openSession(await signInOnline(api, request));
      } catch (error) {
        // Offline on a shared device: someone who has an account here unlocks it like on the lock screen.
        const known =
          error instanceof NetworkError ? await findAccountByUsername(request.username) : undefined;
        if (!known) throw error;
        await openSession(await unlock(api, known.userId, request.password));
      }
    },
    async setupNeeded() {
      try {
        return (await (await plainApi()).setupStatus()).needed;
      } catch {
        return false;
      }
    },
    async setUp(request) {
      const api = await plainApi();
      await openSession(await signInWith(() => api.setUp({ ...request, refresh: true }), request));
    },
    async redeemCode(request) {
      const api = await plainApi();
      await openSession(await signInWith(() => api.redeemCode({ ...request, refresh: true }), request));
    },
    async changePassword(request) {
      if (!open) throw new Error('changePassword needs a signed-in session');
      await changePassword(open.api, open.session.user.id, request);
    },
    async finishPasswordChange(changed, previousPassword) {
      await openSession(
        previousPassword === null
          ? await discardDataForNewPassword(changed)
          : await keepDataWithPreviousPassword(changed, previousPassword),
      );
    },
    async unlock(password) {
      if (gate.status !== 'locked') return;
      const { user } = gate;
      try {
        await openSession(await unlock(await plainApi(), user.id, password));
      } finally {
        // The attempt may have used up the offline tries: the lock screen says so.
        if (gate.status === 'locked') await showActiveAccount();
      }
    },
    async renewSession(request) {
      if (!open) return 'otherUser';
      const { keeper, session } = open;
      const response: SessionTokens = await (await plainApi()).login({ ...request, refresh: true });
      if (response.user.id !== session.user.id) return 'otherUser';
      await keeper.replace(response);
      await session.engine.syncNow();
      return 'renewed';
    },
    lock,
    async switchUser() {
      close();
      await clearActiveAccount();
      show({ status: 'signedOut', notice: null });
    },
    async signOut() {
      if (!open) return;
      // Ends the session on the server too (its refresh token with it); offline the token simply runs out.
      await withTimeout(open.api.logout(), LOGOUT_TIMEOUT_MS).catch(() => {});
      await wipeOpenAccount(false);
    },
    dispose() {
      close();
      signals.close();
      listeners.clear();
    },
  };
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return Promise.race([
    promise,
    new Promise<T>((_, reject) => setTimeout(() => reject(new Error('timeout')), ms)),
  ]);
}
