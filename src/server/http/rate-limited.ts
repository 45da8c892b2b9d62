// The answer to an attempt refused by the login limits before it was checked:
// 429 with Retry-After in whole seconds.
import type { FastifyReply } from 'fastify';
import { apiErrorOf, HttpError } from './http-error';

export function sendRateLimited(reply: FastifyReply, retryAfterMs: number): FastifyReply {
  return reply
    .status(429)
    .header('retry-after', String(Math.ceil(retryAfterMs / 1000)))
    .send(apiErrorOf(HttpError.saying(429, 'rate_limited', 'tooManyLoginFailures')));
}
