// Login, sessions and their renewal. A token is 32 random bytes handed to the
// device once; the server keeps only its SHA-256, so the tables open nothing.
//
// A login starts a token family (migration 0006): an access token, sent as
// Bearer, and a refresh token that renews it (POST /api/auth/refresh). A device
// that asks for it at login ({refresh: true}) gets a short-lived access token
// (accessTokenTtlSeconds, default 15 minutes) and renews it; one that does not
// (apps before refresh, scripts) gets one token that lasts at most
// nonRefreshingTokenTtlSeconds (default 12 hours, a working day), never the
// whole session: a bearer token copied from such a login is not good for a month. Each
// refresh uses up its refresh token and hands out a new pair; a used one shown
// again after a short grace (two tabs racing) means it was copied: the family is
// revoked. A lead can revoke a device or a user (revocations.ts); a revoked
// session is answered 'revoked', so the device wipes its data instead of asking
// for the password.
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { SessionTokens, SessionUser } from '../../shared/protocol';
import type { Database, Queryable } from '../db/database';
import { appendAudit } from '../repositories/audit-log';
import { isKnownDeviceOf, touchDevice } from '../repositories/devices';
import {
  deleteExpiredRefreshTokens,
  deleteFamilyRefreshTokens,
  insertRefreshToken,
  lockFamilyRefreshTokens,
  markRefreshTokenUsed,
  takeRefreshToken,
} from '../repositories/refresh-tokens';
import { isDeviceRevoked, isUserRevoked, revokeFamily } from '../repositories/revocations';
import {
  deleteExpiredSessions,
  deleteFamilySessions,
  deleteSession,
  findSessionFamily,
  findValidSession,
  insertSession,
  type ValidSession,
} from '../repositories/sessions';
import { findLoginCandidate, findSessionUser } from '../repositories/users';
import { UNKNOWN_USER_HASH, verifyPassword } from './password';

/** A session lasts 30 days unless configured otherwise (FELDAKTE_SESSION_TTL_SECONDS). */
export const DEFAULT_SESSION_TTL_SECONDS = 30 * 24 * 60 * 60;
/** An access token of a device that refreshes lasts 15 minutes (FELDAKTE_ACCESS_TOKEN_TTL_SECONDS). */
export const DEFAULT_ACCESS_TOKEN_TTL_SECONDS = 15 * 60;
/** A login without refresh gets a token for at most a working day (FELDAKTE_NON_REFRESHING_TOKEN_TTL_SECONDS). */
export const DEFAULT_NON_REFRESHING_TOKEN_TTL_SECONDS = 12 * 60 * 60;
/** A used refresh token shown again this soon is a race of two tabs, not a theft. */
const REUSE_GRACE_MS = 60_000;

export interface AuthOptions {
  /** How long a refresh token lasts (and so a session that keeps renewing). */
  sessionTtlSeconds?: number;
  /** How long an access token of a login with refresh lasts. */
  accessTokenTtlSeconds?: number;
  /** How long the one token of a login without refresh lasts (capped by sessionTtlSeconds). */
  nonRefreshingTokenTtlSeconds?: number;
}

/** How a token is stored and looked up: its SHA-256, never the token. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

const newToken = () => randomBytes(32).toString('base64url');

export type Refused = 'revoked';

export function createAuthService(db: Database, options: AuthOptions = {}) {
  const sessionTtlSeconds = options.sessionTtlSeconds ?? DEFAULT_SESSION_TTL_SECONDS;
  const accessTtlSeconds = Math.min(
    options.accessTokenTtlSeconds ?? DEFAULT_ACCESS_TOKEN_TTL_SECONDS,
    sessionTtlSeconds,
  );
  const nonRefreshingTtlSeconds = Math.min(
    options.nonRefreshingTokenTtlSeconds ?? DEFAULT_NON_REFRESHING_TOKEN_TTL_SECONDS,
    sessionTtlSeconds,
  );

  /** A new access token and refresh token of the family. */
  async function issue(
    tx: Queryable,
    grant: { userId: string; deviceId: string | null; familyId: string; shortLived: boolean },
  ): Promise<Omit<SessionTokens, 'user'>> {
    const token = newToken();
    const refreshToken = newToken();
    const now = Date.now();
    const ttl = grant.shortLived ? accessTtlSeconds : nonRefreshingTtlSeconds;
    const expiresAt = new Date(now + ttl * 1000);
    const refreshExpiresAt = new Date(now + sessionTtlSeconds * 1000);
    await insertSession(tx, {
      tokenHash: hashToken(token),
      userId: grant.userId,
      expiresAt,
      deviceId: grant.deviceId,
      familyId: grant.familyId,
    });
    await insertRefreshToken(tx, {
      tokenHash: hashToken(refreshToken),
      familyId: grant.familyId,
      userId: grant.userId,
      deviceId: grant.deviceId,
      expiresAt: refreshExpiresAt,
    });
    return {
      token,
      expiresAt: expiresAt.toISOString(),
      refreshToken,
      refreshExpiresAt: refreshExpiresAt.toISOString(),
    };
  }

  /**
   * Signs a person in whose credentials were checked (a login, a redeemed
   * invitation, the set-up): a new token family, audited as a login.
   */
  async function startSession(
    user: SessionUser,
    deviceId: string | null,
    refresh: boolean,
  ): Promise<SessionTokens> {
    const tokens = await db.transaction(async (tx) => {
      // Remembered as this person's device from now on (isKnownDeviceOf), even after a logout.
      if (deviceId !== null) await touchDevice(tx, user.id, deviceId);
      return issue(tx, { userId: user.id, deviceId, familyId: randomUUID(), shortLived: refresh });
    });
    await deleteExpiredSessions(db);
    await deleteExpiredRefreshTokens(db);
    await appendAudit(db, { userId: user.id, deviceId, action: 'login', detail: { refresh } });
    return { ...tokens, user };
  }

  /**
   * How a login of a revoked person or from a revoked device is answered, never
   * depending on the password (that would tell a guesser they found a revoked
   * account's password): 'revoked' to the revoked device itself and to any device
   * the person signed in on before, so it wipes their data; anywhere else the
   * answer of a wrong password, so a stranger learns nothing about the account.
   * Null when nothing is revoked.
   */
  async function revokedAnswerOf(
    user: SessionUser,
    deviceId: string | null,
  ): Promise<Refused | 'hidden' | null> {
    if (deviceId !== null && (await isDeviceRevoked(db, deviceId, user.teamId))) return 'revoked';
    if (!(await isUserRevoked(db, user.id))) return null;
    return deviceId !== null && (await isKnownDeviceOf(db, user.id, deviceId)) ? 'revoked' : 'hidden';
  }

  return {
    /**
     * Null when the username is unknown or the password wrong (the caller cannot
     * tell which); for a revoked user or device see revokedAnswerOf.
     */
    async login(
      username: string,
      password: string,
      deviceId: string | null,
      { refresh = false }: { refresh?: boolean } = {},
    ): Promise<SessionTokens | Refused | null> {
      const candidate = await findLoginCandidate(db, username);
      // Always checked, so a revoked account takes as long as any other.
      const matches = await verifyPassword(password, candidate?.passwordHash ?? UNKNOWN_USER_HASH);
      const user = candidate ? await findSessionUser(db, candidate.id) : null;
      const revoked = user ? await revokedAnswerOf(user, deviceId) : null;
      if (user && revoked) {
        await appendAudit(db, {
          userId: user.id,
          deviceId,
          action: 'revoked_refused',
          detail: {
            via: 'login',
            passwordMatched: matches,
            answer: revoked === 'revoked' ? 'revoked' : 'unauthorized',
          },
        });
        return revoked === 'revoked' ? 'revoked' : null;
      }
      if (!user || !matches) {
        const detail = { username: username.slice(0, 100) };
        await appendAudit(db, { userId: candidate?.id ?? null, deviceId, action: 'login_failed', detail });
        return null;
      }
      return startSession(user, deviceId, refresh);
    },

    startSession,

    /** Whether the person named `username` signed in on `deviceId` before (see isKnownDeviceOf). */
    async isKnownDevice(username: string, deviceId: string): Promise<boolean> {
      const candidate = await findLoginCandidate(db, username);
      return candidate !== null && (await isKnownDeviceOf(db, candidate.id, deviceId));
    },

    /** Renews a refresh token: a new pair, the old one used up. */
    async refresh(refreshToken: string, deviceId: string | null): Promise<SessionTokens | Refused | null> {
      const outcome = await db.transaction(async (tx) => {
        const tokenHash = hashToken(refreshToken);
        const stored = await takeRefreshToken(tx, tokenHash);
        if (!stored) return null;
        const user = await findSessionUser(tx, stored.userId);
        if (!user) return null;
        // The device the request names and the one the family was opened on (once when they are the same).
        const devices = new Set([deviceId, stored.deviceId].filter((id): id is string => id !== null));
        let deviceRevoked = false;
        for (const device of devices) {
          deviceRevoked = await isDeviceRevoked(tx, device, user.teamId);
          if (deviceRevoked) break;
        }
        if (stored.revoked || deviceRevoked) return { refused: 'revoked' as const, user, reused: false };
        if (stored.usedAt) {
          if (Date.now() - stored.usedAt.getTime() < REUSE_GRACE_MS) return null;
          await revokeFamily(tx, stored.familyId);
          return { refused: 'revoked' as const, user, reused: true };
        }
        await markRefreshTokenUsed(tx, tokenHash);
        const tokens = await issue(tx, {
          userId: user.id,
          deviceId: stored.deviceId,
          familyId: stored.familyId,
          shortLived: true,
        });
        return { refused: null, tokens: { ...tokens, user } };
      });
      if (!outcome) return null;
      if (outcome.refused) {
        await appendAudit(db, {
          userId: outcome.user.id,
          deviceId,
          action: outcome.reused ? 'refresh_reused' : 'revoked_refused',
          detail: { via: 'refresh' },
        });
        return 'revoked';
      }
      await appendAudit(db, { userId: outcome.tokens.user.id, deviceId, action: 'refresh', detail: {} });
      return outcome.tokens;
    },

    /** The session of a bearer token; 'revoked' when it was revoked; null when unknown or expired. */
    authenticate(token: string, deviceId: string | null): Promise<ValidSession | Refused | null> {
      return findValidSession(db, hashToken(token), deviceId);
    },

    /**
     * Ends the token's whole family: its access tokens and refresh tokens are
     * deleted, not marked revoked, so a refresh token of the logged-out device
     * is answered 401 'unauthorized' like any unknown one (the device wiped
     * itself at logout; 'revoked' would mean a lead cut it off).
     */
    async logout(userId: string, token: string, deviceId: string | null): Promise<void> {
      const tokenHash = hashToken(token);
      await db.transaction(async (tx) => {
        const familyId = await findSessionFamily(tx, tokenHash);
        if (familyId) {
          await lockFamilyRefreshTokens(tx, familyId);
          await deleteFamilyRefreshTokens(tx, familyId);
          await deleteFamilySessions(tx, familyId);
        }
        await deleteSession(tx, tokenHash);
      });
      await appendAudit(db, { userId, deviceId, action: 'logout', detail: {} });
    },
  };
}

export type AuthService = ReturnType<typeof createAuthService>;
