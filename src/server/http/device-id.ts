// The device a request comes from (header x-feldakte-device), stored with applied
// mutations and in the audit log. Optional; a malformed one is a 400.
import type { FastifyRequest } from 'fastify';
import { DEVICE_HEADER } from '../../shared/protocol';
import { HttpError } from './http-error';

/** What a device id may look like (header and route parameter alike). */
export const DEVICE_ID = /^[A-Za-z0-9._:-]{1,100}$/;

/** The optional device id, stored with applied mutations; a malformed one is a 400. */
export function deviceIdOf(request: FastifyRequest): string | null {
  const value = request.headers[DEVICE_HEADER];
  if (value === undefined) return null;
  if (typeof value !== 'string' || !DEVICE_ID.test(value)) {
    throw HttpError.saying(400, 'invalid', 'deviceIdInvalid', DEVICE_HEADER);
  }
  return value;
}

/** Like deviceIdOf, but null for a malformed id instead of a 400 (the route itself decides). */
export function validDeviceIdOf(request: FastifyRequest): string | null {
  const value = request.headers[DEVICE_HEADER];
  return typeof value === 'string' && DEVICE_ID.test(value) ? value : null;
}

/** The device id a route cannot do without: 400 when it is missing or malformed. */
export function requiredDeviceIdOf(request: FastifyRequest): string {
  const deviceId = deviceIdOf(request);
  if (deviceId === null) throw HttpError.saying(400, 'invalid', 'deviceIdMissing', DEVICE_HEADER);
  return deviceId;
}
