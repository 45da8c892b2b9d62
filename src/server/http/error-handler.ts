// Turns every error into an ApiError answer. Client mistakes (bad JSON, wrong
// content type, oversized body, failed validation) stay 4xx; only a fault of the
// server itself becomes a 500, logged, without details to the client.
import type { FastifyError, FastifyInstance } from 'fastify';
import { isDataException } from '../db/database';
import { Refusal, type RefusalCode } from '../services/refusal';
import { apiError, codeForStatus, HttpError } from './http-error';

const statusOfRefusal: Record<RefusalCode, number> = { invalid: 400, forbidden: 403, not_found: 404 };

function clientErrorOf(error: FastifyError): HttpError | null {
  if (error instanceof HttpError) return error;
  if (error instanceof Refusal) return new HttpError(statusOfRefusal[error.code], error.code, error.message);
  switch (error.code) {
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new HttpError(400, 'invalid', 'Content-Type muss application/json sein', 'content-type');
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new HttpError(413, 'payload_too_large', 'Die Anfrage ist zu groß');
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return new HttpError(400, 'invalid', 'Der Body darf nicht leer sein');
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return new HttpError(400, 'invalid', 'Der Body ist kein gültiges JSON');
  }
  if (error instanceof SyntaxError) return new HttpError(400, 'invalid', 'Der Body ist kein gültiges JSON');
  // Backstop: bad input that slipped past validation and was refused by the database.
  if (isDataException(error)) return new HttpError(400, 'invalid', 'Ein Wert kann nicht gespeichert werden');
  const status = error.statusCode ?? 500;
  if (status >= 400 && status < 500) return new HttpError(status, codeForStatus(status), error.message);
  return null;
}

export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const clientError = clientErrorOf(error);
    if (clientError) {
      return reply
        .status(clientError.statusCode)
        .send(apiError(clientError.code, clientError.message, clientError.field));
    }
    request.log.error({ err: error }, 'request failed');
    return reply.status(500).send(apiError('internal', 'Interner Serverfehler'));
  });
}
