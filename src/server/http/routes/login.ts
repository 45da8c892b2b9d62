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
import { findUnstorableField } from '../../services/storable-text';
import { deviceIdOf } from '../device-id';
import { apiErrorOf, HttpError } from '../http-error';
import { parseInput } from '../validate';

const StrictLoginRequest = LoginWithRefreshRequest.strict();

/** Whether a known device may try its password although the address is over its limit. */
async function passesAddressLimit(
  services: Services,
  attempt: LoginAttempt,
  deviceId: string | null,
): Promise<boolean> {
  if (deviceId === null) return false;
  if (!(await services.loginRateLimit.addressLimitOnly(attempt))) return false;
  return services.auth.isKnownDevice(attempt.username, deviceId);
}

export function registerLoginRoute(app: FastifyInstance, services: Services): void {
  app.post('/api/auth/login', { bodyLimit: 16 * 1024 }, async (request, reply) => {
    const { username, password, refresh = false } = parseInput(StrictLoginRequest, request.body);
    const unstorable = findUnstorableField({ username, password });
    if (unstorable) throw HttpError.saying(400, 'invalid', 'unstorableText', unstorable);
    const deviceId = deviceIdOf(request);
    const attempt = { username, address: request.ip };
    const waitMs = await services.loginRateLimit.retryAfterMs(attempt);
    if (waitMs > 0 && !(await passesAddressLimit(services, attempt, deviceId))) {
      return reply
        .status(429)
        .header('retry-after', String(Math.ceil(waitMs / 1000)))
        .send(apiErrorOf(HttpError.saying(429, 'rate_limited', 'tooManyLoginFailures')));
    }
    const session = await services.auth.login(username, password, deviceId, { refresh });
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
          detail: { username: username.slice(0, 100), address: request.ip, limit: reached },
        });
      }
      throw HttpError.saying(401, 'unauthorized', 'loginWrong');
    }
    await services.loginRateLimit.recordSuccess(attempt);
    const response: SessionTokens = session;
    return response;
  });
}
