// react-hook-form's resolver for the shared zod schemas, with each field's error
// said in the UI's language. zodResolver keeps only an issue's message (here a
// key); this one keeps the issue, whose maximum or minimum the message names.
import { toNestErrors, validateFieldsNatively } from '@hookform/resolvers';
import { useMemo } from 'react';
import type { FieldError, FieldValues, Resolver } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { messageOfIssue } from '../../shared/validation';
import { sayMessage } from './say-message';

export function useMessageResolver<Schema extends z.ZodType<FieldValues, FieldValues>>(
  schema: Schema,
): Resolver<z.input<Schema>, unknown, z.output<Schema>> {
  const { t } = useTranslation();
  return useMemo(
    () => async (values, _context, options) => {
      const parsed = await schema.safeParseAsync(values);
      if (parsed.success) {
        if (options.shouldUseNativeValidation) validateFieldsNatively({}, options);
        return { values: parsed.data, errors: {} };
      }
      const errors: Record<string, FieldError> = {};
      for (const issue of parsed.error.issues) {
        const path = issue.path.join('.');
        errors[path] ??= { type: issue.code, message: sayMessage(t, messageOfIssue(issue)) };
      }
      return { values: {}, errors: toNestErrors(errors, options) };
    },
    [schema, t],
  );
}
