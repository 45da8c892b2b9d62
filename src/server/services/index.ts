// Everything the HTTP layer calls, built once per app around one database.
import type { Database } from '../db/database';
import { createAuthService, DEFAULT_SESSION_TTL_SECONDS } from './auth-service';
import { type Clock, systemClock } from './clock';
import { createLoginThrottle } from './login-throttle';
import { createPullService } from './pull-service';
import { createPushService } from './push-service';
import { createSubstitutionPeriods } from './substitution-periods';

export interface ServiceOptions {
  /** "Now" for substitution periods; tests move it. */
  clock?: Clock;
  sessionTtlSeconds?: number;
}

export function createServices(db: Database, options: ServiceOptions = {}) {
  const clock = options.clock ?? systemClock;
  const substitutionPeriods = createSubstitutionPeriods(db, clock);
  return {
    auth: createAuthService(db, options.sessionTtlSeconds ?? DEFAULT_SESSION_TTL_SECONDS),
    loginThrottle: createLoginThrottle(),
    push: createPushService(db, { clock, substitutionPeriods }),
    pull: createPullService(db, substitutionPeriods),
    substitutionPeriods,
    async databaseIsUp(): Promise<boolean> {
      try {
        await db.query('SELECT 1');
        return true;
      } catch {
        return false;
      }
    },
    databaseKind: db.kind,
  };
}

export type Services = ReturnType<typeof createServices>;
