// GET /api/health: is the server up and its database reachable (no login needed).
import type { FastifyInstance } from 'fastify';
import type { z } from 'zod';
import { germanMessage } from '../../../shared/messages';
import { type HealthResponse, PROTOCOL_VERSION } from '../../../shared/protocol';
import type { Services } from '../../services';

export function registerHealthRoute(app: FastifyInstance, services: Services): void {
  app.get('/api/health', async (_request, reply) => {
    if (!(await services.databaseIsUp())) {
      const error = {
        code: 'unavailable',
        message: germanMessage('databaseUnreachable'),
        field: null,
        messageKey: 'databaseUnreachable',
        params: {},
      };
      return reply.status(503).send({ error });
    }
    const health: z.infer<typeof HealthResponse> = {
      status: 'ok',
      protocolVersion: PROTOCOL_VERSION,
      database: services.databaseKind,
    };
    return health;
  });
}
