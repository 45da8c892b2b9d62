// Sync routes speak one protocol version. An outdated app gets 426 and keeps its
// outbox until it is updated; it is checked before authentication, so even an
// app whose session ran out learns that it must update first.
import type { FastifyRequest, onRequestHookHandler } from 'fastify';
import { DEVICE_HEADER, PROTOCOL_HEADER, PROTOCOL_VERSION } from '../../shared/protocol';
import { HttpError } from './http-error';

export const requireProtocolVersion: onRequestHookHandler = async (request) => {
  if (request.headers[PROTOCOL_HEADER] !== String(PROTOCOL_VERSION)) {
    throw new HttpError(
      426,
      'upgrade_required',
      `Diese App-Version ist veraltet (Protokoll ${PROTOCOL_VERSION} erforderlich). Bitte neu laden.`,
      PROTOCOL_HEADER,
    );
  }
};

const DEVICE_ID = /^[A-Za-z0-9._:-]{1,100}$/;

/** The optional device id, stored with applied mutations; a malformed one is a 400. */
export function deviceIdOf(request: FastifyRequest): string | null {
  const value = request.headers[DEVICE_HEADER];
  if (value === undefined) return null;
  if (typeof value !== 'string' || !DEVICE_ID.test(value)) {
    throw new HttpError(400, 'invalid', 'Ungültige Geräte-ID', DEVICE_HEADER);
  }
  return value;
}
