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
 * Serializes the handling of one mutation id until the transaction ends. Two
 * copies of the same push arriving at once (a client retry racing its original)
 * would otherwise both miss the other's not-yet-committed applied row, and the
 * later one would be refused ("record exists") instead of answered "duplicate".
 * Under READ COMMITTED, the lookup after this lock sees the winner's commit.
 */
export async function lockMutationId(tx: Queryable, id: string): Promise<void> {
  await tx.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [id]);
}

export async function findAppliedMutation(tx: Queryable, id: string): Promise<AppliedMutation | null> {
  const rows = await tx.query<AppliedMutation & Record<string, unknown>>(
    `SELECT id, user_id AS "userId", entity, record_id AS "recordId" FROM applied_mutations WHERE id = $1`,
    [id],
  );
  return rows[0] ?? null;
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
