// The set-up of an empty installation, without login (services/setup-service.ts):
//   GET  /api/setup -> SetupStatus: whether nobody exists yet who could sign in.
//   POST /api/setup (SetupRequest) -> SessionTokens: the organisation, its first
//     team and its first administrator, with the code the server printed at
//     start. Wrong or expired code: 400 naming setupCode; already set up: 409;
//     too many wrong codes from the address: 429 with Retry-After.
import type { FastifyInstance } from 'fastify';
import { type SessionTokens, SetupRequest, type SetupStatus } from '../../../shared/protocol';
import type { Services } from '../../services';
import { deviceIdOf } from '../device-id';
import { sendRateLimited } from '../rate-limited';
import { parseInput } from '../validate';

export function registerSetupRoutes(app: FastifyInstance, services: Services): void {
  app.get('/api/setup', async (): Promise<SetupStatus> => services.setup.status());

  app.post('/api/setup', { bodyLimit: 16 * 1024 }, async (request, reply) => {
    const setup = parseInput(SetupRequest, request.body);
    const deviceId = deviceIdOf(request);
    const outcome = await services.setup.setUp(setup, { address: request.ip, deviceId });
    if ('retryAfterMs' in outcome) return sendRateLimited(reply, outcome.retryAfterMs);
    const response: SessionTokens = outcome;
    return response;
  });
}
