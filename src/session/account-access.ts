// How a person gets at their data on this device: an online login (first time,
// after a lockout, or on another person's turn at a shared tablet) or an offline
// unlock with the password. Both end with the data key in memory and the
// session tokens; nothing here keeps either beyond the returned object.
//
// The password is checked offline by unwrapping the data key (AES-KW fails for
// any other password). After MAX_OFFLINE_UNLOCK_ATTEMPTS wrong ones in a row the
// device stops trying offline: only the server, with its own rate limit, can
// confirm the password again. The count is stored, so a reload does not reset it.
import { unlockKeyring, WrongPasswordError } from '../crypto/data-key';
import {
  deleteAccount,
  findAccountByUsername,
  listAccounts,
  loadAccount,
  loadKeyring,
  type StoredAccount,
  saveActiveAccount,
  updateAccount,
} from '../db/infrastructure/device-store';
import { dataKeyFor, deleteUserDb, rewrapDataKey } from '../db/infrastructure/user-db';
import type { ChangePasswordRequest, LoginRequest, SessionTokens, SessionUser } from '../shared/protocol';
import { type ApiClient, isRevoked } from '../sync/api-client';
import { type DeviceTokens, deviceTokensOf, sealTokens, unsealTokens } from './device-tokens';

const MAX_OFFLINE_UNLOCK_ATTEMPTS = 5;

/** A signed-in user's data key and tokens, ready to open their database. */
export interface OpenedAccount {
  user: SessionUser;
  dataKey: CryptoKey;
  tokens: DeviceTokens;
  /** The database may still hold rows from before encryption (see db/infrastructure/encryption/middleware.ts). */
  plaintextSealed: boolean;
}

/** The lock screen's password did not open the data key. */
export class WrongUnlockPasswordError extends Error {
  constructor(readonly attemptsLeft: number) {
    super('Wrong password');
    this.name = 'WrongUnlockPasswordError';
  }
}

/** Offline unlock is not possible (too many wrong passwords, or no keyring yet): log in online. */
export class OnlineLoginRequiredError extends Error {
  constructor() {
    super('Online login required');
    this.name = 'OnlineLoginRequiredError';
  }
}

/**
 * The server accepted the password, but it does not open the data key on this
 * device: the password was changed elsewhere. The person either gives the
 * previous one (the key is re-wrapped) or lets the local data go.
 */
export class PasswordChangedError extends Error {
  constructor(
    readonly session: SessionTokens,
    readonly newPassword: string,
  ) {
    super('Password changed since the last login on this device');
    this.name = 'PasswordChangedError';
  }
}

/** What an offline unlock needs: the keyring, the sealed tokens, and tries left; undefined when it must go online. */
async function offlineUnlockOf(account: StoredAccount) {
  const keyring = await loadKeyring(account.userId);
  if (!keyring || !account.tokens || account.failedUnlocks >= MAX_OFFLINE_UNLOCK_ATTEMPTS) return undefined;
  return { keyring, tokens: account.tokens };
}

/** The lock screen has to log in online instead of unlocking offline. */
export async function needsOnlineLogin(account: StoredAccount): Promise<boolean> {
  return (await offlineUnlockOf(account)) === undefined;
}

/**
 * Logs in with the server and opens (or, the first time here, creates) the
 * user's data key. A revoked device or user is refused by the server: that
 * user's local data is wiped at once.
 */
export function signInOnline(api: ApiClient, request: LoginRequest): Promise<OpenedAccount> {
  return signInWith(() => api.login({ ...request, refresh: true }), request);
}

/**
 * Every way in that answers a session for a username and password (login,
 * set-up, an invitation or reset code): `obtain` asks the server, and the
 * password then opens or creates the data key on this device, as a login does.
 */
export async function signInWith(
  obtain: () => Promise<SessionTokens>,
  credentials: LoginRequest,
): Promise<OpenedAccount> {
  let session: SessionTokens;
  try {
    session = await obtain();
  } catch (error) {
    if (isRevoked(error)) {
      const known = await findAccountByUsername(credentials.username);
      if (known) await wipeAccount(known.userId);
    }
    throw error;
  }
  let dataKey: CryptoKey;
  try {
    dataKey = await dataKeyFor(session.user.id, credentials.password);
  } catch (error) {
    if (error instanceof WrongPasswordError) throw new PasswordChangedError(session, credentials.password);
    throw error;
  }
  return storeAccount(session, dataKey);
}

/**
 * The signed-in person changes their password: the same data key is wrapped
 * by the new one, so the offline unlock takes it from now on. A current
 * password that does not open the key here is refused before the server hears
 * of it (WrongPasswordError); the new keyring is stored once the server accepted.
 */
export async function changePassword(
  api: ApiClient,
  userId: string,
  request: ChangePasswordRequest,
): Promise<void> {
  await rewrapDataKey(userId, request.currentPassword, request.newPassword, () =>
    api.changePassword(request),
  );
}

/** After PasswordChangedError: the previous password re-wraps the same data key for the new one. */
export async function keepDataWithPreviousPassword(
  changed: PasswordChangedError,
  previousPassword: string,
): Promise<OpenedAccount> {
  const userId = changed.session.user.id;
  // Throws WrongPasswordError when the previous password is not the right one either.
  await rewrapDataKey(userId, previousPassword, changed.newPassword);
  return storeAccount(changed.session, await dataKeyFor(userId, changed.newPassword));
}

/** After PasswordChangedError: the local data is given up and comes again from the server. */
export async function discardDataForNewPassword(changed: PasswordChangedError): Promise<OpenedAccount> {
  const userId = changed.session.user.id;
  await wipeAccount(userId);
  return storeAccount(changed.session, await dataKeyFor(userId, changed.newPassword));
}

async function storeAccount(session: SessionTokens, dataKey: CryptoKey): Promise<OpenedAccount> {
  const userId = session.user.id;
  const tokens = deviceTokensOf(session);
  const previous = await loadAccount(userId);
  const account: StoredAccount = {
    userId,
    user: session.user,
    tokens: await sealTokens(dataKey, userId, tokens),
    failedUnlocks: 0,
    plaintextSealed: previous?.plaintextSealed ?? false,
  };
  await saveActiveAccount(account);
  return { user: session.user, dataKey, tokens, plaintextSealed: account.plaintextSealed };
}

/**
 * The lock screen: the password opens the stored data key offline, or counts as
 * a wrong attempt; once offline unlocking is no longer allowed (needsOnlineLogin)
 * it is checked by the server instead.
 */
export async function unlock(api: ApiClient, userId: string, password: string): Promise<OpenedAccount> {
  const account = await loadAccount(userId);
  if (!account) throw new OnlineLoginRequiredError();
  const offline = await offlineUnlockOf(account);
  if (!offline) return signInOnline(api, { username: account.user.username, password });
  const { keyring, tokens: sealedTokens } = offline;
  let dataKey: CryptoKey;
  try {
    dataKey = await unlockKeyring(keyring, password);
  } catch (error) {
    if (!(error instanceof WrongPasswordError)) throw error;
    const failed = account.failedUnlocks + 1;
    await updateAccount(account.userId, { failedUnlocks: failed });
    if (failed >= MAX_OFFLINE_UNLOCK_ATTEMPTS) throw new OnlineLoginRequiredError();
    throw new WrongUnlockPasswordError(MAX_OFFLINE_UNLOCK_ATTEMPTS - failed);
  }
  if (account.failedUnlocks > 0) await updateAccount(account.userId, { failedUnlocks: 0 });
  const tokens = await unsealTokens(dataKey, account.userId, sealedTokens);
  return { user: account.user, dataKey, tokens, plaintextSealed: account.plaintextSealed };
}

/** A lead revoked this device for these teams: every account of them on it goes; returns their ids. */
export async function wipeAccountsOfTeams(teamIds: readonly string[]): Promise<string[]> {
  const wiped: string[] = [];
  for (const account of await listAccounts()) {
    if (!teamIds.includes(account.user.teamId)) continue;
    await wipeAccount(account.userId);
    wiped.push(account.userId);
  }
  return wiped;
}

/** Deletes a user's local database, account and keyring (logout, revocation). */
export async function wipeAccount(userId: string): Promise<void> {
  await deleteUserDb(userId);
  await deleteAccount(userId);
}
