// Login and sessions. A session token is 32 random bytes handed to the device
// once; the server keeps only its SHA-256, so the sessions table opens nothing.
import { createHash, randomBytes } from 'node:crypto';
import type { LoginResponse } from '../../shared/protocol';
import type { Database } from '../db/database';
import { appendAudit } from '../repositories/audit-log';
import {
  deleteExpiredSessions,
  deleteSession,
  findValidSession,
  insertSession,
  type ValidSession,
} from '../repositories/sessions';
import { findLoginCandidate, findSessionUser } from '../repositories/users';
import { UNKNOWN_USER_HASH, verifyPassword } from './password';

/** A session lasts 30 days unless configured otherwise (FELDAKTE_SESSION_TTL_SECONDS). */
export const DEFAULT_SESSION_TTL_SECONDS = 30 * 24 * 60 * 60;

function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function createAuthService(db: Database, sessionTtlSeconds: number = DEFAULT_SESSION_TTL_SECONDS) {
  return {
    /** Null when the username is unknown or the password wrong (the caller cannot tell which). */
    async login(username: string, password: string, deviceId: string | null): Promise<LoginResponse | null> {
      const candidate = await findLoginCandidate(db, username);
      const matches = await verifyPassword(password, candidate?.passwordHash ?? UNKNOWN_USER_HASH);
      if (!candidate || !matches) {
        const detail = { username: username.slice(0, 100) };
        await appendAudit(db, { userId: candidate?.id ?? null, deviceId, action: 'login_failed', detail });
        return null;
      }
      const user = await findSessionUser(db, candidate.id);
      if (!user) return null;
      const token = randomBytes(32).toString('base64url');
      const expiresAt = new Date(Date.now() + sessionTtlSeconds * 1000);
      await insertSession(db, { tokenHash: hashToken(token), userId: user.id, expiresAt });
      await deleteExpiredSessions(db);
      await appendAudit(db, { userId: user.id, deviceId, action: 'login', detail: {} });
      return { token, expiresAt: expiresAt.toISOString(), user };
    },

    /** The session of a bearer token, or null when unknown or expired. */
    authenticate(token: string): Promise<ValidSession | null> {
      return findValidSession(db, hashToken(token));
    },

    async logout(userId: string, token: string, deviceId: string | null): Promise<void> {
      await deleteSession(db, hashToken(token));
      await appendAudit(db, { userId, deviceId, action: 'logout', detail: {} });
    },
  };
}

export type AuthService = ReturnType<typeof createAuthService>;
