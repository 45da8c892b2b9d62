// Field-level building blocks shared by every record and protocol schema. Their
// messages are keys of shared/messages.ts; a maximum or minimum is taken from the
// issue (validation.ts), so the schema states it once.
import { z } from 'zod';
import type { MessageKey } from './messages';

/** A message key as zod's `message` option. */
export const says = (key: MessageKey) => ({ message: key });

export const Id = z.uuid(says('notUuid'));

/** Calendar day in local time, as the worker means it: "2026-11-21". */
export const IsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, says('notIsoDate'))
  // Date.parse rolls 2026-02-30 over into March; a real day survives the round trip.
  .refine((value) => {
    const parsed = new Date(`${value}T00:00:00Z`);
    return (
      !Number.isNaN(parsed.getTime()) && value >= '0001-01-01' && parsed.toISOString().slice(0, 10) === value
    );
  }, says('notRealDate'));

/** Wall-clock time of day: "14:30". */
export const TimeOfDay = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, says('notTimeOfDay'));

/** An instant, always UTC ISO-8601 with milliseconds as produced by Date#toISOString. */
export const Timestamp = z.iso.datetime(says('notTimestamp'));

export const Minutes = z
  .number(says('notNumber'))
  .int(says('notWholeNumber'))
  .min(0, says('negative'))
  .max(24 * 60, says('tooManyMinutes'));

export const text = (max: number) => z.string(says('notText')).max(max, says('tooLong'));

export const requiredText = (max: number) => text(max).trim().min(1, says('empty'));

/** A whole multiple of 0.1, without float noise deciding it (0.3 * 10 is 3.0000000000000004). */
const tenths = (value: number) => Math.abs(Math.round(value * 10) - value * 10) < 1e-6;

/** Driven distance, to 0.1 km. */
export const Kilometres = z
  .number(says('notNumber'))
  .min(0, says('negative'))
  .max(2000, says('tooManyKilometres'))
  .refine(tenths, says('tooManyDecimals'));

/** Hours per month, to a quarter hour. */
export const Hours = z
  .number(says('notNumber'))
  .min(0, says('negative'))
  .max(744, says('tooManyHours'))
  .refine((value) => Number.isInteger(value * 4), says('notQuarterHours'));
