// Turns a zod error into the one-line, field-naming message every 4xx answer
// carries, and a zod issue into the coded message the UI translates.
import type { z } from 'zod';
import { germanMessage, germanMessageOf, isMessageKey, isParams, type Message } from './messages';

export interface FieldProblem extends Message {
  field: string | null;
  /** German, as the answer says it: "text: darf höchstens 20000 Zeichen lang sein". */
  message: string;
}

/**
 * The coded message of one issue. The schemas give message keys (fields.ts); a
 * maximum or minimum comes from the issue, a refinement's values from its params.
 * An issue zod words itself (no key) is "ist ungültig".
 */
export function messageOfIssue(issue: z.core.$ZodIssue): Message {
  if (issue.code === 'unrecognized_keys') return { key: 'unknownField', params: {} };
  if (!isMessageKey(issue.message)) return { key: 'invalidValue', params: {} };
  if (issue.code === 'too_big') return { key: issue.message, params: { max: Number(issue.maximum) } };
  if (issue.code === 'too_small') return { key: issue.message, params: { min: Number(issue.minimum) } };
  if (issue.code === 'custom' && isParams(issue.params)) return { key: issue.message, params: issue.params };
  return { key: issue.message, params: {} };
}

export function describeZodError(error: z.ZodError, prefix: readonly (string | number)[] = []): FieldProblem {
  const issue = error.issues[0];
  if (!issue) return { field: null, message: germanMessage('invalidInput'), key: 'invalidInput', params: {} };
  const path = [...prefix, ...issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p))];
  // Unknown keys are reported on the parent object; name the key itself.
  if (issue.code === 'unrecognized_keys' && issue.keys.length > 0) path.push(issue.keys[0] as string);
  const field = path.length > 0 ? path.join('.') : null;
  const issueMessage = messageOfIssue(issue);
  const coded: Message =
    field === null && issueMessage.key === 'invalidValue'
      ? { key: 'invalidInput', params: {} }
      : issueMessage;
  // Zod's own wording stays in the readable message where no key replaces it.
  const said = isMessageKey(issue.message) || issue.code === 'unrecognized_keys';
  const message = said ? germanMessageOf(coded, field) : field ? `${field}: ${issue.message}` : issue.message;
  return { field, message, ...coded };
}
