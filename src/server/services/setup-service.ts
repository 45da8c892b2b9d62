// The set-up of an empty installation. While nobody can sign in, each start of
// the server issues a one-time code (printed next to the URL, valid 24 hours,
// replacing the code of an earlier start). Whoever types it creates the
// organisation, its first team and its first person, who administers it, in one
// transaction with the audit entry, and is signed in. Wrong codes count against
// the login limits of the address, so the set-up is no faster to guess than a
// password; once anybody exists, a set-up is refused and changes nothing.
import { randomUUID } from 'node:crypto';
import type { SessionTokens, SetupRequest, SetupStatus } from '../../shared/protocol';
import type { Database } from '../db/database';
import { appendAudit } from '../repositories/audit-log';
import { deleteSetupCode, lockSetupCode, replaceSetupCode } from '../repositories/setup-code';
import {
  countUsers,
  findSessionUser,
  insertOrganisation,
  insertTeam,
  insertUser,
} from '../repositories/users';
import type { AuthService } from './auth-service';
import type { Clock } from './clock';
import type { LoginRateLimit } from './login-rate-limit';
import { codeMatches, hashOneTimeCode, newOneTimeCode } from './one-time-code';
import { hashPassword } from './password';
import { reject } from './refusal';
import { findUnstorableField } from './storable-text';

/** How long a set-up code works after the start that printed it. */
export const SETUP_CODE_TTL_MS = 24 * 60 * 60 * 1000;

/**
 * The name set-up attempts are counted under at an address (login-rate-limit.ts):
 * not a possible username (a space), so no person shares the count.
 */
const SETUP_ATTEMPT_NAME = ' einrichtung';

export interface IssuedSetupCode {
  code: string;
  expiresAt: Date;
}

/** At start: a new code when nobody exists yet (in place of an earlier one); null otherwise. */
export function issueSetupCodeIfNeeded(db: Database, clock: Clock): Promise<IssuedSetupCode | null> {
  return db.transaction(async (tx) => {
    if ((await countUsers(tx)) > 0) return null;
    const code = newOneTimeCode();
    const expiresAt = new Date(clock().getTime() + SETUP_CODE_TTL_MS);
    await replaceSetupCode(tx, { codeHash: hashOneTimeCode(code), expiresAt });
    await appendAudit(tx, {
      userId: null,
      deviceId: null,
      action: 'setup_code_issued',
      detail: { expiresAt: expiresAt.toISOString() },
    });
    return { code, expiresAt };
  });
}

export interface SetupContext {
  /** The client address the attempt is counted under. */
  address: string;
  deviceId: string | null;
}

/** A set-up refused before its code was looked at: too many wrong codes from this address. */
export interface SetupRateLimited {
  retryAfterMs: number;
}

type Failure = 'setupCodeWrong' | 'setupCodeExpired' | 'alreadySetUp';

export interface SetupServiceOptions {
  clock: Clock;
  auth: Pick<AuthService, 'startSession'>;
  loginRateLimit: LoginRateLimit;
}

export function createSetupService(db: Database, { clock, auth, loginRateLimit }: SetupServiceOptions) {
  async function refuse(
    failure: Failure,
    context: SetupContext,
    attempt: { username: string; address: string },
  ) {
    await appendAudit(db, {
      userId: null,
      deviceId: context.deviceId,
      action: 'setup_failed',
      detail: { reason: failure, address: context.address },
    });
    if (failure === 'setupCodeWrong') {
      await loginRateLimit.recordFailure(attempt, { userId: null, deviceId: context.deviceId, via: 'setup' });
    }
    return failure === 'alreadySetUp' ? reject.conflict(failure) : reject.invalid(failure, 'setupCode');
  }

  return {
    /** Whether the installation still waits for its set-up: nobody exists who could sign in. */
    async status(): Promise<SetupStatus> {
      return { needed: (await countUsers(db)) === 0 };
    },

    /** Sets up the organisation with the printed code and signs its first person in. */
    async setUp(request: SetupRequest, context: SetupContext): Promise<SessionTokens | SetupRateLimited> {
      const unstorable = findUnstorableField(request);
      if (unstorable) throw reject.invalid('unstorableText', unstorable);
      const attempt = { username: SETUP_ATTEMPT_NAME, address: context.address };
      const retryAfterMs = await loginRateLimit.retryAfterMs(attempt);
      if (retryAfterMs > 0) return { retryAfterMs };
      // Hashed before the transaction: scrypt is slow on purpose.
      const passwordHash = await hashPassword(request.password);
      const outcome = await db.transaction(async (tx): Promise<{ userId: string } | Failure> => {
        const stored = await lockSetupCode(tx);
        if ((await countUsers(tx)) > 0) return 'alreadySetUp';
        if (!stored || !codeMatches(request.setupCode, stored.codeHash)) return 'setupCodeWrong';
        if (stored.expiresAt.getTime() <= clock().getTime()) return 'setupCodeExpired';
        const organisationId = randomUUID();
        const teamId = randomUUID();
        const userId = randomUUID();
        await insertOrganisation(tx, { id: organisationId, name: request.organisationName });
        await insertTeam(tx, { id: teamId, name: request.teamName, organisationId });
        await insertUser(tx, {
          id: userId,
          teamId,
          username: request.username,
          displayName: request.displayName,
          role: 'admin',
          administers: true,
          passwordHash,
        });
        await deleteSetupCode(tx);
        await appendAudit(tx, {
          userId,
          deviceId: context.deviceId,
          action: 'setup_completed',
          detail: { organisationId, teamId, username: request.username, address: context.address },
        });
        return { userId };
      });
      if (typeof outcome === 'string') throw await refuse(outcome, context, attempt);
      const user = await findSessionUser(db, outcome.userId);
      if (!user) throw new Error('the person just set up is missing');
      await loginRateLimit.recordSuccess(attempt);
      return auth.startSession(user, context.deviceId, request.refresh ?? false);
    },
  };
}

export type SetupService = ReturnType<typeof createSetupService>;
