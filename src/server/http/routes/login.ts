// POST /api/auth/login {username, password, refresh?} -> SessionTokens (tokens shown once;
// a LoginResponse plus the refresh token, see services/auth-service.ts).
// Failed logins are rate limited per client address and per username at that
// address (services/login-rate-limit.ts): 429 with Retry-After, decided before
// the password is checked. Where only the address limit holds (an office behind
// one NAT address), a device that signed in as this person before still gets its
// password checked: the right one signs in, a wrong one counts as a failure.
import type { FastifyInstance } from 'fastify';
import { LoginWithRefreshRequest, type SessionTokens } from '../../../shared/protocol';
import type { Services } from '../../services';
import type { LoginAttempt } from '../../services/login-rate-limit';
import { deviceIdOf } from '../device-id';
import { HttpError } from '../http-error';
import { sendRateLimited } from '../rate-limited';
import { assertStorable, parseInput } from '../validate';

const StrictLoginRequest = LoginWithRefreshRequest.strict();

/** Whether the attempt waits: a known device may try its password although the address is over its limit. */
async function mustWait(services: Services, attempt: LoginAttempt, deviceId: string | null): Promise<number> {
  const { waitMs, addressOnly } = await services.loginRateLimit.check(attempt);
  if (waitMs === 0) return 0;
  const knownDevice =
    addressOnly && deviceId !== null && (await services.auth.isKnownDevice(attempt.username, deviceId));
  return knownDevice ? 0 : waitMs;
}

export function registerLoginRoute(app: FastifyInstance, services: Services): void {
  app.post('/api/auth/login', { bodyLimit: 16 * 1024 }, async (request, reply) => {
    const { username, password, refresh = false } = parseInput(StrictLoginRequest, request.body);
    assertStorable({ username, password });
    const deviceId = deviceIdOf(request);
    const attempt = { username, address: request.ip };
    const waitMs = await mustWait(services, attempt, deviceId);
    if (waitMs > 0) return sendRateLimited(reply, waitMs);
    const session = await services.auth.login(username, password, deviceId, { refresh });
    if (session === 'revoked') {
      await services.loginRateLimit.recordSuccess(attempt);
      throw HttpError.saying(401, 'revoked', 'accessRevoked');
    }
    if (!session) {
      await services.loginRateLimit.recordFailure(attempt, { userId: null, deviceId, username });
      throw HttpError.saying(401, 'unauthorized', 'loginWrong');
    }
    await services.loginRateLimit.recordSuccess(attempt);
    const response: SessionTokens = session;
    return response;
  });
}
