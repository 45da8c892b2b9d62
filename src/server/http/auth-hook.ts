// Every /api route except health, login, refresh and the device revocation check needs `Authorization: Bearer <token>`.
// A revoked session (its device or user revoked by a lead) is 401 'revoked', not
// 'unauthorized': the app wipes its local data instead of asking for the password.
// An authenticated request that names its device also counts as "device seen"
// (the lead's device overview, with the browser's User-Agent for a readable
// name), written at most once a minute per device.
import type { FastifyReply, FastifyRequest, onRequestHookHandler } from 'fastify';
import type { MessageKey } from '../../shared/messages';
import type { AuthService } from '../services/auth-service';
import type { DeviceStatusService } from '../services/device-status-service';
import { type Actor, requireLeadOf, type TeamLead } from '../services/visibility';
import { validDeviceIdOf } from './device-id';
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
  return HttpError.saying(401, 'unauthorized', 'loginRequired', 'authorization');
}

export function createAuthHook(
  auth: AuthService,
  devices?: Pick<DeviceStatusService, 'seen'>,
): onRequestHookHandler {
  return async (request: FastifyRequest, _reply: FastifyReply) => {
    const token = BEARER.exec(request.headers.authorization ?? '')?.[1];
    if (!token) throw unauthorized();
    const deviceId = validDeviceIdOf(request);
    const session = await auth.authenticate(token, deviceId);
    if (session === 'revoked') throw HttpError.saying(401, 'revoked', 'accessRevoked', 'authorization');
    if (!session) throw unauthorized();
    request.authenticated = { actor: session.user, token, expiresAt: session.expiresAt };
    if (deviceId && devices) {
      await devices.seen(session.user.id, deviceId, request.headers['user-agent'] ?? '');
    }
  };
}

/** The caller of a route behind the auth hook. */
export function authenticatedOf(request: FastifyRequest): Authenticated {
  if (!request.authenticated) throw unauthorized();
  return request.authenticated;
}

/**
 * The caller of a route only their team's lead may use, checked before the
 * request's input is read; anyone else gets 403 'forbidden' with `refusal`.
 */
export function authenticatedLeadOf(request: FastifyRequest, refusal: MessageKey): TeamLead {
  const { actor } = authenticatedOf(request);
  return requireLeadOf(actor, actor.teamId, refusal);
}
