// A device's IndexedDB against what the server shows its user, record by record.
import { CONFLICT_INDEX } from '../../../src/db/infrastructure/schema';
import type { Findings } from './findings';
import { type AnyRecord, canonicalJson, entityOfKey } from './records';
import type { Snapshot } from './snapshots';

/**
 * The record as data: without the device's own index helper (a flag that only
 * makes "records with conflicts" an index lookup and never leaves the device).
 */
function deviceData(record: AnyRecord): Record<string, unknown> {
  const { [CONFLICT_INDEX]: _indexOnly, ...data } = record as AnyRecord & Record<string, unknown>;
  return data;
}

/** "field: device … / server …" for every field that differs. */
function describeDifference(local: Record<string, unknown>, remote: Record<string, unknown>): string {
  const fields = [...new Set([...Object.keys(local), ...Object.keys(remote)])].sort();
  return fields
    .filter((field) => canonicalJson(local[field]) !== canonicalJson(remote[field]))
    .map(
      (field) => `${field}: device ${canonicalJson(local[field])} / server ${canonicalJson(remote[field])}`,
    )
    .join('; ');
}

/** A device holds exactly what the server shows its user: same records, same data. */
export function checkDeviceAgainstServer(label: string, device: Snapshot, server: Snapshot): Findings {
  const problems: string[] = [];
  let fields = 0;
  for (const [key, record] of server) {
    const local = device.get(key);
    if (!local) {
      problems.push(`${label}: ${key} is on the server but not on the device`);
      continue;
    }
    const remote = record as AnyRecord & Record<string, unknown>;
    const data = deviceData(local);
    fields += Object.keys(remote).length;
    if (canonicalJson(data) !== canonicalJson(remote)) {
      problems.push(`${label}: ${key} differs: ${describeDifference(data, remote)}`);
    }
  }
  for (const key of device.keys()) {
    if (!server.has(key)) {
      problems.push(`${label}: ${key} (${entityOfKey(key)}) is on the device but not visible on the server`);
    }
  }
  return { problems, records: server.size, fields };
}
