// The pull's reads: per table, the rows a user may see with seq > cursor, in seq
// order, and the user's losses of cases (scope_changes). Who sees what is decided
// here in SQL, mirroring services/visibility.ts: a lead sees the whole team; a
// worker the cases assigned to them or granted by a substitution in force, and
// the notes, appointments, substitutions, goals and comments of those cases,
// their own pre-consultations, and the team's network partners. Visibility is evaluated in the pull's snapshot, as it is now
// (services/scope.ts explains why that is right for gains and losses alike).
import type { Change, Removal } from '../../shared/protocol';
import { MutableEntity, type SyncedEntity } from '../../shared/records';
import type { Queryable } from '../db/database';
import { selectList, tableOf, toRecord } from './record-tables';
import { memberColumns } from './users';

export interface Viewer {
  userId: string;
  teamId: string;
  isLead: boolean;
  /** False for Administration without a lead's role: the members only, no case content. */
  seesCaseContent: boolean;
}

/** One item of the pull in seq order: a change, or the removals one row or loss stands for. */
export type SequencedItem = { seq: bigint; change: Change } | { seq: bigint; removals: Removal[] };

/** Whether the case is the worker's (`user`: the placeholder of their id). */
const caseVisible = (caseIdColumn: string, user: string) =>
  `EXISTS (SELECT 1 FROM cases c WHERE c.id = ${caseIdColumn} AND (c.assigned_to = ${user} OR EXISTS (
     SELECT 1 FROM substitutions s
     WHERE s.case_id = c.id AND s.substitute_id = ${user} AND s.grants_access AND s.deleted_at IS NULL)))`;

// Parameters of the record queries: $1 teamId, $2 cursor, $3 isLead, $4 userId, $5 limit.
/** Extra condition for workers. */
const workerScope: Record<MutableEntity, string> = {
  case: caseVisible('t.id', '$4'),
  note: caseVisible('t.case_id', '$4'),
  appointment: caseVisible('t.case_id', '$4'),
  preConsultation: 't.worker_id = $4',
  substitution: caseVisible('t.case_id', '$4'),
  goal: caseVisible('t.case_id', '$4'),
  comment: caseVisible('t.case_id', '$4'),
  // The partner directory belongs to the whole team. (Always true; it names $4 so
  // the parameter keeps a known type in a statement that would not use it.)
  partner: '$4::uuid IS NOT NULL',
};

const bySeq = (a: SequencedItem, b: SequencedItem) => (a.seq < b.seq ? -1 : a.seq > b.seq ? 1 : 0);

async function changedRecords(
  tx: Queryable,
  entity: MutableEntity,
  viewer: Viewer,
  cursor: string,
  limit: number,
): Promise<SequencedItem[]> {
  const spec = tableOf[entity];
  const rows = await tx.query<{ _seq: string; _deleted: boolean } & Record<string, unknown>>(
    `SELECT ${selectList(spec, 't')}, t.seq::text AS "_seq", t.deleted_at IS NOT NULL AS "_deleted"
     FROM ${spec.table} t
     WHERE t.team_id = $1 AND t.seq > $2::bigint AND ($3 OR ${workerScope[entity]})
     ORDER BY t.seq LIMIT $5`,
    [viewer.teamId, cursor, viewer.isLead, viewer.userId, limit],
  );
  return rows.map(({ _seq, _deleted, ...record }): SequencedItem => {
    const seq = BigInt(_seq);
    // A tombstone reaches the device as a removal.
    if (_deleted) return { seq, removals: [{ entity, id: String(record.id) }] };
    return { seq, change: { entity, record: toRecord(record) } as Change };
  });
}

async function changedMembers(
  tx: Queryable,
  viewer: Viewer,
  cursor: string,
  limit: number,
): Promise<SequencedItem[]> {
  const rows = await tx.query<{ seq: string } & Record<string, unknown>>(
    `SELECT ${memberColumns} FROM users WHERE team_id = $1 AND seq > $2::bigint ORDER BY seq LIMIT $3`,
    [viewer.teamId, cursor, limit],
  );
  return rows.map(({ seq, ...record }) => ({
    seq: BigInt(seq),
    change: { entity: 'member', record } as Change,
  }));
}

/**
 * Cases the worker lost and cannot see now: the case goes, and with it its notes and
 * appointments (protocol: a removed case takes them along) and, named one by one,
 * its substitutions, goals and comments (devices that drop only notes and
 * appointments with a case still lose them).
 */
async function lostCases(
  tx: Queryable,
  viewer: Viewer,
  cursor: string,
  limit: number,
): Promise<SequencedItem[]> {
  if (viewer.isLead) return []; // a lead sees the whole team: never loses a case
  const rows = await tx.query<{
    seq: string;
    case_id: string;
    substitution_ids: string[];
    goal_ids: string[];
    comment_ids: string[];
  }>(
    `SELECT sc.seq::text AS seq, sc.case_id,
            ARRAY(SELECT s.id::text FROM substitutions s WHERE s.case_id = sc.case_id ORDER BY s.id) AS substitution_ids,
            ARRAY(SELECT g.id::text FROM goals g WHERE g.case_id = sc.case_id ORDER BY g.id) AS goal_ids,
            ARRAY(SELECT m.id::text FROM comments m WHERE m.case_id = sc.case_id ORDER BY m.id) AS comment_ids
     FROM scope_changes sc
     WHERE sc.user_id = $1 AND NOT sc.gained AND sc.seq > $2::bigint AND NOT ${caseVisible('sc.case_id', '$1')}
     ORDER BY sc.seq LIMIT $3`,
    [viewer.userId, cursor, limit],
  );
  return rows.map((row) => ({
    seq: BigInt(row.seq),
    removals: [
      { entity: 'case', id: row.case_id },
      ...row.substitution_ids.map((id): Removal => ({ entity: 'substitution', id })),
      ...row.goal_ids.map((id): Removal => ({ entity: 'goal', id })),
      ...row.comment_ids.map((id): Removal => ({ entity: 'comment', id })),
    ],
  }));
}

/**
 * Records erased when their retention period ended (services/retention.ts): only
 * their ids are left, so every member of the team receives the removal (a device
 * that never held the record ignores it).
 */
async function erasedRecords(
  tx: Queryable,
  viewer: Viewer,
  cursor: string,
  limit: number,
): Promise<SequencedItem[]> {
  const rows = await tx.query<{ seq: string; entity: SyncedEntity; id: string }>(
    `SELECT seq::text AS seq, entity, record_id::text AS id FROM erasures
     WHERE team_id = $1 AND seq > $2::bigint ORDER BY seq LIMIT $3`,
    [viewer.teamId, cursor, limit],
  );
  return rows.map((row) => ({ seq: BigInt(row.seq), removals: [{ entity: row.entity, id: row.id }] }));
}

/**
 * Up to `limit` items per source. Merging them by seq and keeping the first `limit`
 * is exact: no source can contribute more than `limit` items to the merged first `limit`.
 */
export async function readChangesSince(
  tx: Queryable,
  viewer: Viewer,
  cursor: string,
  limit: number,
): Promise<SequencedItem[]> {
  // One after another: a transaction is one connection, which runs one statement at a time.
  const perSource: SequencedItem[][] = [await changedMembers(tx, viewer, cursor, limit)];
  if (!viewer.seesCaseContent) return perSource.flat();
  // Every synced table, in the order the shared enum lists them.
  for (const entity of MutableEntity.options) {
    perSource.push(await changedRecords(tx, entity, viewer, cursor, limit));
  }
  perSource.push(await lostCases(tx, viewer, cursor, limit));
  perSource.push(await erasedRecords(tx, viewer, cursor, limit));
  return perSource.flat().sort(bySeq);
}
