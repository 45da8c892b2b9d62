// When the server's end state is wrong for a record, the story of that record:
// every offline mutation the devices made of it (op, baseVersion, data, in each
// device's order), the order and versions in which the server applied them, and
// the record with its field history as the server holds it now.
import type { Database } from '../../../src/server/db/database';
import { findStoredRecord } from '../../../src/server/repositories/records';
import type { MutableEntity } from '../../../src/shared/records';
import type { DeviceOutbox } from './expected-state';
import { canonicalJson, type RecordKey } from './records';

interface AppliedRow extends Record<string, unknown> {
  id: string;
  op: string;
  baseVersion: number | null;
  resultVersion: number;
  deviceId: string | null;
  data: unknown;
  appliedAt: string;
}

/** The record keys named at the start of problem lines ("note:<uuid>.kind: ..."). */
export function keysOfProblems(problems: readonly string[]): RecordKey[] {
  const keys = problems
    .map((problem) => /^([a-zA-Z]+:[0-9a-f-]{36})/.exec(problem)?.[1])
    .filter((key): key is string => key !== undefined);
  return [...new Set(keys)] as RecordKey[];
}

export async function recordHistory(
  db: Database,
  key: RecordKey,
  outboxes: readonly DeviceOutbox[],
  labelOfDevice: ReadonlyMap<string, string>,
): Promise<string> {
  const [entity, id] = key.split(/:(.*)/s) as [MutableEntity, string];
  const lines = [`history of ${key}`];
  for (const { label, entries } of outboxes) {
    for (const entry of [...entries].sort((a, b) => (a.seq ?? 0) - (b.seq ?? 0))) {
      if (entry.recordId !== id) continue;
      lines.push(
        `  made on ${label}: ${entry.op} id=${entry.id.slice(0, 8)} base=${entry.baseVersion ?? '-'} ${canonicalJson(entry.data)}`,
      );
    }
  }
  const rows = await db.query<AppliedRow>(
    `SELECT id, op, base_version AS "baseVersion", result_version AS "resultVersion",
            device_id AS "deviceId", data, applied_at AS "appliedAt"
       FROM applied_mutations WHERE record_id = $1 ORDER BY applied_at, result_version`,
    [id],
  );
  for (const row of rows) {
    const label = row.deviceId ? (labelOfDevice.get(row.deviceId) ?? row.deviceId) : '-';
    lines.push(
      `  applied: ${row.op} id=${row.id.slice(0, 8)} from ${label} base=${row.baseVersion ?? '-'} -> v${row.resultVersion} ${canonicalJson(row.data)}`,
    );
  }
  const stored = await findStoredRecord(db, entity, id);
  lines.push(`  server now: ${canonicalJson(stored?.record ?? null)}`);
  lines.push(`  field meta: ${canonicalJson(stored?.fieldMeta ?? null)}`);
  return lines.join('\n');
}
