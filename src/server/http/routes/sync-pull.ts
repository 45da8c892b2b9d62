// GET /api/sync/pull?cursor=&limit= -> PullResponse.
import type { FastifyInstance } from 'fastify';
import { PullQuery, type PullResponse } from '../../../shared/protocol';
import type { Services } from '../../services';
import { authenticatedOf } from '../auth-hook';
import { deviceIdOf } from '../device-id';
import { parseInput } from '../validate';

const StrictPullQuery = PullQuery.strict();

export function registerPullRoute(app: FastifyInstance, services: Services): void {
  app.get('/api/sync/pull', async (request): Promise<PullResponse> => {
    const { actor } = authenticatedOf(request);
    const deviceId = deviceIdOf(request);
    const { cursor, limit } = parseInput(StrictPullQuery, request.query);
    return services.pull.pull(actor, deviceId, cursor, limit);
  });
}
