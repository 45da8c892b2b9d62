// Device status: when the server last heard from each device of a user, and what
// the device last reported about its outbox. Not synced; leads read it per team.
import type { DeviceStatus, DeviceStatusReport } from '../../shared/protocol';
import type { Queryable } from '../db/database';

/** The device was heard from; `userAgent` (the browser's, '' when it sent none) is kept when given. */
export async function touchDevice(
  db: Queryable,
  userId: string,
  deviceId: string,
  userAgent = '',
): Promise<void> {
  await db.query(
    `INSERT INTO devices (device_id, user_id, last_seen_at, user_agent) VALUES ($1, $2, now(), $3)
     ON CONFLICT (device_id, user_id) DO UPDATE SET last_seen_at = now(),
       user_agent = CASE WHEN excluded.user_agent = '' THEN devices.user_agent ELSE excluded.user_agent END`,
    [deviceId, userId, userAgent],
  );
}

export interface DeviceRow {
  deviceId: string;
  userId: string;
  name: string | null;
  userAgent: string;
  firstSeenAt: Date;
  lastSeenAt: Date;
  reportedAt: Date | null;
  /** When a lead of the person's team revoked the device; null when not. */
  revokedAt: Date | null;
}

const deviceColumns = `d.device_id AS "deviceId", d.user_id AS "userId", d.name, d.user_agent AS "userAgent",
  d.first_seen_at AS "firstSeenAt", d.last_seen_at AS "lastSeenAt", d.reported_at AS "reportedAt",
  (SELECT r.revoked_at FROM revoked_devices r JOIN users u ON u.team_id = r.team_id
   WHERE u.id = d.user_id AND r.device_id = d.device_id) AS "revokedAt"`;

/** Every device of these people, most recently seen first. */
export async function findDevicesOf(db: Queryable, userIds: readonly string[]): Promise<DeviceRow[]> {
  if (userIds.length === 0) return [];
  return db.query<DeviceRow & Record<string, unknown>>(
    `SELECT ${deviceColumns} FROM devices d WHERE d.user_id = ANY($1::uuid[])
     ORDER BY d.last_seen_at DESC, d.device_id`,
    [userIds],
  );
}

/** Names the person's own device; null when they have no such device. */
export async function renameDevice(
  tx: Queryable,
  userId: string,
  deviceId: string,
  name: string | null,
): Promise<DeviceRow | null> {
  const updated = await tx.query(
    'UPDATE devices SET name = $3 WHERE device_id = $1 AND user_id = $2 RETURNING 1',
    [deviceId, userId, name],
  );
  if (updated.length === 0) return null;
  const rows = await tx.query<DeviceRow & Record<string, unknown>>(
    `SELECT ${deviceColumns} FROM devices d WHERE d.device_id = $1 AND d.user_id = $2`,
    [deviceId, userId],
  );
  return rows[0] ?? null;
}

/** Whether the person used this device before `at` (it may hold edits from before then). */
export async function deviceSeenBefore(
  db: Queryable,
  userId: string,
  deviceId: string,
  at: Date,
): Promise<boolean> {
  const rows = await db.query(
    'SELECT 1 FROM devices WHERE device_id = $1 AND user_id = $2 AND first_seen_at < $3',
    [deviceId, userId, at.toISOString()],
  );
  return rows.length > 0;
}

export async function saveDeviceReport(
  db: Queryable,
  userId: string,
  deviceId: string,
  report: DeviceStatusReport,
): Promise<void> {
  await db.query(
    `INSERT INTO devices (device_id, user_id, last_seen_at, reported_at, pending_count, oldest_pending_at)
     VALUES ($1, $2, now(), now(), $3, $4)
     ON CONFLICT (device_id, user_id) DO UPDATE SET
       last_seen_at = now(), reported_at = now(),
       pending_count = excluded.pending_count, oldest_pending_at = excluded.oldest_pending_at`,
    [deviceId, userId, report.pendingCount, report.oldestPendingAt],
  );
}

/** Every device of the team's members that has reported, most overdue first. */
export async function findTeamDevices(db: Queryable, teamId: string): Promise<DeviceStatus[]> {
  const rows = await db.query<{
    deviceId: string;
    userId: string;
    lastSeenAt: Date;
    reportedAt: Date;
    pendingCount: number;
    oldestPendingAt: Date | null;
  }>(
    `SELECT d.device_id AS "deviceId", d.user_id AS "userId", d.last_seen_at AS "lastSeenAt",
            d.reported_at AS "reportedAt", d.pending_count AS "pendingCount",
            d.oldest_pending_at AS "oldestPendingAt"
     FROM devices d JOIN users u ON u.id = d.user_id
     WHERE u.team_id = $1 AND d.reported_at IS NOT NULL
     ORDER BY d.oldest_pending_at NULLS LAST, d.user_id, d.device_id`,
    [teamId],
  );
  return rows.map((row) => ({
    ...row,
    lastSeenAt: row.lastSeenAt.toISOString(),
    reportedAt: row.reportedAt.toISOString(),
    oldestPendingAt: row.oldestPendingAt?.toISOString() ?? null,
  }));
}

/**
 * Whether the user signed in on the device before: it was heard from as theirs,
 * or holds (or held, until it expired) a token of theirs. The device id is the
 * device's own header, so this tells a familiar device, not a proven one.
 */
export async function isKnownDeviceOf(db: Queryable, userId: string, deviceId: string): Promise<boolean> {
  const rows = await db.query<{ known: boolean }>(
    `SELECT EXISTS (SELECT 1 FROM devices WHERE device_id = $1 AND user_id = $2)
         OR EXISTS (SELECT 1 FROM refresh_tokens WHERE device_id = $1 AND user_id = $2)
         OR EXISTS (SELECT 1 FROM sessions WHERE device_id = $1 AND user_id = $2) AS known`,
    [deviceId, userId],
  );
  return rows[0]?.known === true;
}
