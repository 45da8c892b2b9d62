// Reading and writing synced records (cases, notes, appointments, pre-consultations).
// The server-managed metadata is set here: version, createdAt, updatedAt, updatedBy, seq.
import type { MutableEntity, RecordOf } from '../../shared/records';
import type { Queryable } from '../db/database';
import { columnOf, selectList, tableOf, toRecord } from './record-tables';

/**
 * Row locks, weakest first. `share` keeps a case's assignment fixed while a note
 * or appointment is written against it; `update` is FOR NO KEY UPDATE, which (unlike
 * FOR UPDATE) does not block the foreign-key checks of inserts referencing the row.
 */
export type RowLock = 'none' | 'share' | 'update';

const lockClause: Record<RowLock, string> = { none: '', share: ' FOR SHARE', update: ' FOR NO KEY UPDATE' };

export async function findRecord<E extends MutableEntity>(
  tx: Queryable,
  entity: E,
  id: string,
  lock: RowLock = 'none',
): Promise<RecordOf[E] | null> {
  const spec = tableOf[entity];
  const rows = await tx.query(
    `SELECT ${selectList(spec, 't')} FROM ${spec.table} t WHERE t.id = $1${lockClause[lock]}`,
    [id],
  );
  return rows[0] ? toRecord<RecordOf[E]>(rows[0]) : null;
}

export interface WriteMeta {
  userId: string;
  seq: string;
}

/** Inserts a new record with version 1; `values` holds every field, including teamId and owner fields. */
export async function insertRecord<E extends MutableEntity>(
  tx: Queryable,
  entity: E,
  id: string,
  values: Record<string, unknown>,
  meta: WriteMeta,
): Promise<RecordOf[E]> {
  const spec = tableOf[entity];
  const fields = Object.keys(values);
  const columns = ['id', ...fields.map((f) => columnOf(spec, f)), 'version', 'updated_by', 'seq'];
  const params = [id, ...fields.map((f) => values[f]), 1, meta.userId, meta.seq];
  const placeholders = params.map((_, i) => `$${i + 1}`);
  const rows = await tx.query(
    `INSERT INTO ${spec.table} AS t (${columns.join(', ')}) VALUES (${placeholders.join(', ')})
     RETURNING ${selectList(spec, 't')}`,
    params,
  );
  if (!rows[0]) throw new Error(`insert into ${spec.table} returned nothing`);
  return toRecord<RecordOf[E]>(rows[0]);
}

/** Applies `patch` (field -> value), increments the version and restamps the record. */
export async function updateRecord<E extends MutableEntity>(
  tx: Queryable,
  entity: E,
  id: string,
  patch: Record<string, unknown>,
  meta: WriteMeta,
): Promise<RecordOf[E]> {
  const spec = tableOf[entity];
  const fields = Object.keys(patch);
  const assignments = fields.map((f, i) => `${columnOf(spec, f)} = $${i + 4}`);
  const rows = await tx.query(
    `UPDATE ${spec.table} AS t
     SET ${[...assignments, 'version = t.version + 1', 'updated_at = now()', 'updated_by = $2', 'seq = $3'].join(', ')}
     WHERE t.id = $1
     RETURNING ${selectList(spec, 't')}`,
    [id, meta.userId, meta.seq, ...fields.map((f) => patch[f])],
  );
  if (!rows[0]) throw new Error(`update of ${spec.table} ${id} found no row`);
  return toRecord<RecordOf[E]>(rows[0]);
}
