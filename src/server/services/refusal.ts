// A request a service refuses as a whole (unlike a push, whose mutations are
// answered one by one, see rejection.ts). The service names the kind and a
// readable message; http/error-handler.ts answers it with the matching status.
export type RefusalCode = 'invalid' | 'forbidden' | 'not_found';

export class Refusal extends Error {
  constructor(
    readonly code: RefusalCode,
    message: string,
  ) {
    super(message);
    this.name = 'Refusal';
  }
}
