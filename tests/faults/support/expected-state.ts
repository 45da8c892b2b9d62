// What the server must hold after the devices' offline changes are synced,
// computed from the mutations alone (the outboxes as they were before any sync),
// independent of the order in which the faulty network delivered them.
//
// All offline edits were made after the devices last synced together, so no
// device had seen another device's offline change. Per record and field:
//   - nobody changed it: it keeps its base value (as of the last common sync);
//   - every device that changed it ended on the same value: that value, no conflict;
//   - devices ended on different values: a conflict whose candidates are exactly
//     those values (each device's last value: a device's earlier value was replaced
//     by the device itself, so it is no side of a conflict).
// Changes of different fields of one record by different devices merge silently.
import type { OutboxEntry } from '../../../src/db/schema';
import type { MutableEntity } from '../../../src/shared/records';
import { canonicalJson, type RecordKey, recordKey } from './records';
import type { Snapshot } from './snapshots';

export interface DeviceOutbox {
  label: string;
  deviceId: string;
  entries: OutboxEntry[];
}

export interface ExpectedRecord {
  entity: MutableEntity;
  id: string;
  /** Field values before the offline edits: the base record, or the create's data. */
  initial: Record<string, unknown>;
  /** field -> device label -> the last value that device wrote. */
  finals: Map<string, Map<string, unknown>>;
  /** field -> every write in the order each device made them, for messages: "anna-phone: 12". */
  history: Map<string, string[]>;
  createdBy: string | null;
}

export interface ExpectedState {
  records: Map<RecordKey, ExpectedRecord>;
  /** Every mutation id the devices made. */
  mutationIds: Set<string>;
}

function recordOf(
  records: Map<RecordKey, ExpectedRecord>,
  base: Snapshot,
  entry: OutboxEntry,
  label: string,
): ExpectedRecord {
  const key = recordKey(entry.entity, entry.recordId);
  const known = records.get(key);
  if (known) return known;
  const baseRecord = base.get(key);
  if (entry.op !== 'create' && !baseRecord) {
    throw new Error(`${label} edited ${key}, which is neither in the base nor created earlier`);
  }
  const created: ExpectedRecord = {
    entity: entry.entity,
    id: entry.recordId,
    initial: entry.op === 'create' ? { ...entry.data } : { ...baseRecord },
    finals: new Map(),
    history: new Map(),
    createdBy: entry.op === 'create' ? label : null,
  };
  records.set(key, created);
  return created;
}

export function expectedStateOf(base: Snapshot, outboxes: readonly DeviceOutbox[]): ExpectedState {
  const records = new Map<RecordKey, ExpectedRecord>();
  const mutationIds = new Set<string>();
  for (const { label, entries } of outboxes) {
    for (const entry of [...entries].sort((a, b) => (a.seq ?? 0) - (b.seq ?? 0))) {
      mutationIds.add(entry.id);
      const record = recordOf(records, base, entry, label);
      if (entry.op === 'create') continue;
      if (entry.op !== 'update') throw new Error(`the workload makes no ${entry.op} mutations`);
      for (const [field, value] of Object.entries(entry.data)) {
        const byDevice = record.finals.get(field) ?? new Map<string, unknown>();
        byDevice.set(label, value);
        record.finals.set(field, byDevice);
        record.history.set(field, [
          ...(record.history.get(field) ?? []),
          `${label}: ${canonicalJson(value)}`,
        ]);
      }
    }
  }
  return { records, mutationIds };
}

/** The different values the devices ended on for one field (by canonical JSON). */
export function distinctFinals(byDevice: Map<string, unknown> | undefined): Map<string, unknown> {
  const distinct = new Map<string, unknown>();
  for (const value of byDevice?.values() ?? []) distinct.set(canonicalJson(value), value);
  return distinct;
}

/** Fields of the record that must be in conflict. */
export function expectedConflictFields(record: ExpectedRecord): string[] {
  return [...record.finals.entries()]
    .filter(([, byDevice]) => distinctFinals(byDevice).size > 1)
    .map(([field]) => field)
    .sort();
}
