// A server's refusal said of one of the form's own fields ("username: ist
// vergeben") belongs under that field, like the form's own checks, not above the
// button with the field's technical name in front.
import type { TFunction } from 'i18next';
import type { FieldValues, Path, UseFormSetError } from 'react-hook-form';
import { messageOfError } from '../../shared/messages';
import { sayMessage } from './say-message';

/** Puts the refusal under its field and answers true, or answers false when it is not about one of `fields`. */
export function showServerFieldError<Values extends FieldValues>(
  t: TFunction,
  error: unknown,
  fields: readonly Path<Values>[],
  setError: UseFormSetError<Values>,
): boolean {
  const field = (error as { field?: unknown } | null)?.field;
  const message = messageOfError(error);
  const target = fields.find((name) => name === field);
  if (!message || !target) return false;
  setError(target, { type: 'server', message: sayMessage(t, message) }, { shouldFocus: true });
  return true;
}
