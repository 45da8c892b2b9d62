// A new password typed twice: the repetition must match, and the message sits
// under the repetition's field. It is checked even while other fields still have
// problems, so a person sees every mistake of the form at once.
import { z } from 'zod';
import type { MessageKey } from '../../shared/messages';

const DIFFER: MessageKey = 'passwordsDiffer';

/** The object schema with `repeat` added, which must equal its field `passwordField`. */
export function withRepeatedPassword<Shape extends z.ZodRawShape, Field extends keyof Shape & string>(
  schema: z.ZodObject<Shape>,
  passwordField: Field,
) {
  return schema.extend({ repeat: z.string() }).superRefine((values, context) => {
    const typed = values as Record<string, unknown>;
    if (typed.repeat !== typed[passwordField]) {
      context.addIssue({ code: 'custom', path: ['repeat'], message: DIFFER });
    }
  });
}
