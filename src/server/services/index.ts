// Everything the HTTP layer calls, built once per app around one database.
import type { Database } from '../db/database';
import { type AuditEntry, appendAudit } from '../repositories/audit-log';
import { createAuthService, DEFAULT_SESSION_TTL_SECONDS } from './auth-service';
import { createCaseRecordsService } from './case-records-service';
import { type Clock, systemClock } from './clock';
import { createDeviceStatusService } from './device-status-service';
import { createInvitationService } from './invitation-service';
import { createLiveHub, type LiveHubOptions } from './live/live-hub';
import { createLoginRateLimit, type LoginRateLimits } from './login-rate-limit';
import { createPasswordChangeService } from './password-change-service';
import { createPeopleService } from './people-service';
import { createPullService } from './pull-service';
import { createPushService } from './push-service';
import { createRetention, type RetentionPeriods } from './retention';
import { createRevocationService } from './revocation-service';
import { createSetupService } from './setup-service';
import { createSubstitutionPeriods } from './substitution-periods';
import { createTeamSettingsService } from './team-settings-service';

export interface ServiceOptions {
  /** "Now" for substitution periods; tests move it. */
  clock?: Clock;
  sessionTtlSeconds?: number;
  /** How long an access token of a refreshing device lasts (default 15 minutes). */
  accessTokenTtlSeconds?: number;
  /** How long the token of a login without refresh lasts (default 12 hours). */
  nonRefreshingTokenTtlSeconds?: number;
  /** Timing of the live event streams (tests shorten them). */
  live?: LiveHubOptions;
  /** Retention periods of closed cases and pre-consultations (default DEFAULT_RETENTION). */
  retention?: RetentionPeriods;
  /** Failed-login limits per address and per username at an address (tests lower them). */
  loginRateLimits?: LoginRateLimits;
}

export function createServices(db: Database, options: ServiceOptions = {}) {
  const clock = options.clock ?? systemClock;
  const substitutionPeriods = createSubstitutionPeriods(db, clock);
  const live = createLiveHub(db, options.live);
  const retention = createRetention(db, clock, options.retention);
  const auth = createAuthService(db, {
    sessionTtlSeconds: options.sessionTtlSeconds ?? DEFAULT_SESSION_TTL_SECONDS,
    ...(options.accessTokenTtlSeconds ? { accessTokenTtlSeconds: options.accessTokenTtlSeconds } : {}),
    ...(options.nonRefreshingTokenTtlSeconds
      ? { nonRefreshingTokenTtlSeconds: options.nonRefreshingTokenTtlSeconds }
      : {}),
  });
  const loginRateLimit = createLoginRateLimit(db, options.loginRateLimits);
  return {
    auth,
    loginRateLimit,
    setup: createSetupService(db, { clock, auth, loginRateLimit }),
    passwordChange: createPasswordChangeService(db, { loginRateLimit }),
    invitations: createInvitationService(db, { auth, loginRateLimit }),
    people: createPeopleService(db, live),
    push: createPushService(db, { clock, substitutionPeriods, retention, live }),
    pull: createPullService(db, substitutionPeriods, retention),
    substitutionPeriods,
    retention,
    clock,
    live,
    devices: createDeviceStatusService(db),
    caseRecords: createCaseRecordsService(db, { clock, retention }),
    revocations: createRevocationService(db, live),
    teamSettings: createTeamSettingsService(db),
    /** Reads of routes without a service of their own go to the audit trail here. */
    audit: (entry: AuditEntry) => appendAudit(db, entry),
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
