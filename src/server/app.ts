// The Fastify application: routes, hooks and error handling around one database.
// Tests build it with app.inject() or listen on port 0; main.ts adds the process around it.
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import type { Database } from './db/database';
import { createAuthHook } from './http/auth-hook';
import { installErrorHandler } from './http/error-handler';
import { apiError } from './http/http-error';
import { requireProtocolVersion } from './http/protocol-hook';
import { registerDeviceRoutes } from './http/routes/devices';
import { registerEventsRoute } from './http/routes/events';
import { registerHealthRoute } from './http/routes/health';
import { registerLoginRoute } from './http/routes/login';
import { registerLogoutRoute } from './http/routes/logout';
import { registerMeRoute } from './http/routes/me';
import { registerPullRoute } from './http/routes/sync-pull';
import { registerPushRoute } from './http/routes/sync-push';
import { isSpaRequest, registerStaticFiles, sendIndexHtml } from './http/static-files';
import { createServices } from './services';
import type { Clock } from './services/clock';
import type { LiveHubOptions } from './services/live/live-hub';

export interface AppOptions {
  db: Database;
  /** Directory of the built app (dist/); omitted or without index.html: API only. */
  staticDir?: string;
  logger?: FastifyServerOptions['logger'];
  /** "Now" for substitution periods (tests move it); default the system clock. */
  clock?: Clock;
  /** How long a login lasts; default 30 days. */
  sessionTtlSeconds?: number;
  /** Timing of the live event streams (tests shorten them). */
  live?: LiveHubOptions;
}

/** Default body limit of API routes; push raises its own. */
const BODY_LIMIT = 64 * 1024;

export async function buildApp({
  db,
  staticDir,
  logger = false,
  clock,
  sessionTtlSeconds,
  live,
}: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger,
    bodyLimit: BODY_LIMIT,
    onProtoPoisoning: 'error',
    onConstructorPoisoning: 'error',
  });
  const services = createServices(db, {
    ...(clock ? { clock } : {}),
    ...(sessionTtlSeconds ? { sessionTtlSeconds } : {}),
    ...(live ? { live } : {}),
  });
  // JSON only: text/plain would otherwise reach the routes as a string.
  app.removeContentTypeParser('text/plain');
  app.decorateRequest('authenticated', null);
  installErrorHandler(app);

  app.addHook('onSend', async (request, reply) => {
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'no-referrer');
    // Case data must not linger in HTTP caches; the app keeps its own encrypted copy.
    if (request.url.startsWith('/api/')) reply.header('cache-control', 'no-store');
  });

  registerHealthRoute(app, services);
  registerLoginRoute(app, services);

  const authHook = createAuthHook(services.auth, services.devices);
  await app.register(async (scope) => {
    scope.addHook('onRequest', authHook);
    registerMeRoute(scope);
    registerLogoutRoute(scope, services);
    registerDeviceRoutes(scope, services);
    registerEventsRoute(scope, services);
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
    return reply
      .status(404)
      .send(apiError('not_found', `Unbekannte Adresse: ${request.method} ${request.url}`));
  });

  // Substitution periods also start and end while nobody syncs.
  services.substitutionPeriods.start((error) => app.log.error({ err: error }, 'substitution tick failed'));
  app.addHook('onClose', async () => services.substitutionPeriods.stop());

  // Live events: listen before the first request; end open streams before the
  // server waits for running requests (an event stream never ends by itself),
  // and stop listening before the database closes.
  await services.live.start();
  app.addHook('preClose', async () => services.live.endAll());
  app.addHook('onClose', async () => services.live.stop());

  await app.ready();
  return app;
}
