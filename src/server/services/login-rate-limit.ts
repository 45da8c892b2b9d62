// Slows down password guessing without handing anyone a way to lock a person out.
//
// Failed logins are counted in sliding windows under two keys:
//   - the client address: one machine guessing many names or passwords;
//   - username + client address: one machine guessing one person's password.
// Never under the username alone: then anyone could keep a colleague out by
// typing wrong passwords for their name. A person at another address (their own
// phone) always gets through; a blocked address learns when to try again
// (Retry-After). The check happens before the user is looked up, so a refusal
// takes the same time whether the name exists or not, and it never touches the
// database.
//
// In memory, per process: enough for one server; several behind one proxy would
// each count on their own (a guesser then gets a multiple of the limit).

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

/** Keys tracked per rule at most: guessing from many addresses must not grow memory without bound. */
const MAX_TRACKED_KEYS = 20_000;

function slidingWindow({ maxFailures, windowMs }: RateLimitRule) {
  const failures = new Map<string, number[]>();

  function recent(key: string, now: number): number[] {
    const kept = (failures.get(key) ?? []).filter((at) => now - at < windowMs);
    if (kept.length === 0) failures.delete(key);
    else failures.set(key, kept);
    return kept;
  }

  return {
    /** Milliseconds until the key may try again; 0 when it may now. */
    retryAfterMs(key: string, now: number): number {
      const kept = recent(key, now);
      if (kept.length < maxFailures) return 0;
      // The window slides: one more attempt is allowed when the oldest counted failure leaves it.
      const oldest = kept[kept.length - maxFailures] ?? now;
      return Math.max(1, oldest + windowMs - now);
    },
    /** Counts a failure; true when this one reached the limit. */
    record(key: string, now: number): boolean {
      const list = [...recent(key, now), now];
      failures.delete(key);
      failures.set(key, list.slice(-maxFailures));
      if (failures.size > MAX_TRACKED_KEYS) {
        const stalest = failures.keys().next().value;
        if (stalest !== undefined) failures.delete(stalest);
      }
      return list.length === maxFailures;
    },
    forget(key: string): void {
      failures.delete(key);
    },
  };
}

export interface LoginAttempt {
  username: string;
  address: string;
}

const userKey = ({ username, address }: LoginAttempt) => `${address}\u0000${username.toLowerCase()}`;

export function createLoginRateLimit(limits: LoginRateLimits = DEFAULT_LOGIN_RATE_LIMITS) {
  const perAddress = slidingWindow(limits.perAddress);
  const perUser = slidingWindow(limits.perUserAndAddress);
  return {
    /** Milliseconds the attempt must wait; 0 when it may be checked now. */
    retryAfterMs(attempt: LoginAttempt, now = Date.now()): number {
      return Math.max(
        perAddress.retryAfterMs(attempt.address, now),
        perUser.retryAfterMs(userKey(attempt), now),
      );
    },
    /** Counts a failed login; returns which limit it just reached, if any (for the audit trail). */
    recordFailure(attempt: LoginAttempt, now = Date.now()): 'address' | 'user_and_address' | null {
      const addressReached = perAddress.record(attempt.address, now);
      const userReached = perUser.record(userKey(attempt), now);
      return addressReached ? 'address' : userReached ? 'user_and_address' : null;
    },
    /** A good login clears that person's count at that address (not the address's). */
    recordSuccess(attempt: LoginAttempt): void {
      perUser.forget(userKey(attempt));
    },
  };
}

export type LoginRateLimit = ReturnType<typeof createLoginRateLimit>;
