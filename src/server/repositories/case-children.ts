// Notes and appointments hang off a case. When the case changes hands, the new
// assignee's device must receive them even though their seq may lie behind its
// cursor: they get fresh sequence numbers in the same transaction as the case.
import type { Queryable } from '../db/database';
import { reserveSeqs } from './sync-sequence';

const childTables = ['notes', 'appointments'] as const;

/**
 * Locks the children that exist now. Call before taking sequence numbers, so the
 * lock order stays "records, then counter" for every writer.
 */
export async function lockCaseChildren(tx: Queryable, caseId: string): Promise<void> {
  for (const table of childTables) {
    await tx.query(`SELECT id FROM ${table} WHERE case_id = $1 FOR NO KEY UPDATE`, [caseId]);
  }
}

/**
 * Gives every child of the case a new seq. Call after this transaction took a
 * sequence number: by then every writer that took one earlier has committed, and
 * this statement's fresh snapshot also sees the children they inserted.
 */
export async function resequenceCaseChildren(tx: Queryable, caseId: string): Promise<void> {
  for (const table of childTables) {
    const counted = await tx.query<{ count: number }>(
      `SELECT count(*)::int AS count FROM ${table} WHERE case_id = $1`,
      [caseId],
    );
    const count = counted[0]?.count ?? 0;
    if (count === 0) continue;
    const first = await reserveSeqs(tx, count);
    await tx.query(
      `UPDATE ${table} AS t SET seq = $2::bigint + ordered.position - 1
       FROM (SELECT id, row_number() OVER (ORDER BY seq, id) AS position FROM ${table} WHERE case_id = $1) AS ordered
       WHERE t.id = ordered.id`,
      [caseId, first],
    );
  }
}
