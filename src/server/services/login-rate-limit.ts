// Slows down password guessing without handing anyone a way to lock a person out.
//
// Failed logins are counted in sliding windows under two keys:
//   - the client address: one machine guessing many names or passwords;
//   - username + client address: one machine guessing one person's password.
// Never under the username alone: then anyone could keep a colleague out by
// typing wrong passwords for their name. A person at another address (their own
// phone) always gets through; a blocked address learns when to try again
// (Retry-After). The check happens before the user is looked up, so a refusal
// takes the same time whether the name exists or not.
//
// The failures are kept in PostgreSQL (login_failures), so every server instance
// on one database counts the same failures: two instances behind a proxy do not
// each allow the full count. Rows older than the longest window are pruned as
// new failures come in.
//
// An office behind one NAT address shares the address limit: its guessers (or
// one person's forgotten password, many times over) must not lock the whole
// office out. So a device that signed in as this person before may still try
// the right password when only the address limit holds (check().addressOnly,
// the login route decides); the limit of that person at that address holds always.
//
// Reaching a limit is in the audit trail: recordFailure writes it, with what the
// caller says of the attempt (who, from which device, via which door).
import type { Database } from '../db/database';
import { appendAudit } from '../repositories/audit-log';
import {
  deleteLoginFailures,
  findRecentFailureTimes,
  insertLoginFailures,
  pruneLoginFailures,
} from '../repositories/login-failures';

export interface RateLimitRule {
  maxFailures: number;
  windowMs: number;
}

export interface LoginRateLimits {
  perAddress: RateLimitRule;
  perUserAndAddress: RateLimitRule;
}

const DEFAULT_LOGIN_RATE_LIMITS: LoginRateLimits = {
  // An office behind one NAT address shares this: generous.
  perAddress: { maxFailures: 50, windowMs: 15 * 60_000 },
  perUserAndAddress: { maxFailures: 10, windowMs: 15 * 60_000 },
};

export interface LoginAttempt {
  username: string;
  address: string;
}

type ReachedLimit = 'address' | 'user_and_address';

/** What the audit entry says of a failure that reaches a limit. */
export interface FailureAudit {
  userId: string | null;
  deviceId: string | null;
  /** The door other than the login: 'invitation', 'setup', 'password_change'. */
  via?: string;
  /** The name the attempt was made under, when it is a person's. */
  username?: string;
}

const addressKey = ({ address }: LoginAttempt) => `address ${address}`;
const userKey = ({ username, address }: LoginAttempt) =>
  `user ${address} ${username.toLowerCase().slice(0, 200)}`;

export function createLoginRateLimit(db: Database, limits: LoginRateLimits = DEFAULT_LOGIN_RATE_LIMITS) {
  const longestWindowMs = Math.max(limits.perAddress.windowMs, limits.perUserAndAddress.windowMs);

  /** Milliseconds until `key` may try again under `rule`; 0 when it may now. */
  async function waitOf(key: string, { maxFailures, windowMs }: RateLimitRule, now: number): Promise<number> {
    const recent = await findRecentFailureTimes(db, key, new Date(now - windowMs), maxFailures);
    if (recent.length < maxFailures) return 0;
    // The window slides: one more attempt is allowed when the oldest counted failure leaves it.
    const oldest = recent[maxFailures - 1] ?? now;
    return Math.max(1, oldest + windowMs - now);
  }

  async function waits(attempt: LoginAttempt, now: number) {
    const [address, user] = await Promise.all([
      waitOf(addressKey(attempt), limits.perAddress, now),
      waitOf(userKey(attempt), limits.perUserAndAddress, now),
    ]);
    return { address, user };
  }

  async function reached(key: string, { maxFailures, windowMs }: RateLimitRule, now: number) {
    const recent = await findRecentFailureTimes(db, key, new Date(now - windowMs), maxFailures + 1);
    return recent.length === maxFailures;
  }

  /**
   * Milliseconds the attempt must wait (0 when it may be checked now), and
   * whether only the address limit holds it back, not the limit of this name
   * at this address: then a device this person signed in on before may still
   * try the right password.
   */
  async function check(
    attempt: LoginAttempt,
    now = Date.now(),
  ): Promise<{ waitMs: number; addressOnly: boolean }> {
    const { address, user } = await waits(attempt, now);
    return { waitMs: Math.max(address, user), addressOnly: address > 0 && user === 0 };
  }

  return {
    check,

    /** Milliseconds the attempt must wait; 0 when it may be checked now. */
    async retryAfterMs(attempt: LoginAttempt, now = Date.now()): Promise<number> {
      return (await check(attempt, now)).waitMs;
    },

    /**
     * Counts a failed attempt; returns which limit it just reached, if any, and
     * when one was reached and `audit` says who, puts that in the audit trail.
     */
    async recordFailure(
      attempt: LoginAttempt,
      audit: FailureAudit | null = null,
      now = Date.now(),
    ): Promise<ReachedLimit | null> {
      const at = new Date(now);
      await db.transaction(async (tx) => {
        await insertLoginFailures(tx, [addressKey(attempt), userKey(attempt)], at);
        await pruneLoginFailures(tx, new Date(now - longestWindowMs));
      });
      const limit = (await reached(addressKey(attempt), limits.perAddress, now))
        ? 'address'
        : (await reached(userKey(attempt), limits.perUserAndAddress, now))
          ? 'user_and_address'
          : null;
      if (limit && audit) {
        const { userId, deviceId, via, username } = audit;
        await appendAudit(db, {
          userId,
          deviceId,
          action: 'login_rate_limited',
          detail: {
            ...(via && { via }),
            ...(username !== undefined && { username: username.slice(0, 100) }),
            address: attempt.address,
            limit,
          },
        });
      }
      return limit;
    },

    /** A good login clears that person's count at that address (not the address's). */
    async recordSuccess(attempt: LoginAttempt): Promise<void> {
      await deleteLoginFailures(db, userKey(attempt));
    },
  };
}

export type LoginRateLimit = ReturnType<typeof createLoginRateLimit>;
