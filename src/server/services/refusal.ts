// What the server refuses, and why. A service throws a Refusal inside its
// transaction (which then rolls back, so nothing changes). A push answers it for
// that one mutation; any other request answers it as a whole (http/error-handler.ts).
// Either way the answer carries the code, the field, the message as a key of
// shared/messages.ts with its parameters for the UI, and the German text for
// people reading the answer.
import { germanMessageOf, type Message, type MessageKey, type MessageParams } from '../../shared/messages';
import type { RejectionCode } from '../../shared/protocol';
import type { FieldProblem } from '../../shared/validation';

const httpStatusOf: Record<RejectionCode, number> = {
  invalid: 400,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
};

export class Refusal extends Error {
  readonly httpStatus: number;

  constructor(
    readonly code: RejectionCode,
    readonly said: Message,
    readonly field: string | null = null,
    message: string = germanMessageOf(said, field),
  ) {
    super(message);
    this.name = 'Refusal';
    this.httpStatus = httpStatusOf[code];
  }
}

const refusal =
  (code: RejectionCode) =>
  (key: MessageKey, field: string | null = null, params: MessageParams = {}) =>
    new Refusal(code, { key, params }, field);

export const reject = {
  invalid: refusal('invalid'),
  forbidden: refusal('forbidden'),
  notFound: refusal('not_found'),
  conflict: refusal('conflict'),
  /** Input that failed its schema, as validation.ts described it. */
  problem: ({ key, params, field, message }: FieldProblem) =>
    new Refusal('invalid', { key, params }, field, message),
};
