// POST /api/auth/password (ChangePasswordRequest) -> 204: the signed-in person
// changes their own password (services/password-change-service.ts). A wrong
// current password: 400 naming currentPassword; too many: 429 with Retry-After.
import type { FastifyInstance } from 'fastify';
import { ChangePasswordRequest } from '../../../shared/protocol';
import type { Services } from '../../services';
import { authenticatedOf } from '../auth-hook';
import { deviceIdOf } from '../device-id';
import { sendRateLimited } from '../rate-limited';
import { parseInput } from '../validate';

export function registerPasswordRoute(app: FastifyInstance, services: Services): void {
  app.post('/api/auth/password', { bodyLimit: 16 * 1024 }, async (request, reply) => {
    const { actor, token } = authenticatedOf(request);
    const change = parseInput(ChangePasswordRequest, request.body);
    const context = { token, deviceId: deviceIdOf(request), address: request.ip };
    const limited = await services.passwordChange.change(actor, context, change);
    if (limited) return sendRateLimited(reply, limited.retryAfterMs);
    return reply.status(204).send();
  });
}
