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

/** A whole multiple of 0.1, without float noise deciding it (0.3 * 10 is 3.0000000000000004). */
const tenths = (value: number) => Math.abs(Math.round(value * 10) - value * 10) < 1e-6;

/** Driven distance, to 0.1 km. */
export const Kilometres = z
  .number({ message: 'muss eine Zahl sein' })
  .min(0, { message: 'darf nicht negativ sein' })
  .max(2000, { message: 'darf höchstens 2000 km sein' })
  .refine(tenths, { message: 'darf höchstens eine Nachkommastelle haben' });

/** Hours per month, to a quarter hour. */
export const Hours = z
  .number({ message: 'muss eine Zahl sein' })
  .min(0, { message: 'darf nicht negativ sein' })
  .max(744, { message: 'darf höchstens 744 Stunden sein' })
  .refine((value) => Number.isInteger(value * 4), { message: 'muss in Viertelstunden angegeben sein' });
