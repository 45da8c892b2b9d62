// The Fastify application: routes, hooks and error handling around one database.
// Tests build it with app.inject() or listen on port 0; main.ts adds the process around it.
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { z } from 'zod';
import type { Database } from './db/database';
import { createAuthHook } from './http/auth-hook';
import { installErrorHandler } from './http/error-handler';
import { apiErrorOf, HttpError } from './http/http-error';
import { requireProtocolVersion } from './http/protocol-hook';
import { registerCaseRecordRoutes } from './http/routes/case-records';
import { registerDeviceRevocationRoute } from './http/routes/device-revocation';
import { registerDeviceRoutes } from './http/routes/devices';
import { registerEventsRoute } from './http/routes/events';
import { registerHealthRoute } from './http/routes/health';
import { registerInvitationRoute } from './http/routes/invitation';
import { registerLoginRoute } from './http/routes/login';
import { registerLogoutRoute } from './http/routes/logout';
import { registerMeRoute } from './http/routes/me';
import { registerPasswordRoute } from './http/routes/password';
import { registerPeopleRoutes } from './http/routes/people';
import { registerRefreshRoute } from './http/routes/refresh';
import { registerRevocationRoutes } from './http/routes/revocations';
import { registerSetupRoutes } from './http/routes/setup';
import { registerPullRoute } from './http/routes/sync-pull';
import { registerPushRoute } from './http/routes/sync-push';
import { registerTeamSettingsRoute } from './http/routes/team-settings';
import { registerTeamRoutes } from './http/routes/teams';
import { installSecurityHeaders } from './http/security-headers';
import { isSpaRequest, registerStaticFiles, sendIndexHtml } from './http/static-files';
import { createServices } from './services';
import type { Clock } from './services/clock';
import type { LiveHubOptions } from './services/live/live-hub';
import type { RetentionPeriods } from './services/retention';

export interface AppOptions {
  db: Database;
  /** Directory of the built app (dist/); omitted or without index.html: API only. */
  staticDir?: string;
  logger?: FastifyServerOptions['logger'];
  /** "Now" for substitution periods (tests move it); default the system clock. */
  clock?: Clock;
  /** How long a login lasts; default 30 days. */
  sessionTtlSeconds?: number;
  /** How long an access token of a device that refreshes lasts; default 15 minutes. */
  accessTokenTtlSeconds?: number;
  /** How long the token of a login without refresh lasts; default 12 hours. */
  nonRefreshingTokenTtlSeconds?: number;
  /** Timing of the live event streams (tests shorten them). */
  live?: LiveHubOptions;
  /** Retention periods (FELDAKTE_RETENTION_*_DAYS); default services/retention.ts. */
  retention?: RetentionPeriods;
  /**
   * A reverse proxy in front terminates TLS: trust its x-forwarded-proto (HSTS)
   * and x-forwarded-for (the client address the login rate limit counts).
   */
  trustProxy?: boolean;
}

export interface RouteEntry {
  method: string;
  url: string;
}

const routeLists = new WeakMap<FastifyInstance, RouteEntry[]>();

/**
 * Every route the app registered (static files included), so a test can walk all
 * of them and notice a new endpoint nobody checked (tests/server/access-walk.test.ts).
 */
// The API answers in the app's language: zod's own messages (bounds, types, unknown fields) in German too.
z.config(z.locales.de());

export function routesOf(app: FastifyInstance): readonly RouteEntry[] {
  return routeLists.get(app) ?? [];
}

/** Default body limit of API routes; push raises its own. */
const BODY_LIMIT = 64 * 1024;

export async function buildApp({
  db,
  staticDir,
  logger = false,
  clock,
  sessionTtlSeconds,
  accessTokenTtlSeconds,
  nonRefreshingTokenTtlSeconds,
  live,
  retention,
  trustProxy = false,
}: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger,
    trustProxy,
    bodyLimit: BODY_LIMIT,
    onProtoPoisoning: 'error',
    onConstructorPoisoning: 'error',
    // No implicit HEAD twin of API routes (a HEAD of the event stream would open
    // one); the static files register their own HEAD.
    exposeHeadRoutes: false,
  });
  const routes: RouteEntry[] = [];
  routeLists.set(app, routes);
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) routes.push({ method, url: route.url });
  });
  const services = createServices(db, {
    ...(clock ? { clock } : {}),
    ...(sessionTtlSeconds ? { sessionTtlSeconds } : {}),
    ...(accessTokenTtlSeconds ? { accessTokenTtlSeconds } : {}),
    ...(nonRefreshingTokenTtlSeconds ? { nonRefreshingTokenTtlSeconds } : {}),
    ...(live ? { live } : {}),
    ...(retention ? { retention } : {}),
  });
  // JSON only: text/plain would otherwise reach the routes as a string.
  app.removeContentTypeParser('text/plain');
  app.decorateRequest('authenticated', null);
  installErrorHandler(app);

  installSecurityHeaders(app);

  registerHealthRoute(app, services);
  registerLoginRoute(app, services);
  registerRefreshRoute(app, services);
  registerInvitationRoute(app, services);
  registerDeviceRevocationRoute(app, services);
  registerSetupRoutes(app, services);

  const authHook = createAuthHook(services.auth, services.devices);
  await app.register(async (scope) => {
    scope.addHook('onRequest', authHook);
    registerMeRoute(scope);
    registerPasswordRoute(scope, services);
    registerLogoutRoute(scope, services);
    registerDeviceRoutes(scope, services);
    registerEventsRoute(scope, services);
    registerCaseRecordRoutes(scope, services);
    registerRevocationRoutes(scope, services);
    registerTeamSettingsRoute(scope, services);
    registerPeopleRoutes(scope, services);
    registerTeamRoutes(scope, services);
  });
  await app.register(async (scope) => {
    scope.addHook('onRequest', requireProtocolVersion);
    scope.addHook('onRequest', authHook);
    registerPushRoute(scope, services);
    registerPullRoute(scope, services);
  });

  const servesApp = staticDir ? await registerStaticFiles(app, staticDir) : false;
  app.setNotFoundHandler((request, reply) => {
    if (servesApp && isSpaRequest(request)) return sendIndexHtml(reply);
    const { method, url } = request;
    return reply
      .status(404)
      .send(apiErrorOf(HttpError.saying(404, 'not_found', 'unknownAddress', null, { method, url })));
  });

  // Substitution periods also start and end while nobody syncs.
  services.substitutionPeriods.start((error) => app.log.error({ err: error }, 'substitution tick failed'));
  app.addHook('onClose', async () => services.substitutionPeriods.stop());
  // Deletion dates pass while nobody syncs too.
  services.retention.start((error) => app.log.error({ err: error }, 'retention tick failed'));
  app.addHook('onClose', async () => services.retention.stop());

  // Live events: listen before the first request; end open streams before the
  // server waits for running requests (an event stream never ends by itself),
  // and stop listening before the database closes.
  await services.live.start();
  app.addHook('preClose', async () => services.live.endAll());
  app.addHook('onClose', async () => services.live.stop());

  await app.ready();
  return app;
}
