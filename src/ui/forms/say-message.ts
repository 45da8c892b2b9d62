// Messages that arrive as codes (shared/messages.ts), said in the UI's language:
// a thrown error, a zod issue, or a refusal from the server. A refusal stored
// before the server sent keys, or with a key this app does not know, shows the
// server's German text as it is.
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import {
  isMessageKey,
  isParams,
  isSaidOfField,
  type Message,
  messageOfError,
  type SaidMessage,
  saidMessageOf,
} from '../../shared/messages';
import { describeZodError, messageOfIssue } from '../../shared/validation';

export function sayMessage(t: TFunction, message: Message): string {
  return t(`errors.${message.key}`, { ...message.params });
}

/**
 * A refusal as the server answers it (an API error, a rejected change), or a kept
 * failure. A message said of a field follows the field's name, as in the server's own text.
 */
export function sayRefusal(t: TFunction, refusal: SaidMessage): string {
  if (!isMessageKey(refusal.messageKey)) return refusal.message;
  const said = sayMessage(t, {
    key: refusal.messageKey,
    params: isParams(refusal.params) ? refusal.params : {},
  });
  return refusal.field !== null && isSaidOfField(refusal.messageKey) ? `${refusal.field}: ${said}` : said;
}

/**
 * A thrown error: its coded message (after the field it names, as a server's
 * refusal does), the first problem of a zod error, else its own text.
 */
export function sayError(t: TFunction, failure: unknown): string {
  if (messageOfError(failure)) return sayRefusal(t, saidMessageOf(failure));
  if (failure instanceof z.ZodError && failure.issues[0]) {
    const { field, key, params } = describeZodError(failure);
    const said = sayMessage(t, { key, params });
    return field ? `${field}: ${said}` : said;
  }
  return failure instanceof Error ? failure.message : String(failure);
}

/** The sayers with the UI's current language. */
export function useSayMessage() {
  const { t } = useTranslation();
  return {
    message: (message: Message) => sayMessage(t, message),
    issue: (issue: z.core.$ZodIssue) => sayMessage(t, messageOfIssue(issue)),
    refusal: (refusal: SaidMessage) => sayRefusal(t, refusal),
    error: (failure: unknown) => sayError(t, failure),
  };
}
