// Login sessions. Only the SHA-256 of a token is stored: a leaked table opens no session.
import type { SessionUser } from '../../shared/protocol';
import type { Queryable } from '../db/database';
import { sessionUserColumns } from './users';

export async function insertSession(
  db: Queryable,
  session: { tokenHash: string; userId: string; expiresAt: Date },
): Promise<void> {
  await db.query('INSERT INTO sessions (token_hash, user_id, expires_at) VALUES ($1, $2, $3)', [
    session.tokenHash,
    session.userId,
    session.expiresAt.toISOString(),
  ]);
}

export interface ValidSession {
  user: SessionUser;
  expiresAt: string;
}

export async function findValidSession(db: Queryable, tokenHash: string): Promise<ValidSession | null> {
  const rows = await db.query<SessionUser & { expiresAt: Date }>(
    `SELECT ${sessionUserColumns}, s.expires_at AS "expiresAt"
     FROM sessions s JOIN users u ON u.id = s.user_id JOIN teams t ON t.id = u.team_id
     WHERE s.token_hash = $1 AND s.expires_at > now()`,
    [tokenHash],
  );
  const row = rows[0];
  if (!row) return null;
  const { expiresAt, ...user } = row;
  return { user, expiresAt: expiresAt.toISOString() };
}

export async function deleteSession(db: Queryable, tokenHash: string): Promise<void> {
  await db.query('DELETE FROM sessions WHERE token_hash = $1', [tokenHash]);
}

export async function deleteExpiredSessions(db: Queryable): Promise<void> {
  await db.query('DELETE FROM sessions WHERE expires_at <= now()');
}
