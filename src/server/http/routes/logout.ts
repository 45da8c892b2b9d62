// POST /api/auth/logout: ends the session of the presented token.
import type { FastifyInstance } from 'fastify';
import type { Services } from '../../services';
import { authenticatedOf } from '../auth-hook';

export function registerLogoutRoute(app: FastifyInstance, services: Services): void {
  app.post('/api/auth/logout', async (request, reply) => {
    await services.auth.logout(authenticatedOf(request).token);
    return reply.status(204).send();
  });
}
