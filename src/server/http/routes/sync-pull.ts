// GET /api/sync/pull?cursor=&limit= -> PullResponse.
import type { FastifyInstance } from 'fastify';
import { PullQuery, type PullResponse } from '../../../shared/protocol';
import type { Services } from '../../services';
import { authenticatedOf } from '../auth-hook';
import { deviceIdOf } from '../device-id';
import { HttpError } from '../http-error';
import { parseInput } from '../validate';

/** The largest seq PostgreSQL can hold (bigint); the shared Cursor allows any 19 digits. */
const MAX_CURSOR = 9_223_372_036_854_775_807n;

const StrictPullQuery = PullQuery.strict();

export function registerPullRoute(app: FastifyInstance, services: Services): void {
  app.get('/api/sync/pull', async (request): Promise<PullResponse> => {
    const { actor } = authenticatedOf(request);
    const deviceId = deviceIdOf(request);
    const { cursor, limit } = parseInput(StrictPullQuery, request.query);
    if (BigInt(cursor) > MAX_CURSOR) throw HttpError.saying(400, 'invalid', 'tooLarge', 'cursor');
    return services.pull.pull(actor, deviceId, cursor, limit);
  });
}
