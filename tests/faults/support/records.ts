// Records keyed the same way on the server side and on a device, so the two can
// be compared entity by entity, record by record, field by field.
import type { Change } from '../../../src/shared/protocol';
import type { SyncedEntity } from '../../../src/shared/records';

export type AnyRecord = Change['record'];

/** "note:<uuid>" */
export type RecordKey = `${SyncedEntity}:${string}`;

export function recordKey(entity: SyncedEntity, id: string): RecordKey {
  return `${entity}:${id}`;
}

export function entityOfKey(key: RecordKey): SyncedEntity {
  return key.slice(0, key.indexOf(':')) as SyncedEntity;
}

/** JSON with sorted keys: two records are the same data exactly when these strings are equal. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) =>
    inner && typeof inner === 'object' && !Array.isArray(inner)
      ? Object.fromEntries(Object.entries(inner).sort(([a], [b]) => a.localeCompare(b)))
      : inner,
  );
}
