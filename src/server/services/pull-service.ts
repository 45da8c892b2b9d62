// Hands a device the records it may see that changed since its cursor, in commit
// order, in batches. Why the cursor never skips a row: repositories/sync-sequence.ts.
import type { PullResponse } from '../../shared/protocol';
import type { Database } from '../db/database';
import { appendAudit } from '../repositories/audit-log';
import { readChangesSince } from '../repositories/changes';
import type { Actor } from './visibility';

/** Which cases a device received (their notes and appointments are counted). */
function auditDetail(from: string, response: PullResponse): Record<string, unknown> {
  const counts: Record<string, number> = {};
  for (const change of response.changes) counts[change.entity] = (counts[change.entity] ?? 0) + 1;
  const caseIds = response.changes
    .filter((change) => change.entity === 'case')
    .map((change) => change.record.id);
  return { from, to: response.cursor, counts, caseIds };
}

export function createPullService(db: Database) {
  return {
    async pull(actor: Actor, deviceId: string | null, cursor: string, limit: number): Promise<PullResponse> {
      const viewer = { userId: actor.id, teamId: actor.teamId, isLead: actor.role === 'lead' };
      const changes = await db.transaction(async (tx) => {
        // One snapshot for all tables: per-statement snapshots could show a later
        // row of one table while missing an earlier, just committed row of another.
        await tx.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY');
        return readChangesSince(tx, viewer, cursor, limit + 1);
      });
      const batch = changes.slice(0, limit);
      const last = batch.at(-1);
      const response: PullResponse = {
        cursor: last ? last.seq.toString() : cursor,
        hasMore: changes.length > limit,
        changes: batch.map((item) => item.change),
        removed: [],
      };
      if (response.changes.length > 0) {
        await appendAudit(db, {
          userId: actor.id,
          deviceId,
          action: 'pull',
          detail: auditDetail(cursor, response),
        });
      }
      return response;
    },
  };
}

export type PullService = ReturnType<typeof createPullService>;
