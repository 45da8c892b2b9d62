// Every /api route except health and login needs `Authorization: Bearer <token>`.
import type { FastifyReply, FastifyRequest, onRequestHookHandler } from 'fastify';
import type { AuthService } from '../services/auth-service';
import type { Actor } from '../services/visibility';
import { HttpError } from './http-error';

export interface Authenticated {
  actor: Actor;
  token: string;
  expiresAt: string;
}

declare module 'fastify' {
  interface FastifyRequest {
    authenticated: Authenticated | null;
  }
}

const BEARER = /^Bearer ([A-Za-z0-9_-]{20,200})$/;

function unauthorized(): HttpError {
  return new HttpError(401, 'unauthorized', 'Anmeldung erforderlich', 'authorization');
}

export function createAuthHook(auth: AuthService): onRequestHookHandler {
  return async (request: FastifyRequest, _reply: FastifyReply) => {
    const token = BEARER.exec(request.headers.authorization ?? '')?.[1];
    if (!token) throw unauthorized();
    const session = await auth.authenticate(token);
    if (!session) throw unauthorized();
    request.authenticated = { actor: session.user, token, expiresAt: session.expiresAt };
  };
}

/** The caller of a route behind the auth hook. */
export function authenticatedOf(request: FastifyRequest): Authenticated {
  if (!request.authenticated) throw unauthorized();
  return request.authenticated;
}
