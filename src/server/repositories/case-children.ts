// Notes, appointments, substitutions, goals and comments hang off a case. When someone gains the
// case (reassigned to them, their substitution starts), their device must receive
// the case and all of its children even though their seq may lie behind its
// cursor: they get fresh sequence numbers in the transaction that grants access.
//
// Every transaction that re-stamps children holds the case FOR NO KEY UPDATE
// first. Writers of children lock their case FOR SHARE (or stronger) before
// anything else, so while the case is held no child can be inserted or changed
// concurrently and the re-stamp sees all of them.
import type { MutableEntity } from '../../shared/records';
import type { Queryable } from '../db/database';
import { caseChildEntities, isCaseChild, tableOf } from './record-tables';
import { reserveSeqs } from './sync-sequence';

const childTables = caseChildEntities.map((entity) => tableOf[entity].table);

/** The case a stored record belongs to; null when it is no case's child or not stored. */
export async function findCaseIdOfChild(
  tx: Queryable,
  entity: MutableEntity,
  id: string,
): Promise<string | null> {
  if (!isCaseChild(entity)) return null;
  const rows = await tx.query<{ caseId: string }>(
    `SELECT case_id::text AS "caseId" FROM ${tableOf[entity].table} WHERE id = $1`,
    [id],
  );
  return rows[0]?.caseId ?? null;
}

/**
 * Locks the children that exist now. Call before taking sequence numbers, so the
 * lock order stays "case, records, then counter" for every writer.
 */
export async function lockCaseChildren(tx: Queryable, caseId: string): Promise<void> {
  for (const table of childTables) {
    await tx.query(`SELECT id FROM ${table} WHERE case_id = $1 FOR NO KEY UPDATE`, [caseId]);
  }
}

/**
 * Gives every live child of the case a new seq (tombstones stay: a device that
 * gains the case never had them). Call after this transaction took a sequence
 * number: by then every writer that took one earlier has committed, and this
 * statement's fresh snapshot also sees the children they inserted.
 */
export async function resequenceCaseChildren(tx: Queryable, caseId: string): Promise<void> {
  for (const table of childTables) {
    const counted = await tx.query<{ count: number }>(
      `SELECT count(*)::int AS count FROM ${table} WHERE case_id = $1 AND deleted_at IS NULL`,
      [caseId],
    );
    const count = counted[0]?.count ?? 0;
    if (count === 0) continue;
    const first = await reserveSeqs(tx, count);
    await tx.query(
      `UPDATE ${table} AS t SET seq = $2::bigint + ordered.position - 1
       FROM (SELECT id, row_number() OVER (ORDER BY seq, id) AS position
             FROM ${table} WHERE case_id = $1 AND deleted_at IS NULL) AS ordered
       WHERE t.id = ordered.id`,
      [caseId, first],
    );
  }
}

/** Re-stamps the case row itself (version unchanged: nothing in it changed). */
export async function resequenceCase(tx: Queryable, caseId: string): Promise<void> {
  const seq = await reserveSeqs(tx, 1);
  await tx.query('UPDATE cases SET seq = $2 WHERE id = $1', [caseId, seq]);
}
