// Slows down password guessing: after too many failed logins for one username
// within a window, further attempts are refused until the window has passed.
// In memory, per process: enough for one server; a fleet would need a shared store.

const MAX_TRACKED_NAMES = 10_000;

export interface ThrottleOptions {
  maxFailures: number;
  windowMs: number;
}

export function createLoginThrottle(
  { maxFailures, windowMs }: ThrottleOptions = { maxFailures: 10, windowMs: 15 * 60_000 },
) {
  const failures = new Map<string, number[]>();

  function recent(key: string, now: number): number[] {
    const kept = (failures.get(key) ?? []).filter((at) => now - at < windowMs);
    if (kept.length === 0) failures.delete(key);
    else failures.set(key, kept);
    return kept;
  }

  return {
    isBlocked(username: string, now = Date.now()): boolean {
      return recent(username.toLowerCase(), now).length >= maxFailures;
    },
    recordFailure(username: string, now = Date.now()): void {
      const key = username.toLowerCase();
      const list = [...recent(key, now), now];
      failures.delete(key);
      failures.set(key, list);
      // Guessing many different names must not grow memory without bound: forget the stalest.
      if (failures.size > MAX_TRACKED_NAMES) {
        const stalest = failures.keys().next().value;
        if (stalest !== undefined) failures.delete(stalest);
      }
    },
    recordSuccess(username: string): void {
      failures.delete(username.toLowerCase());
    },
  };
}

export type LoginThrottle = ReturnType<typeof createLoginThrottle>;
