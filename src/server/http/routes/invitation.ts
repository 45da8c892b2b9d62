// POST /api/auth/invitation {username, code, password, refresh?} -> SessionTokens
// (no login): a person redeems an invitation or password-reset code, chooses a
// password and is signed in on this device (services/invitation-service.ts).
// Every failure is one 401 that does not say what was wrong; failures count
// against the same limits as failed logins (429 with Retry-After, decided before
// anything is looked up). A blocked person is answered 401 'revoked'.
import type { FastifyInstance } from 'fastify';
import { RedeemCodeRequest, type SessionTokens } from '../../../shared/protocol';
import type { Services } from '../../services';
import { deviceIdOf } from '../device-id';
import { HttpError } from '../http-error';
import { sendRateLimited } from '../rate-limited';
import { assertStorable, parseInput } from '../validate';

export function registerInvitationRoute(app: FastifyInstance, services: Services): void {
  app.post('/api/auth/invitation', { bodyLimit: 16 * 1024 }, async (request, reply) => {
    const { username, code, password, refresh = false } = parseInput(RedeemCodeRequest, request.body);
    assertStorable({ username, code, password });
    const context = { deviceId: deviceIdOf(request), address: request.ip };
    const outcome = await services.invitations.redeem({ username, code, password, refresh }, context);
    if (outcome === 'revoked') throw HttpError.saying(401, 'revoked', 'accessRevoked');
    if (outcome === null) throw HttpError.saying(401, 'unauthorized', 'codeWrong');
    if ('retryAfterMs' in outcome) return sendRateLimited(reply, outcome.retryAfterMs);
    const response: SessionTokens = outcome;
    return response;
  });
}
