// Sync routes speak one protocol version. An outdated app gets 426 and keeps its
// outbox until it is updated; it is checked before authentication, so even an
// app whose session ran out learns that it must update first.
import type { onRequestHookHandler } from 'fastify';
import { PROTOCOL_HEADER, PROTOCOL_VERSION } from '../../shared/protocol';
import { HttpError } from './http-error';

export const requireProtocolVersion: onRequestHookHandler = async (request) => {
  if (request.headers[PROTOCOL_HEADER] !== String(PROTOCOL_VERSION)) {
    throw HttpError.saying(426, 'upgrade_required', 'appOutdated', PROTOCOL_HEADER, {
      version: PROTOCOL_VERSION,
    });
  }
};
