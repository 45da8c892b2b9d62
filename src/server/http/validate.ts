// Request input is validated with the shared zod schemas; the first problem
// becomes a 400 naming the field.
import type { z } from 'zod';
import { describeZodError } from '../../shared/validation';
import { findUnstorableField } from '../services/storable-text';
import { HttpError } from './http-error';

export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const { field, message, key, params } = describeZodError(parsed.error);
  throw new HttpError(400, 'invalid', message, field, { key, params });
}

/** 400 for a text the database cannot store (a NUL character, a lone surrogate), naming its field. */
export function assertStorable(fields: Readonly<Record<string, unknown>>): void {
  const unstorable = findUnstorableField(fields);
  if (unstorable) throw HttpError.saying(400, 'invalid', 'unstorableText', unstorable);
}
