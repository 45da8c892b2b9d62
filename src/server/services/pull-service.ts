// Hands a device the records it may see that changed since its cursor, in commit
// order, in batches, and the removals of records deleted or out of its scope.
// Why the cursor never skips a row: repositories/sync-sequence.ts; how scope
// changes reach the device: scope.ts.
import type { Change, PullResponse, Removal } from '../../shared/protocol';
import type { Database } from '../db/database';
import { appendAudit } from '../repositories/audit-log';
import { readChangesSince } from '../repositories/changes';
import { lastMoveSeqOf } from '../repositories/person-moves';
import { caseIdOf } from './case-of-record';
import { removalsAfterMove } from './person-moves';
import type { Retention } from './retention';
import type { SubstitutionPeriods } from './substitution-periods';
import { type Actor, isLeadOf, seesCaseContent } from './visibility';

/** Which cases a device received or lost (their notes and appointments are counted). */
function auditDetail(from: string, response: PullResponse): Record<string, unknown> {
  const counts: Record<string, number> = {};
  for (const change of response.changes) counts[change.entity] = (counts[change.entity] ?? 0) + 1;
  const caseIds = response.changes
    .filter((change) => change.entity === 'case')
    .map((change) => change.record.id);
  const removedCaseIds = response.removed.filter((removal) => removal.entity === 'case').map((r) => r.id);
  return { from, to: response.cursor, counts, caseIds, removedCaseIds, removed: response.removed.length };
}

/** Every case whose data the pull handed out or removed (the per-case audit trail lists the pull). */
function touchedCaseIds(response: PullResponse): string[] {
  const ids: string[] = [];
  for (const { entity, record } of response.changes) {
    const caseId = caseIdOf(entity, record);
    if (caseId) ids.push(caseId);
  }
  for (const removal of response.removed) if (removal.entity === 'case') ids.push(removal.id);
  return ids;
}

/**
 * The cursor after a batch. A device that started over after the person's move
 * (person-moves.ts) must not meet that move again: once it has everything, its
 * cursor moves past the move's seq. Safe, as the snapshot that saw the move saw
 * every row with a smaller seq (sync-sequence.ts), and this pull returned them all.
 */
function cursorAfter(lastSeq: bigint, lastMoveSeq: string | null): string {
  const move = lastMoveSeq === null ? 0n : BigInt(lastMoveSeq);
  return (move > lastSeq ? move : lastSeq).toString();
}

export function createPullService(
  db: Database,
  substitutionPeriods?: SubstitutionPeriods,
  retention?: Pick<Retention, 'ensureCurrent'>,
) {
  return {
    async pull(actor: Actor, deviceId: string | null, cursor: string, limit: number): Promise<PullResponse> {
      // A substitution period that started or ended since the last tick becomes writes first.
      await substitutionPeriods?.ensureCurrent();
      // Records past their deletion date go before anyone reads them again.
      await retention?.ensureCurrent();
      const viewer = {
        userId: actor.id,
        teamId: actor.teamId,
        isLead: isLeadOf(actor, actor.teamId),
        seesCaseContent: seesCaseContent(actor),
      };
      const read = await db.transaction(async (tx) => {
        // One snapshot for all tables: per-statement snapshots could show a later
        // row of one table while missing an earlier, just committed row of another.
        await tx.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY');
        const lastMoveSeq = await lastMoveSeqOf(tx, actor.id);
        const afterMove = await removalsAfterMove(tx, actor, cursor, lastMoveSeq);
        if (afterMove) return { afterMove, items: [], lastMoveSeq: null };
        const items = await readChangesSince(tx, viewer, cursor, limit + 1);
        return { afterMove: null, items, lastMoveSeq };
      });
      if (read.afterMove) {
        // The person moved since this cursor: what they can no longer see goes, then start over.
        const response: PullResponse = { cursor: '0', hasMore: true, changes: [], removed: read.afterMove };
        await appendAudit(db, {
          userId: actor.id,
          deviceId,
          action: 'pull',
          detail: { ...auditDetail(cursor, response), afterMove: true },
          caseIds: touchedCaseIds(response),
        });
        return response;
      }
      const items = read.items;
      const batch = items.slice(0, limit);
      const changes: Change[] = [];
      const removed: Removal[] = [];
      for (const item of batch) {
        if ('change' in item) changes.push(item.change);
        else removed.push(...item.removals);
      }
      const last = batch.at(-1);
      const hasMore = items.length > limit;
      const response: PullResponse = {
        cursor: cursorAfter(last ? last.seq : BigInt(cursor), hasMore ? null : read.lastMoveSeq),
        hasMore,
        changes,
        removed,
      };
      if (batch.length > 0) {
        await appendAudit(db, {
          userId: actor.id,
          deviceId,
          action: 'pull',
          detail: auditDetail(cursor, response),
          caseIds: touchedCaseIds(response),
        });
      }
      return response;
    },
  };
}

export type PullService = ReturnType<typeof createPullService>;
