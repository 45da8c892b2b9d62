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
import { apiErrorOf, HttpError } from '../http-error';
import { parseInput } from '../validate';
import { assertStorable } from './people';

export function registerInvitationRoute(app: FastifyInstance, services: Services): void {
  app.post('/api/auth/invitation', { bodyLimit: 16 * 1024 }, async (request, reply) => {
    const { username, code, password, refresh = false } = parseInput(RedeemCodeRequest, request.body);
    assertStorable({ username, code, password });
    const deviceId = deviceIdOf(request);
    const attempt = { username, address: request.ip };
    const waitMs = await services.loginRateLimit.retryAfterMs(attempt);
    if (waitMs > 0) {
      return reply
        .status(429)
        .header('retry-after', String(Math.ceil(waitMs / 1000)))
        .send(apiErrorOf(HttpError.saying(429, 'rate_limited', 'tooManyLoginFailures')));
    }
    const session = await services.invitations.redeem({ username, code, password, refresh }, deviceId);
    if (session === 'revoked') {
      await services.loginRateLimit.recordSuccess(attempt);
      throw HttpError.saying(401, 'revoked', 'accessRevoked');
    }
    if (!session) {
      const reached = await services.loginRateLimit.recordFailure(attempt);
      if (reached) {
        await services.audit({
          userId: null,
          deviceId,
          action: 'login_rate_limited',
          detail: {
            username: username.slice(0, 100),
            address: request.ip,
            limit: reached,
            via: 'invitation',
          },
        });
      }
      throw HttpError.saying(401, 'unauthorized', 'codeWrong');
    }
    await services.loginRateLimit.recordSuccess(attempt);
    const response: SessionTokens = session;
    return response;
  });
}
