// A mutation the server refuses. Thrown inside the mutation's transaction (which
// then rolls back, so nothing changes) and answered to the device for that
// mutation alone.
import type { RejectionCode } from '../../shared/protocol';

const httpStatusOf: Record<RejectionCode, number> = {
  invalid: 400,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
};

export class MutationRejected extends Error {
  readonly httpStatus: number;

  constructor(
    readonly code: RejectionCode,
    message: string,
    readonly field: string | null = null,
  ) {
    super(message);
    this.name = 'MutationRejected';
    this.httpStatus = httpStatusOf[code];
  }
}

export const reject = {
  invalid: (message: string, field: string | null = null) => new MutationRejected('invalid', message, field),
  forbidden: (message: string, field: string | null = null) =>
    new MutationRejected('forbidden', message, field),
  notFound: (message: string, field: string | null = null) =>
    new MutationRejected('not_found', message, field),
  conflict: (message: string, field: string | null = null) =>
    new MutationRejected('conflict', message, field),
};
