// POST /api/auth/logout: ends the session of the presented token and its token
// family, so the device's refresh token no longer renews it (401 'unauthorized').
import type { FastifyInstance } from 'fastify';
import type { Services } from '../../services';
import { authenticatedOf } from '../auth-hook';
import { deviceIdOf } from '../device-id';

export function registerLogoutRoute(app: FastifyInstance, services: Services): void {
  app.post('/api/auth/logout', async (request, reply) => {
    const { actor, token } = authenticatedOf(request);
    await services.auth.logout(actor.id, token, deviceIdOf(request));
    return reply.status(204).send();
  });
}
