// Storing what the server says about a record without losing local changes.
//
// Rebase rule (as in Replicache): the server record is the new base, and every
// change of that record still waiting in the outbox is applied on top of it again,
// in the order it was made: an update's fields, a resolution's settled conflict,
// and a delete, which keeps the record deleted. So a pulled or pushed record never
// overwrites a change the server has not seen yet; once that change is
// acknowledged, the server's answer already contains it.
//
// While changes wait, the server record is also kept as the record's base
// (db/infrastructure/server-base.ts), so a change the server rejects is taken back exactly:
// the record becomes base + the changes still waiting. The rejected entry stays
// in the outbox with its data and the reason, for the user to see.
//
// Callers run these inside one 'rw' transaction over syncTables(db), so the rebase
// sees the outbox exactly as it is when the record is written (a local write made
// meanwhile is either fully before or fully after).
import type { Table } from 'dexie';
import { withConflictFlag } from '../db/infrastructure/conflict-flag';
import type { FeldakteDb, OutboxEntry, ServerBase } from '../db/infrastructure/schema';
import { tableOf } from '../db/infrastructure/schema';
import { hasPendingChanges } from '../db/infrastructure/server-base';
import { settleConflict } from '../db/repositories/conflict-resolution';
import { type Change, ResolveData } from '../shared/protocol';
import type { Conflict, MutableEntity, RecordOf, SyncedEntity } from '../shared/records';

/** The record's changes the server has not acknowledged yet, oldest first. */
async function pendingEntriesFor(db: FeldakteDb, recordId: string): Promise<OutboxEntry[]> {
  const entries = await db.outbox.where('recordId').equals(recordId).sortBy('seq');
  return entries.filter((entry) => entry.status === 'pending');
}

/** The server record with the waiting changes on top; null when one of them deletes it. */
export function rebase<R extends { conflicts: Conflict[] }>(
  serverRecord: R,
  pending: readonly OutboxEntry[],
): R | null {
  let rebased: R = { ...serverRecord };
  for (const entry of pending) {
    if (entry.op === 'delete') return null;
    if (entry.op === 'create' || entry.op === 'update') {
      rebased = { ...rebased, ...entry.data };
      continue;
    }
    const resolution = ResolveData.safeParse(entry.data);
    if (!resolution.success) continue;
    // A conflict the base no longer has was settled elsewhere; the server decides about this one.
    const settled = settleConflict(rebased, resolution.data.conflictId, resolution.data.value);
    if (settled.kind === 'deleted') return null;
    if (settled.kind === 'kept') rebased = settled.record;
  }
  return withConflictFlag(rebased);
}

async function writeRebased<E extends MutableEntity>(
  db: FeldakteDb,
  entity: E,
  base: RecordOf[E],
  pending: readonly OutboxEntry[],
): Promise<void> {
  const table = tableOf(db, entity);
  const rebased = rebase(base, pending);
  if (rebased) await table.put(rebased);
  else await table.delete(base.id);
}

/**
 * table.bulkGet(ids), asking only for the ids the table holds: which ones it holds
 * comes from one read of its keys (no values). A first sync's records are all new,
 * and getting 2,000 absent keys per pull batch cost about as much as writing them.
 */
async function storedRows<T>(table: Table<T, string>, ids: readonly string[]): Promise<Array<T | undefined>> {
  if (ids.length === 0) return [];
  const sorted = [...ids].sort();
  const held = new Set(await table.where(':id').between(sorted[0], sorted.at(-1), true, true).primaryKeys());
  const wanted = ids.filter((id) => held.has(id));
  const rows = await table.bulkGet(wanted);
  const byId = new Map(wanted.map((id, index) => [id, rows[index]]));
  return ids.map((id) => byId.get(id));
}

/** Records of several entities (a pull batch, a push's answers), stored entity by entity, each group in bulk. */
export async function storeServerChanges(db: FeldakteDb, changes: readonly Change[]): Promise<void> {
  const byEntity = new Map<SyncedEntity, Change['record'][]>();
  for (const { entity, record } of changes) {
    const group = byEntity.get(entity);
    if (group) group.push(record);
    else byEntity.set(entity, [record]);
  }
  for (const [entity, records] of byEntity) {
    // Each group was filled from changes of that entity only, so the records are of its kind.
    await storeServerRecords(db, entity, records as RecordOf[typeof entity][]);
  }
}

/**
 * Stores records of one entity as the server has them, with the device's waiting
 * changes re-applied on top: a few bulk reads and writes for a whole batch.
 */
export async function storeServerRecords<E extends SyncedEntity>(
  db: FeldakteDb,
  entity: E,
  records: readonly RecordOf[E][],
): Promise<void> {
  if (records.length === 0) return;
  if (entity === 'member') {
    await tableOf(db, 'member').bulkPut(records as readonly unknown[] as RecordOf['member'][]);
    return;
  }
  const mutable = entity as MutableEntity;
  const table = tableOf(db, mutable);
  const ids = records.map((r) => r.id);
  const [locals, bases, entries] = await Promise.all([
    storedRows(table, ids),
    storedRows(db.bases, ids),
    db.outbox.where('recordId').anyOf(ids).sortBy('seq'),
  ]);
  const pendingById = new Map<string, OutboxEntry[]>();
  for (const entry of entries) {
    if (entry.status !== 'pending') continue;
    const pending = pendingById.get(entry.recordId);
    if (pending) pending.push(entry);
    else pendingById.set(entry.recordId, [entry]);
  }
  const held = new Map<string, number>();
  const hadBase = new Set<string>();
  ids.forEach((id, i) => {
    held.set(id, Math.max(held.get(id) ?? -1, locals[i]?.version ?? -1, bases[i]?.record.version ?? -1));
    if (bases[i]) hadBase.add(id);
  });

  // Final state per record id (a batch could name a record twice; the newest wins).
  const newest = new Map<string, RecordOf[MutableEntity]>();
  for (const record of records as readonly RecordOf[MutableEntity][]) {
    // An older answer must not undo a newer one we already hold (e.g. a pull batch
    // read before a push answer that returned a later version).
    if ((held.get(record.id) ?? -1) > record.version) continue;
    held.set(record.id, record.version);
    newest.set(record.id, record);
  }
  const puts: RecordOf[MutableEntity][] = [];
  const deletes: string[] = [];
  const basePuts: ServerBase[] = [];
  const baseDeletes: string[] = [];
  for (const [id, record] of newest) {
    const pending = pendingById.get(id) ?? [];
    if (pending.length > 0) basePuts.push({ id, entity: mutable, record });
    else if (hadBase.has(id)) baseDeletes.push(id);
    const rebased = rebase(record, pending);
    if (rebased) puts.push(rebased);
    else deletes.push(id);
  }
  await Promise.all([
    table.bulkPut(puts),
    table.bulkDelete(deletes),
    db.bases.bulkPut(basePuts),
    db.bases.bulkDelete(baseDeletes),
  ]);
}

/**
 * After the server rejected one of the record's changes (already marked in the
 * outbox): the record becomes the server's copy plus the changes still waiting.
 */
export async function takeBackRejected(db: FeldakteDb, entity: MutableEntity, recordId: string) {
  const [base, pending] = await Promise.all([db.bases.get(recordId), pendingEntriesFor(db, recordId)]);
  if (base) {
    await writeRebased(db, entity, base.record, pending);
    if (pending.length === 0) await db.bases.delete(recordId);
    return;
  }
  // No base: the server never acknowledged this record. Without its create waiting
  // it will not exist there, so it goes here too (the rejected create keeps its data).
  const table = tableOf(db, entity);
  const local = await table.get(recordId);
  if (local?.version === 0 && !pending.some((e) => e.op === 'create')) await table.delete(recordId);
  // Otherwise (changes written by schema v1, before bases existed) the record
  // stays as it is until the server next sends it.
}

/** After an acknowledgement without a record: the base is not needed once nothing waits. */
export async function forgetBaseIfSettled(db: FeldakteDb, recordId: string): Promise<void> {
  if (!(await hasPendingChanges(db, recordId))) await db.bases.delete(recordId);
}
