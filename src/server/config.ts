// Settings from the environment, checked once at start.
import { z } from 'zod';
import {
  DEFAULT_ACCESS_TOKEN_TTL_SECONDS,
  DEFAULT_NON_REFRESHING_TOKEN_TTL_SECONDS,
  DEFAULT_SESSION_TTL_SECONDS,
} from './services/auth-service';
import { DEFAULT_RETENTION } from './services/retention';

const Env = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z.string().min(1).optional(),
  FELDAKTE_DEMO: z.enum(['0', '1']).default('1'),
  STATIC_DIR: z.string().min(1).default('./dist'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** How long a login lasts. Browser tests shorten it to test token expiry. */
  FELDAKTE_SESSION_TTL_SECONDS: z.coerce.number().int().min(1).default(DEFAULT_SESSION_TTL_SECONDS),
  /** How long an access token of a device that renews it with its refresh token lasts. */
  FELDAKTE_ACCESS_TOKEN_TTL_SECONDS: z.coerce.number().int().min(1).default(DEFAULT_ACCESS_TOKEN_TTL_SECONDS),
  /** How long the one token of a login without refresh (an old app, a script) lasts. */
  FELDAKTE_NON_REFRESHING_TOKEN_TTL_SECONDS: z.coerce
    .number()
    .int()
    .min(1)
    .default(DEFAULT_NON_REFRESHING_TOKEN_TTL_SECONDS),
  /** Days a closed case is kept before it is erased (default 5 years). */
  FELDAKTE_RETENTION_CASE_DAYS: z.coerce.number().int().min(1).default(DEFAULT_RETENTION.caseDays),
  /** Days a pre-consultation that became no case is kept after its last change (default 1 year). */
  FELDAKTE_RETENTION_PRECONSULTATION_DAYS: z.coerce
    .number()
    .int()
    .min(1)
    .default(DEFAULT_RETENTION.preConsultationDays),
  /** '1': a reverse proxy in front terminates TLS; trust its x-forwarded-proto (HSTS, client address). */
  FELDAKTE_TRUST_PROXY: z.enum(['0', '1']).default('0'),
});

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  seedDemo: boolean;
  staticDir: string;
  logLevel: string;
  sessionTtlSeconds: number;
  accessTokenTtlSeconds: number;
  nonRefreshingTokenTtlSeconds: number;
  retention: { caseDays: number; preConsultationDays: number };
  trustProxy: boolean;
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // An empty variable (`DATABASE_URL=` in a shell or .env file) means "not set".
  const setOnly = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== ''));
  const parsed = Env.safeParse(setOnly);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`Invalid environment: ${issue?.path.join('.')}: ${issue?.message}`);
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: e.DATA_DIR,
    databaseUrl: e.DATABASE_URL,
    seedDemo: e.FELDAKTE_DEMO !== '0',
    staticDir: e.STATIC_DIR,
    logLevel: e.LOG_LEVEL,
    sessionTtlSeconds: e.FELDAKTE_SESSION_TTL_SECONDS,
    accessTokenTtlSeconds: e.FELDAKTE_ACCESS_TOKEN_TTL_SECONDS,
    nonRefreshingTokenTtlSeconds: e.FELDAKTE_NON_REFRESHING_TOKEN_TTL_SECONDS,
    retention: {
      caseDays: e.FELDAKTE_RETENTION_CASE_DAYS,
      preConsultationDays: e.FELDAKTE_RETENTION_PRECONSULTATION_DAYS,
    },
    trustProxy: e.FELDAKTE_TRUST_PROXY === '1',
  };
}
