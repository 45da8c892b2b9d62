// POST /api/auth/refresh {refreshToken} -> SessionTokens: a new access token and
// refresh token for an unexpired, unused refresh token (no Bearer needed: the
// access token may have run out). 401 'unauthorized': unknown, expired, just
// used by another tab, or its device logged out; 401 'revoked': the session,
// device or user was revoked (or the token was replayed) - the device wipes its
// local data.
import type { FastifyInstance } from 'fastify';
import { RefreshRequest, type SessionTokens } from '../../../shared/protocol';
import type { Services } from '../../services';
import { validDeviceIdOf } from '../device-id';
import { HttpError } from '../http-error';
import { parseInput } from '../validate';

export function registerRefreshRoute(app: FastifyInstance, services: Services): void {
  app.post('/api/auth/refresh', { bodyLimit: 4 * 1024 }, async (request): Promise<SessionTokens> => {
    const { refreshToken } = parseInput(RefreshRequest.strict(), request.body);
    const renewed = await services.auth.refresh(refreshToken, validDeviceIdOf(request));
    if (renewed === 'revoked') throw HttpError.saying(401, 'revoked', 'accessRevoked');
    if (!renewed) throw HttpError.saying(401, 'unauthorized', 'loginRequired');
    return renewed;
  });
}
