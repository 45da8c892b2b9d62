// Per-field history of a record (column field_meta): for every field, the version
// that last changed it, who changed it, when (the device's clientTime) and from
// which device - plus the other origins that edited the field later without
// replacing its value (they set the same value, or a different one that became a
// conflict candidate). The per-field merge decides with it whether a field
// changed on the server since the version a device based its edit on.
import { z } from 'zod';

const Stamp = z.object({
  version: z.number().int(),
  userId: z.string(),
  deviceId: z.string().nullable(),
  at: z.string(),
});
export type Stamp = z.infer<typeof Stamp>;

export const FieldStamp = Stamp.extend({ others: z.array(Stamp).optional() });
export type FieldStamp = z.infer<typeof FieldStamp>;

export const FieldMeta = z.record(z.string(), FieldStamp);
export type FieldMeta = z.infer<typeof FieldMeta>;

/** Who makes a change: the user, their device, and when they made it. */
export interface Origin {
  userId: string;
  deviceId: string | null;
  at: string;
}

/**
 * One origin = one user on one device. A device's later edit is built on its own
 * earlier ones, so changes from the same origin never conflict with each other.
 * A request without a device id counts as one device per user.
 */
export function isSameOrigin(
  a: Pick<Stamp, 'userId' | 'deviceId'>,
  b: Pick<Stamp, 'userId' | 'deviceId'>,
): boolean {
  return a.userId === b.userId && a.deviceId === b.deviceId;
}

export function stampOf(origin: Origin, version: number): Stamp {
  return { version, userId: origin.userId, deviceId: origin.deviceId, at: origin.at };
}

/** The stamps of `fields` all set to one new version by `origin`. */
export function stampFields(fields: Iterable<string>, origin: Origin, version: number): FieldMeta {
  const meta: FieldMeta = {};
  for (const field of fields) meta[field] = stampOf(origin, version);
  return meta;
}

/** Everyone who edited the field since its value was last replaced: the setter first. */
export function editorsOf(stamp: FieldStamp): Stamp[] {
  const { others = [], ...setter } = stamp;
  return [setter, ...others];
}

/** The stamp with `other` recorded as a later editor (replacing its earlier entry). */
export function withOtherEditor(stamp: FieldStamp, other: Stamp): FieldStamp {
  if (isSameOrigin(stamp, other)) return stamp;
  const others = (stamp.others ?? []).filter((known) => !isSameOrigin(known, other));
  return { ...stamp, others: [...others, other] };
}

/** Tolerates rows whose field_meta is empty or not yet written (older data). */
export function parseFieldMeta(value: unknown): FieldMeta {
  const parsed = FieldMeta.safeParse(value);
  return parsed.success ? parsed.data : {};
}
