// Revoked devices and users, and the token families they end (migration 0006).
import type { Queryable } from '../db/database';

export async function isDeviceRevoked(db: Queryable, deviceId: string, teamId: string): Promise<boolean> {
  const rows = await db.query('SELECT 1 FROM revoked_devices WHERE device_id = $1 AND team_id = $2', [
    deviceId,
    teamId,
  ]);
  return rows.length > 0;
}

export async function isUserRevoked(db: Queryable, userId: string): Promise<boolean> {
  const rows = await db.query('SELECT 1 FROM users WHERE id = $1 AND revoked_at IS NOT NULL', [userId]);
  return rows.length > 0;
}

/** Marks every session and refresh token of the team's users on the device revoked. */
export async function revokeDevice(
  tx: Queryable,
  revoke: { deviceId: string; teamId: string; revokedBy: string },
): Promise<void> {
  await tx.query(
    `INSERT INTO revoked_devices (device_id, team_id, revoked_by) VALUES ($1, $2, $3)
     ON CONFLICT (device_id, team_id) DO NOTHING`,
    [revoke.deviceId, revoke.teamId, revoke.revokedBy],
  );
  const teamUsers = 'user_id IN (SELECT id FROM users WHERE team_id = $2)';
  await tx.query(
    `UPDATE sessions SET revoked_at = now() WHERE device_id = $1 AND ${teamUsers} AND revoked_at IS NULL`,
    [revoke.deviceId, revoke.teamId],
  );
  await tx.query(
    `UPDATE refresh_tokens SET revoked_at = now() WHERE device_id = $1 AND ${teamUsers} AND revoked_at IS NULL`,
    [revoke.deviceId, revoke.teamId],
  );
}

/** Marks the user and every session and refresh token of theirs revoked. */
export async function revokeUser(tx: Queryable, userId: string): Promise<void> {
  await tx.query('UPDATE users SET revoked_at = now() WHERE id = $1 AND revoked_at IS NULL', [userId]);
  await tx.query('UPDATE sessions SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL', [
    userId,
  ]);
  await tx.query('UPDATE refresh_tokens SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL', [
    userId,
  ]);
}

/** Ends a token family: its access tokens and refresh tokens (a replayed refresh token). */
export async function revokeFamily(tx: Queryable, familyId: string): Promise<void> {
  await tx.query('UPDATE sessions SET revoked_at = now() WHERE family_id = $1 AND revoked_at IS NULL', [
    familyId,
  ]);
  await tx.query('UPDATE refresh_tokens SET revoked_at = now() WHERE family_id = $1 AND revoked_at IS NULL', [
    familyId,
  ]);
}

/** Whether any device row of the team's users names the device. */
export async function isTeamDevice(db: Queryable, deviceId: string, teamId: string): Promise<boolean> {
  const rows = await db.query(
    `SELECT 1 FROM devices d JOIN users u ON u.id = d.user_id WHERE d.device_id = $1 AND u.team_id = $2
     UNION ALL SELECT 1 FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.device_id = $1 AND u.team_id = $2
     LIMIT 1`,
    [deviceId, teamId],
  );
  return rows.length > 0;
}

/** The teams for which a lead revoked this device (usually none, at most a few). */
export async function teamsRevokingDevice(db: Queryable, deviceId: string): Promise<string[]> {
  const rows = await db.query<{ teamId: string }>(
    'SELECT team_id AS "teamId" FROM revoked_devices WHERE device_id = $1 ORDER BY team_id',
    [deviceId],
  );
  return rows.map((row) => row.teamId);
}
