// Hands a device the records it may see that changed since its cursor, in commit
// order, in batches. Why the cursor never skips a row: repositories/sync-sequence.ts.
import type { PullResponse } from '../../shared/protocol';
import type { Database } from '../db/database';
import { readChangesSince } from '../repositories/changes';
import type { Actor } from './visibility';

export function createPullService(db: Database) {
  return {
    async pull(actor: Actor, cursor: string, limit: number): Promise<PullResponse> {
      const viewer = { userId: actor.id, teamId: actor.teamId, isLead: actor.role === 'lead' };
      const changes = await db.transaction(async (tx) => {
        // One snapshot for all tables: per-statement snapshots could show a later
        // row of one table while missing an earlier, just committed row of another.
        await tx.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY');
        return readChangesSince(tx, viewer, cursor, limit + 1);
      });
      const batch = changes.slice(0, limit);
      const last = batch.at(-1);
      return {
        cursor: last ? last.seq.toString() : cursor,
        hasMore: changes.length > limit,
        changes: batch.map((item) => item.change),
        removed: [],
      };
    },
  };
}

export type PullService = ReturnType<typeof createPullService>;
