// The pull's reads: per table, the rows a user may see with seq > cursor, in seq
// order. Who sees what is decided here in SQL, mirroring services/visibility.ts:
// a lead sees the whole team; a worker the cases assigned to them, the notes and
// appointments of those cases, their own appointments and pre-consultations.
import type { Change } from '../../shared/protocol';
import type { MutableEntity } from '../../shared/records';
import type { Queryable } from '../db/database';
import { selectList, tableOf, toRecord } from './record-tables';
import { memberColumns } from './users';

export interface Viewer {
  userId: string;
  teamId: string;
  isLead: boolean;
}

export interface SequencedChange {
  seq: bigint;
  change: Change;
}

const assignedToViewer = (caseIdColumn: string) =>
  `EXISTS (SELECT 1 FROM cases c WHERE c.id = ${caseIdColumn} AND c.assigned_to = $4)`;

/** Extra condition for workers ($3 = isLead, $4 = userId). */
const workerScope: Record<MutableEntity, string> = {
  case: 't.assigned_to = $4',
  note: assignedToViewer('t.case_id'),
  appointment: `(t.worker_id = $4 OR ${assignedToViewer('t.case_id')})`,
  preConsultation: 't.worker_id = $4',
};

async function changedRecords(
  tx: Queryable,
  entity: MutableEntity,
  viewer: Viewer,
  cursor: string,
  limit: number,
): Promise<SequencedChange[]> {
  const spec = tableOf[entity];
  const rows = await tx.query<{ seq: string } & Record<string, unknown>>(
    `SELECT ${selectList(spec, 't')}, t.seq::text AS seq FROM ${spec.table} t
     WHERE t.team_id = $1 AND t.seq > $2::bigint AND ($3 OR ${workerScope[entity]})
     ORDER BY t.seq LIMIT $5`,
    [viewer.teamId, cursor, viewer.isLead, viewer.userId, limit],
  );
  return rows.map(({ seq, ...record }) => ({
    seq: BigInt(seq),
    change: { entity, record: toRecord(record) } as Change,
  }));
}

async function changedMembers(
  tx: Queryable,
  viewer: Viewer,
  cursor: string,
  limit: number,
): Promise<SequencedChange[]> {
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
 * Up to `limit` rows per table. Merging them by seq and keeping the first `limit`
 * is exact: no table can contribute more than `limit` rows to the merged first `limit`.
 */
export async function readChangesSince(
  tx: Queryable,
  viewer: Viewer,
  cursor: string,
  limit: number,
): Promise<SequencedChange[]> {
  // One after another: a transaction is one connection, which runs one statement at a time.
  const perTable: SequencedChange[][] = [await changedMembers(tx, viewer, cursor, limit)];
  for (const entity of ['case', 'note', 'appointment', 'preConsultation'] as const) {
    perTable.push(await changedRecords(tx, entity, viewer, cursor, limit));
  }
  return perTable.flat().sort((a, b) => (a.seq < b.seq ? -1 : a.seq > b.seq ? 1 : 0));
}
