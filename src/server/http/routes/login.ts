// POST /api/auth/login {username, password} -> LoginResponse (token shown once).
import type { FastifyInstance } from 'fastify';
import { LoginRequest, type LoginResponse } from '../../../shared/protocol';
import type { Services } from '../../services';
import { findUnstorableField, UNSTORABLE_TEXT_MESSAGE } from '../../services/storable-text';
import { deviceIdOf } from '../device-id';
import { HttpError } from '../http-error';
import { parseInput } from '../validate';

const StrictLoginRequest = LoginRequest.strict();

export function registerLoginRoute(app: FastifyInstance, services: Services): void {
  app.post('/api/auth/login', { bodyLimit: 16 * 1024 }, async (request): Promise<LoginResponse> => {
    const { username, password } = parseInput(StrictLoginRequest, request.body);
    const unstorable = findUnstorableField({ username, password });
    if (unstorable)
      throw new HttpError(400, 'invalid', `${unstorable}: ${UNSTORABLE_TEXT_MESSAGE}`, unstorable);
    if (services.loginThrottle.isBlocked(username)) {
      throw new HttpError(429, 'rate_limited', 'Zu viele Fehlversuche. Bitte später erneut versuchen.');
    }
    const session = await services.auth.login(username, password, deviceIdOf(request));
    if (!session) {
      services.loginThrottle.recordFailure(username);
      throw new HttpError(401, 'unauthorized', 'Benutzername oder Passwort ist falsch');
    }
    services.loginThrottle.recordSuccess(username);
    return session;
  });
}
