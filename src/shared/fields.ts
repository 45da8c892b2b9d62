// Field-level building blocks shared by every record and protocol schema.
import { z } from 'zod';

export const Id = z.uuid({ message: 'muss eine UUID sein' });

/** Calendar day in local time, as the worker means it: "2026-11-21". */
export const IsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'muss ein Datum im Format JJJJ-MM-TT sein' })
  // Date.parse rolls 2026-02-30 over into March; a real day survives the round trip.
  .refine(
    (value) => {
      const parsed = new Date(`${value}T00:00:00Z`);
      return (
        !Number.isNaN(parsed.getTime()) &&
        value >= '0001-01-01' &&
        parsed.toISOString().slice(0, 10) === value
      );
    },
    { message: 'ist kein gültiges Datum' },
  );

/** Wall-clock time of day: "14:30". */
export const TimeOfDay = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'muss eine Uhrzeit im Format HH:MM sein' });

/** An instant, always UTC ISO-8601 with milliseconds as produced by Date#toISOString. */
export const Timestamp = z.iso.datetime({ message: 'muss ein ISO-Zeitstempel sein' });

export const Minutes = z
  .number({ message: 'muss eine Zahl sein' })
  .int({ message: 'muss eine ganze Zahl sein' })
  .min(0, { message: 'darf nicht negativ sein' })
  .max(24 * 60, { message: 'darf höchstens 1440 Minuten sein' });

export const text = (max: number) =>
  z.string({ message: 'muss Text sein' }).max(max, { message: `darf höchstens ${max} Zeichen lang sein` });

export const requiredText = (max: number) => text(max).trim().min(1, { message: 'darf nicht leer sein' });
