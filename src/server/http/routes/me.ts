// GET /api/auth/me -> { user, expiresAt }: who the token belongs to (LoginResponse without the token).
import type { FastifyInstance } from 'fastify';
import type { LoginResponse } from '../../../shared/protocol';
import { authenticatedOf } from '../auth-hook';

export type MeResponse = Omit<LoginResponse, 'token'>;

export function registerMeRoute(app: FastifyInstance): void {
  app.get('/api/auth/me', async (request): Promise<MeResponse> => {
    const { actor, expiresAt } = authenticatedOf(request);
    return { user: actor, expiresAt };
  });
}
