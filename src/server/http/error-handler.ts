// Turns every error into an ApiError answer. Client mistakes (bad JSON, wrong
// content type, oversized body, failed validation) stay 4xx; only a fault of the
// server itself becomes a 500, logged, without details to the client.
import type { FastifyError, FastifyInstance } from 'fastify';
import { isDataException } from '../db/database';
import { Refusal } from '../services/refusal';
import { apiErrorOf, codeForStatus, HttpError } from './http-error';

function clientErrorOf(error: FastifyError): HttpError | null {
  if (error instanceof HttpError) return error;
  if (error instanceof Refusal)
    return new HttpError(error.httpStatus, error.code, error.message, error.field, error.said);
  switch (error.code) {
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return HttpError.saying(400, 'invalid', 'contentTypeNotJson', 'content-type');
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return HttpError.saying(413, 'payload_too_large', 'bodyTooLarge');
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return HttpError.saying(400, 'invalid', 'bodyEmpty');
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return HttpError.saying(400, 'invalid', 'bodyNotJson');
  }
  if (error instanceof SyntaxError) return HttpError.saying(400, 'invalid', 'bodyNotJson');
  // Backstop: bad input that slipped past validation and was refused by the database.
  if (isDataException(error)) return HttpError.saying(400, 'invalid', 'valueNotStorable');
  const status = error.statusCode ?? 500;
  if (status >= 400 && status < 500) return new HttpError(status, codeForStatus(status), error.message);
  return null;
}

export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const clientError = clientErrorOf(error);
    if (clientError) {
      return reply.status(clientError.statusCode).send(apiErrorOf(clientError));
    }
    request.log.error({ err: error }, 'request failed');
    return reply.status(500).send(apiErrorOf(HttpError.saying(500, 'internal', 'internalError')));
  });
}
