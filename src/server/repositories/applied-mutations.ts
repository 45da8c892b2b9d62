// The record of every applied mutation id (exactly-once push).
import type { MutationOp } from '../../shared/protocol';
import type { MutableEntity } from '../../shared/records';
import type { Queryable } from '../db/database';

export interface AppliedMutation {
  id: string;
  userId: string;
  entity: MutableEntity;
  recordId: string;
}

/**
 * Serializes the handling of these mutation ids until the transaction ends. Two
 * copies of the same push arriving at once (a client retry racing its original)
 * would otherwise both miss the other's not-yet-committed applied rows, and the
 * later one would be refused ("record exists") instead of answered "duplicate".
 * Under READ COMMITTED, the lookup after this lock sees the winner's commit. The
 * locks are taken in one order, so two pushes sharing ids cannot deadlock.
 */
export async function lockMutationIds(tx: Queryable, ids: readonly string[]): Promise<void> {
  await tx.query(
    `SELECT pg_advisory_xact_lock(lock_key)
       FROM (SELECT DISTINCT hashtextextended(id, 0) AS lock_key FROM unnest($1::text[]) AS id ORDER BY lock_key) AS keys`,
    [ids],
  );
}

/** The ids among `ids` applied before, with what they were applied to. */
export async function findAppliedMutations(
  tx: Queryable,
  ids: readonly string[],
): Promise<Map<string, AppliedMutation>> {
  const rows = await tx.query<AppliedMutation & Record<string, unknown>>(
    `SELECT id, user_id AS "userId", entity, record_id AS "recordId" FROM applied_mutations WHERE id = ANY($1::uuid[])`,
    [ids],
  );
  return new Map(rows.map((row) => [row.id, row]));
}

export interface NewAppliedMutation {
  id: string;
  userId: string;
  deviceId: string | null;
  entity: MutableEntity;
  op: MutationOp;
  recordId: string;
  baseVersion: number | null;
  resultVersion: number;
  data: Record<string, unknown>;
  clientTime: string;
}

export async function insertAppliedMutation(tx: Queryable, m: NewAppliedMutation): Promise<void> {
  await tx.query(
    `INSERT INTO applied_mutations
       (id, user_id, device_id, entity, op, record_id, base_version, result_version, data, client_time)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9::jsonb, $10)`,
    [
      m.id,
      m.userId,
      m.deviceId,
      m.entity,
      m.op,
      m.recordId,
      m.baseVersion,
      m.resultVersion,
      JSON.stringify(m.data),
      m.clientTime,
    ],
  );
}
