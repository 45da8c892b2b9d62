// The server's end state against what the mutations imply, and the server's own
// bookkeeping of applied mutations (exactly once).
import type { Database } from '../../../src/server/db/database';
import type { Conflict } from '../../../src/shared/records';
import { DELETE_CONFLICT_FIELD, fieldsSchemaOf, type MutableEntity } from '../../../src/shared/records';
import {
  distinctFinals,
  type ExpectedRecord,
  type ExpectedState,
  editorsBesidesDeleter,
  expectedConflictFields,
  mustBeGone,
} from './expected-state';
import type { Findings } from './findings';
import { type AnyRecord, canonicalJson, entityOfKey } from './records';
import type { Snapshot } from './snapshots';

function conflictsOf(record: AnyRecord): Conflict[] {
  return 'conflicts' in record ? record.conflicts : [];
}

/** "place ← anna-phone: \"X\", lea-tablet: \"Y\"; time ← …", for messages. */
function offlineEdits(record: ExpectedRecord): string {
  return [...record.history].map(([field, writes]) => `${field} ← ${writes.join(', ')}`).join('; ');
}

function fieldNames(entity: MutableEntity): string[] {
  return Object.keys(fieldsSchemaOf[entity].shape);
}

/** The server's records against what the mutations say they must be. */
export function checkServerAgainstExpected(
  view: Snapshot,
  base: Snapshot,
  expected: ExpectedState,
  labelOfDevice: ReadonlyMap<string, string>,
): Findings & { conflictsFound: number; conflictsExpected: number } {
  const problems: string[] = [];
  let fields = 0;
  let conflictsFound = 0;
  let conflictsExpected = 0;

  for (const key of view.keys()) {
    if (!base.has(key) && !expected.records.has(key))
      problems.push(`${key}: on the server, but nobody created it`);
  }
  for (const [key, record] of expected.records) {
    const actual = view.get(key) as (AnyRecord & Record<string, unknown>) | undefined;
    if (mustBeGone(record)) {
      if (actual)
        problems.push(`${key}: deleted by ${record.deletedBy}, nobody else edited it, yet it is still there`);
      continue;
    }
    if (!actual) {
      const origin = record.createdBy ? `created by ${record.createdBy}` : 'edited';
      const deleted = record.deletedBy ? `, deleted by ${record.deletedBy}` : '';
      problems.push(
        `${key}: missing on the server (${origin}${deleted}); offline edits: ${offlineEdits(record)}`,
      );
      continue;
    }
    const conflictFields = expectedConflictFields(record);
    conflictsExpected += conflictFields.length;
    const conflicts = conflictsOf(actual);
    conflictsFound += conflicts.length;
    const foundFields = conflicts.map((conflict) => conflict.field).sort();
    if (canonicalJson(foundFields) !== canonicalJson(conflictFields)) {
      problems.push(
        `${key}: conflicts on [${foundFields}], expected on [${conflictFields}]; offline edits: ${offlineEdits(record)}`,
      );
    }
    for (const field of fieldNames(record.entity)) {
      fields++;
      const finals = distinctFinals(record.finals.get(field));
      const value = canonicalJson(actual[field]);
      if (finals.size === 0 && value !== canonicalJson(record.initial[field])) {
        problems.push(
          `${key}.${field}: ${value}, but nobody changed it from ${canonicalJson(record.initial[field])}`,
        );
      } else if (finals.size > 0 && !finals.has(value)) {
        problems.push(
          `${key}.${field}: ${value}, none of the devices' values ${[...finals.keys()].join(' | ')}`,
        );
      }
      if (finals.size > 1) {
        const conflict = conflicts.find((candidate) => candidate.field === field);
        if (conflict)
          problems.push(
            ...checkCandidates(`${key}.${field}`, conflict, record.finals.get(field), labelOfDevice),
          );
      }
    }
    const deleteConflict = conflicts.find((conflict) => conflict.field === DELETE_CONFLICT_FIELD);
    if (deleteConflict) problems.push(...checkDeleteCandidates(key, deleteConflict, record, labelOfDevice));
  }
  return { problems, records: expected.records.size, fields, conflictsFound, conflictsExpected };
}

/**
 * The delete against the edits: "deleted" (true) from the deleting device, "kept"
 * (false) from devices that edited the record - both sides present, nobody else.
 */
function checkDeleteCandidates(
  key: string,
  conflict: Conflict,
  record: ExpectedRecord,
  labelOfDevice: ReadonlyMap<string, string>,
): string[] {
  const problems: string[] = [];
  const editors = editorsBesidesDeleter(record);
  const values = new Set(conflict.candidates.map((candidate) => candidate.value));
  if (!values.has(true) || !values.has(false)) {
    problems.push(`${key}: delete conflict without both sides: ${canonicalJson(conflict.candidates)}`);
  }
  for (const candidate of conflict.candidates) {
    const label = candidate.deviceId ? labelOfDevice.get(candidate.deviceId) : undefined;
    const plausible =
      label !== undefined && (candidate.value === true ? label === record.deletedBy : editors.has(label));
    if (!plausible) {
      problems.push(
        `${key}: delete-conflict candidate ${canonicalJson(candidate.value)} from ${label ?? candidate.deviceId}`,
      );
    }
  }
  return problems;
}

/** Exactly the devices' last values, each attributed to a device that wrote it. */
function checkCandidates(
  where: string,
  conflict: Conflict,
  byDevice: Map<string, unknown> | undefined,
  labelOfDevice: ReadonlyMap<string, string>,
): string[] {
  const problems: string[] = [];
  const expectedValues = [...distinctFinals(byDevice).keys()].sort();
  const candidateValues = [...new Set(conflict.candidates.map((c) => canonicalJson(c.value)))].sort();
  if (canonicalJson(candidateValues) !== canonicalJson(expectedValues)) {
    problems.push(
      `${where}: candidates ${candidateValues.join(' | ')}, expected ${expectedValues.join(' | ')}`,
    );
  }
  for (const candidate of conflict.candidates) {
    const label = candidate.deviceId ? labelOfDevice.get(candidate.deviceId) : undefined;
    const wrote = label === undefined ? undefined : byDevice?.get(label);
    if (!label || canonicalJson(wrote) !== canonicalJson(candidate.value)) {
      problems.push(
        `${where}: candidate ${canonicalJson(candidate.value)} attributed to ${label ?? candidate.deviceId}, who did not write it`,
      );
    }
  }
  return problems;
}

interface AppliedRow extends Record<string, unknown> {
  id: string;
  recordId: string;
  resultVersion: number;
}

/**
 * Exactly once, from the server's own bookkeeping: every mutation id is recorded
 * once, no id nobody sent is recorded, and no record changed more often than
 * mutations were applied to it (a mutation applied twice would bump it again).
 */
export async function checkAppliedMutations(
  db: Database,
  sentIds: ReadonlySet<string>,
  rowsBefore: number,
  view: Snapshot,
): Promise<Findings & { applied: number }> {
  const problems: string[] = [];
  const rows = await db.query<AppliedRow>(
    'SELECT id, record_id AS "recordId", result_version AS "resultVersion" FROM applied_mutations',
  );
  const recorded = new Set(rows.map((row) => row.id));
  const missing = [...sentIds].filter((id) => !recorded.has(id));
  if (missing.length > 0)
    problems.push(`${missing.length} mutations never applied, e.g. ${missing.slice(0, 3).join(', ')}`);
  if (rows.length !== rowsBefore + sentIds.size) {
    problems.push(`applied_mutations has ${rows.length} rows, expected ${rowsBefore} + ${sentIds.size}`);
  }
  const byRecord = new Map<string, AppliedRow[]>();
  for (const row of rows) byRecord.set(row.recordId, [...(byRecord.get(row.recordId) ?? []), row]);
  let records = 0;
  for (const [key, record] of view) {
    if (entityOfKey(key) === 'member') continue;
    records++;
    const applied = byRecord.get(record.id) ?? [];
    const newest = Math.max(0, ...applied.map((row) => Number(row.resultVersion)));
    if (record.version > applied.length || record.version !== newest) {
      problems.push(
        `${key}: version ${record.version} after ${applied.length} applied mutations (newest result version ${newest})`,
      );
    }
  }
  return { problems, records, fields: 0, applied: rows.length - rowsBefore };
}
