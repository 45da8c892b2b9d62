// Moves of a person to another team or role (migration 0011), numbered from the
// sync counter like every write the pull must notice (sync-sequence.ts).
import type { Role } from '../../shared/records';
import type { Queryable } from '../db/database';
import { nextSeq } from './sync-sequence';

export interface PersonMove {
  seq: string;
  fromTeamId: string;
  fromRole: Role;
  toTeamId: string;
  toRole: Role;
  movedAt: Date;
}

const moveColumns = `seq::text AS seq, from_team_id AS "fromTeamId", from_role AS "fromRole",
  to_team_id AS "toTeamId", to_role AS "toRole", moved_at AS "movedAt"`;

export async function recordPersonMove(
  tx: Queryable,
  move: { userId: string; fromTeamId: string; fromRole: Role; toTeamId: string; toRole: Role },
): Promise<void> {
  const seq = await nextSeq(tx);
  await tx.query(
    `INSERT INTO person_moves (seq, user_id, from_team_id, from_role, to_team_id, to_role)
     VALUES ($1, $2, $3, $4, $5, $6)`,
    [seq, move.userId, move.fromTeamId, move.fromRole, move.toTeamId, move.toRole],
  );
}

/** The person's first move after the pull cursor: the device still holds what they saw before it. */
export async function firstMoveAfterCursor(
  db: Queryable,
  userId: string,
  cursor: string,
): Promise<PersonMove | null> {
  const rows = await db.query<PersonMove & Record<string, unknown>>(
    `SELECT ${moveColumns} FROM person_moves WHERE user_id = $1 AND seq > $2::bigint ORDER BY seq LIMIT 1`,
    [userId, cursor],
  );
  return rows[0] ?? null;
}

/** The seq of the person's latest move; null when they never moved. */
export async function lastMoveSeqOf(db: Queryable, userId: string): Promise<string | null> {
  const rows = await db.query<{ seq: string | null }>(
    'SELECT max(seq)::text AS seq FROM person_moves WHERE user_id = $1',
    [userId],
  );
  return rows[0]?.seq ?? null;
}

/** The person's moves, oldest first (loaded once per push batch; almost always none). */
export async function movesOf(db: Queryable, userId: string): Promise<PersonMove[]> {
  return db.query<PersonMove & Record<string, unknown>>(
    `SELECT ${moveColumns} FROM person_moves WHERE user_id = $1 ORDER BY seq`,
    [userId],
  );
}

interface HeldRecords {
  caseIds: string[];
  substitutionIds: string[];
  goalIds: string[];
  commentIds: string[];
  preConsultationIds: string[];
  partnerIds: string[];
  memberIds: string[];
}

/**
 * What a device of the person may hold from `fromTeamId` that the person cannot
 * see now (`sameTeam`: still in that team, with another role; `isLead`: leading
 * it now). The notes and appointments of a removed case go with it.
 */
export async function recordsNoLongerVisible(
  db: Queryable,
  viewer: { userId: string; fromTeamId: string; sameTeam: boolean; isLead: boolean },
): Promise<HeldRecords> {
  const { fromTeamId, sameTeam, isLead, userId } = viewer;
  const ids = async (sql: string, params: unknown[]) =>
    (await db.query<{ id: string }>(`SELECT id::text AS id FROM (${sql}) x ORDER BY id`, params)).map(
      (row) => row.id,
    );
  // $1 team, $2 same team, $3 lead now, $4 the person.
  const lostCases = `SELECT c.id FROM cases c WHERE c.team_id = $1 AND c.deleted_at IS NULL
    AND NOT ($2 AND ($3 OR c.assigned_to = $4 OR EXISTS (
      SELECT 1 FROM substitutions s WHERE s.case_id = c.id AND s.substitute_id = $4
        AND s.grants_access AND s.deleted_at IS NULL)))`;
  const caseParams = [fromTeamId, sameTeam, isLead, userId];
  const ofLostCases = (table: string) =>
    ids(`SELECT t.id FROM ${table} t WHERE t.deleted_at IS NULL AND t.case_id IN (${lostCases})`, caseParams);
  const otherTeamOnly = sameTeam ? async () => [] : (sql: string, params: unknown[]) => ids(sql, params);
  return {
    caseIds: await ids(lostCases, caseParams),
    substitutionIds: await ofLostCases('substitutions'),
    goalIds: await ofLostCases('goals'),
    commentIds: await ofLostCases('comments'),
    preConsultationIds: await ids(
      `SELECT p.id FROM pre_consultations p WHERE p.team_id = $1 AND p.deleted_at IS NULL
       AND NOT ($2 AND ($3 OR p.worker_id = $4))`,
      caseParams,
    ),
    partnerIds: await otherTeamOnly(
      'SELECT p.id FROM partners p WHERE p.team_id = $1 AND p.deleted_at IS NULL',
      [fromTeamId],
    ),
    memberIds: await otherTeamOnly('SELECT u.id FROM users u WHERE u.team_id = $1 AND u.id <> $2', [
      fromTeamId,
      userId,
    ]),
  };
}
