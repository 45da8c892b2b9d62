// Turns a zod error into the one-line, field-naming message every 4xx answer carries.
import type { z } from 'zod';

export interface FieldProblem {
  field: string | null;
  message: string;
}

export function describeZodError(error: z.ZodError, prefix: readonly (string | number)[] = []): FieldProblem {
  const issue = error.issues[0];
  if (!issue) return { field: null, message: 'Ungültige Eingabe' };
  const path = [...prefix, ...issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p))];
  // Unknown keys are reported on the parent object; name the key itself.
  if (issue.code === 'unrecognized_keys' && issue.keys.length > 0) path.push(issue.keys[0] as string);
  const field = path.length > 0 ? path.join('.') : null;
  const message = issue.code === 'unrecognized_keys' ? 'ist kein bekanntes Feld' : issue.message;
  return { field, message: field ? `${field}: ${message}` : message };
}
