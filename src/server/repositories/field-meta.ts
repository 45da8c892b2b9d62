// Per-field history of a record (column field_meta): for every field, the version
// that last changed it, who changed it, when (the device's clientTime) and from
// which device. The per-field merge decides with it whether a field changed on the
// server since the version a device based its edit on.
import { z } from 'zod';

export const FieldStamp = z.object({
  version: z.number().int(),
  userId: z.string(),
  deviceId: z.string().nullable(),
  at: z.string(),
});
export type FieldStamp = z.infer<typeof FieldStamp>;

export const FieldMeta = z.record(z.string(), FieldStamp);
export type FieldMeta = z.infer<typeof FieldMeta>;

/** Who makes a change: the user, their device, and when they made it. */
export interface Origin {
  userId: string;
  deviceId: string | null;
  at: string;
}

export function stampOf(origin: Origin, version: number): FieldStamp {
  return { version, userId: origin.userId, deviceId: origin.deviceId, at: origin.at };
}

/** The stamps of `fields` all set to one new version by `origin`. */
export function stampFields(fields: Iterable<string>, origin: Origin, version: number): FieldMeta {
  const meta: FieldMeta = {};
  for (const field of fields) meta[field] = stampOf(origin, version);
  return meta;
}

/** Tolerates rows whose field_meta is empty or not yet written (older data). */
export function parseFieldMeta(value: unknown): FieldMeta {
  const parsed = FieldMeta.safeParse(value);
  return parsed.success ? parsed.data : {};
}
