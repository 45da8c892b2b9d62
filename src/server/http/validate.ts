// Request input is validated with the shared zod schemas; the first problem
// becomes a 400 naming the field.
import type { z } from 'zod';
import { describeZodError } from '../../shared/validation';
import { HttpError } from './http-error';

export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const { field, message, key, params } = describeZodError(parsed.error);
  throw new HttpError(400, 'invalid', message, field, { key, params });
}
