// Reading and writing synced records (cases, notes, appointments, pre-consultations,
// substitutions). The server-managed metadata is set here: version, createdAt,
// updatedAt, updatedBy, seq, field_meta and the tombstone deleted_at.
import type { MutableEntity, RecordOf } from '../../shared/records';
import type { Queryable } from '../db/database';
import { type FieldMeta, parseFieldMeta } from './field-meta';
import { columnOf, isJsonColumn, selectList, tableOf, toRecord } from './record-tables';

/**
 * Row locks, weakest first. `share` keeps a case's assignment fixed while a note
 * or appointment is written against it; `update` is FOR NO KEY UPDATE, which (unlike
 * FOR UPDATE) does not block the foreign-key checks of inserts referencing the row.
 */
export type RowLock = 'none' | 'share' | 'update';

const lockClause: Record<RowLock, string> = { none: '', share: ' FOR SHARE', update: ' FOR NO KEY UPDATE' };

/** A record with what the server keeps beside it. */
export interface StoredRecord<E extends MutableEntity> {
  record: RecordOf[E];
  fieldMeta: FieldMeta;
  /** Set when the record was deleted (tombstone). */
  deletedAt: string | null;
}

/** The live (not deleted) record. */
export async function findRecord<E extends MutableEntity>(
  tx: Queryable,
  entity: E,
  id: string,
  lock: RowLock = 'none',
): Promise<RecordOf[E] | null> {
  const stored = await findStoredRecord(tx, entity, id, lock);
  return stored && stored.deletedAt === null ? stored.record : null;
}

/** The record, deleted or not, with its field history. */
export async function findStoredRecord<E extends MutableEntity>(
  tx: Queryable,
  entity: E,
  id: string,
  lock: RowLock = 'none',
): Promise<StoredRecord<E> | null> {
  const spec = tableOf[entity];
  const rows = await tx.query(
    `SELECT ${selectList(spec, 't')}, t.field_meta AS "_fieldMeta", t.deleted_at AS "_deletedAt"
     FROM ${spec.table} t WHERE t.id = $1${lockClause[lock]}`,
    [id],
  );
  const row = rows[0];
  if (!row) return null;
  const { _fieldMeta, _deletedAt, ...fields } = toRecord<Record<string, unknown>>(row);
  return {
    record: fields as unknown as RecordOf[E],
    fieldMeta: parseFieldMeta(_fieldMeta),
    deletedAt: typeof _deletedAt === 'string' ? _deletedAt : null,
  };
}

export interface WriteMeta {
  userId: string;
  seq: string;
}

function valueParam(column: string, value: unknown, index: number): { sql: string; param: unknown } {
  return isJsonColumn(column)
    ? { sql: `$${index}::jsonb`, param: JSON.stringify(value) }
    : { sql: `$${index}`, param: value };
}

/** Inserts a new record with version 1; `values` holds every field, including teamId and owner fields. */
export async function insertRecord<E extends MutableEntity>(
  tx: Queryable,
  entity: E,
  id: string,
  values: Record<string, unknown>,
  fieldMeta: FieldMeta,
  meta: WriteMeta,
): Promise<RecordOf[E]> {
  const spec = tableOf[entity];
  const columns = ['id', 'version', 'updated_by', 'seq', 'field_meta'];
  const params: unknown[] = [id, 1, meta.userId, meta.seq, JSON.stringify(fieldMeta)];
  const placeholders = ['$1', '$2', '$3', '$4', '$5::jsonb'];
  for (const [field, value] of Object.entries(values)) {
    const column = columnOf(spec, field);
    const { sql, param } = valueParam(column, value, params.length + 1);
    columns.push(column);
    params.push(param);
    placeholders.push(sql);
  }
  const rows = await tx.query(
    `INSERT INTO ${spec.table} AS t (${columns.join(', ')}) VALUES (${placeholders.join(', ')})
     RETURNING ${selectList(spec, 't')}`,
    params,
  );
  if (!rows[0]) throw new Error(`insert into ${spec.table} returned nothing`);
  return toRecord<RecordOf[E]>(rows[0]);
}

export interface RecordWrite {
  /** Field -> new value (conflicts and amendments included when they change). */
  values: Record<string, unknown>;
  fieldMeta: FieldMeta;
  /** true: tombstone the record; false: it is (or becomes again) live. */
  deleted: boolean;
}

/** Writes a change: new values, version + 1, fresh seq, new field history. */
export async function writeRecord<E extends MutableEntity>(
  tx: Queryable,
  entity: E,
  id: string,
  change: RecordWrite,
  meta: WriteMeta,
): Promise<RecordOf[E]> {
  const spec = tableOf[entity];
  const params: unknown[] = [id, meta.userId, meta.seq, JSON.stringify(change.fieldMeta)];
  const assignments = [
    'version = t.version + 1',
    'updated_at = now()',
    'updated_by = $2',
    'seq = $3',
    'field_meta = $4::jsonb',
    change.deleted ? 'deleted_at = coalesce(t.deleted_at, now())' : 'deleted_at = NULL',
  ];
  for (const [field, value] of Object.entries(change.values)) {
    const column = columnOf(spec, field);
    const { sql, param } = valueParam(column, value, params.length + 1);
    assignments.push(`${column} = ${sql}`);
    params.push(param);
  }
  const rows = await tx.query(
    `UPDATE ${spec.table} AS t SET ${assignments.join(', ')} WHERE t.id = $1 RETURNING ${selectList(spec, 't')}`,
    params,
  );
  if (!rows[0]) throw new Error(`update of ${spec.table} ${id} found no row`);
  return toRecord<RecordOf[E]>(rows[0]);
}

/**
 * Updates only the field history: an edit that changed nothing devices see (the
 * same value again) but must be remembered. No new version or seq - nothing to pull.
 */
export async function writeFieldMeta(
  tx: Queryable,
  entity: MutableEntity,
  id: string,
  fieldMeta: FieldMeta,
): Promise<void> {
  await tx.query(`UPDATE ${tableOf[entity].table} SET field_meta = $2::jsonb WHERE id = $1`, [
    id,
    JSON.stringify(fieldMeta),
  ]);
}
