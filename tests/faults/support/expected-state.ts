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
// A record deleted on one device is gone, unless another device edited it: then it
// stays, with a delete conflict (the delete against those edits).
import type { OutboxEntry } from '../../../src/db/infrastructure/schema';
import { DELETE_CONFLICT_FIELD, type MutableEntity } from '../../../src/shared/records';
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
  /** The device that deleted it (only a record's creator deletes it, so at most one). */
  deletedBy: string | null;
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
    deletedBy: null,
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
      if (entry.op === 'delete') {
        if (record.deletedBy)
          throw new Error(`${entry.recordId} deleted on ${record.deletedBy} and ${label}`);
        record.deletedBy = label;
        continue;
      }
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

/** Devices other than the deleter that edited the record offline. */
export function editorsBesidesDeleter(record: ExpectedRecord): Set<string> {
  const editors = new Set([...record.finals.values()].flatMap((byDevice) => [...byDevice.keys()]));
  if (record.deletedBy) editors.delete(record.deletedBy);
  return editors;
}

/** Deleted, and nobody else edited it: it must be gone everywhere. */
export function mustBeGone(record: ExpectedRecord): boolean {
  return record.deletedBy !== null && editorsBesidesDeleter(record).size === 0;
}

/** Fields of the record that must be in conflict (the delete pseudo-field included). */
export function expectedConflictFields(record: ExpectedRecord): string[] {
  const fields = [...record.finals.entries()]
    .filter(([, byDevice]) => distinctFinals(byDevice).size > 1)
    .map(([field]) => field);
  if (record.deletedBy && !mustBeGone(record)) fields.push(DELETE_CONFLICT_FIELD);
  return fields.sort();
}

export interface WorkloadShape {
  /** Records deleted on one device and edited on another: delete conflicts. */
  deletedAgainstEdits: number;
  /** Records deleted that nobody else touched. */
  deletedCleanly: number;
  /** Records edited offline on more than one device. */
  sharedRecords: number;
  /** ... of which no field was edited on more than one device: they must merge silently. */
  disjointOnly: number;
  /** Fields edited on more than one device to the same last value: no conflict. */
  agreeingFields: number;
  /** Fields edited on more than one device to different last values: conflicts. */
  conflictingFields: number;
}

/** What kinds of concurrent edits the workload produced (so the test can insist on each). */
export function workloadShapeOf(expected: ExpectedState): WorkloadShape {
  const shape: WorkloadShape = {
    deletedAgainstEdits: 0,
    deletedCleanly: 0,
    sharedRecords: 0,
    disjointOnly: 0,
    agreeingFields: 0,
    conflictingFields: 0,
  };
  for (const record of expected.records.values()) {
    if (record.deletedBy) shape[mustBeGone(record) ? 'deletedCleanly' : 'deletedAgainstEdits']++;
    const editors = new Set([...record.finals.values()].flatMap((byDevice) => [...byDevice.keys()]));
    if (editors.size < 2) continue;
    shape.sharedRecords++;
    const sharedFields = [...record.finals.values()].filter((byDevice) => byDevice.size > 1);
    if (sharedFields.length === 0) shape.disjointOnly++;
    for (const byDevice of sharedFields) {
      if (distinctFinals(byDevice).size > 1) shape.conflictingFields++;
      else shape.agreeingFields++;
    }
  }
  return shape;
}
