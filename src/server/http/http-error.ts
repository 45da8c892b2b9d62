// The one shape of every non-2xx answer (ApiError in shared/protocol/errors.ts).
import type { z } from 'zod';
import { germanMessageOf, type Message, type MessageKey, type MessageParams } from '../../shared/messages';
import type { ApiError, ErrorCode } from '../../shared/protocol';

export type ErrorCodeName = z.infer<typeof ErrorCode>;

export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: ErrorCodeName,
    message: string,
    readonly field: string | null = null,
    /** The message as a key for the UI; `message` is its German text. */
    readonly said: Message | null = null,
  ) {
    super(message);
    this.name = 'HttpError';
  }

  /** An error whose message is a key of shared/messages.ts; its German text becomes `message`. */
  static saying(
    statusCode: number,
    code: ErrorCodeName,
    key: MessageKey,
    field: string | null = null,
    params: MessageParams = {},
  ): HttpError {
    const said = { key, params };
    return new HttpError(statusCode, code, germanMessageOf(said, field), field, said);
  }
}

/** The answer that says an HttpError: the German message, and its key for the UI when it has one. */
export function apiErrorOf({ code, message, field, said }: HttpError): ApiError {
  return { error: { code, message, field, ...(said && { messageKey: said.key, params: said.params }) } };
}

export function codeForStatus(status: number): ErrorCodeName {
  switch (status) {
    case 401:
      return 'unauthorized';
    case 403:
      return 'forbidden';
    case 404:
      return 'not_found';
    case 409:
      return 'conflict';
    case 413:
      return 'payload_too_large';
    case 426:
      return 'upgrade_required';
    case 429:
      return 'rate_limited';
    default:
      return 'invalid';
  }
}
