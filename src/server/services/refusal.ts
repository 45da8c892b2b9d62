// A request a service refuses as a whole (unlike a push, whose mutations are
// answered one by one, see rejection.ts). The service names the kind and the
// message as a key of shared/messages.ts; http/error-handler.ts answers it with
// the matching status, the key and its German text.
import { germanMessage, type Message, type MessageKey, type MessageParams } from '../../shared/messages';

export type RefusalCode = 'invalid' | 'forbidden' | 'not_found';

export class Refusal extends Error {
  readonly said: Message;

  constructor(
    readonly code: RefusalCode,
    key: MessageKey,
    params: MessageParams = {},
  ) {
    super(germanMessage(key, params));
    this.name = 'Refusal';
    this.said = { key, params };
  }
}
