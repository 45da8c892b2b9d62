// The append-only audit trail of reads, writes and logins (what a push changed in
// detail is in applied_mutations too). The table refuses UPDATE, DELETE and
// TRUNCATE (migration 0005), so an entry, once written, stays as it was.
import type { Queryable } from '../db/database';

export type AuditAction =
  | 'login'
  | 'login_failed'
  /** A login refused by the rate limit before the password was checked. */
  | 'login_rate_limited'
  | 'logout'
  | 'pull'
  | 'push'
  /** An event stream opened: it names notes with a § 8a concern as they are written. */
  | 'events'
  /** A lead looked at the team's devices. */
  | 'team_devices'
  /** A lead read a case's audit trail. */
  | 'case_audit'
  /** A lead exported everything stored about a case (Art. 15 GDPR). */
  | 'case_export'
  /** A record's retention period ended and it was erased (only ids are kept). */
  | 'retention_erased'
  /** An access token was renewed with a refresh token. */
  | 'refresh'
  /** A used refresh token came back (copied?): its token family was revoked. */
  | 'refresh_reused'
  /** A login or refresh of a revoked user or from a revoked device was refused. */
  | 'revoked_refused'
  /** A lead revoked a device or a user. */
  | 'device_revoked'
  | 'user_revoked'
  /** A lead changed the team's settings (detail: the old and new values). */
  | 'team_settings_changed'
  /** The server started without anybody who could sign in and printed a set-up code. */
  | 'setup_code_issued'
  /** The organisation, its first team and its administrator were set up. */
  | 'setup_completed'
  /** A set-up was refused (detail.reason: wrong or expired code, already set up). */
  | 'setup_failed'
  /** A person changed their own password (their other token families ended). */
  | 'password_changed'
  /** A password change named a wrong current password. */
  | 'password_change_failed'
  /** A person redeemed an invitation or reset code and chose a password (detail: purpose). */
  | 'code_redeemed'
  /** A code was refused: unknown username or code, used, expired (the answer does not say which). */
  | 'code_redeem_failed'
  /** Someone looked at the people of the organisation or of their team ("Team & Zugänge"). */
  | 'people_listed'
  /** People and teams changed by an administrator, a lead or the admin command line. */
  | 'person_created'
  | 'person_changed'
  | 'password_reset'
  | 'person_blocked'
  | 'person_unblocked'
  | 'organisation_created'
  | 'team_created'
  | 'team_renamed'
  /** A person named their own device. */
  | 'device_named';

export interface AuditEntry {
  userId: string | null;
  deviceId: string | null;
  action: AuditAction;
  detail: Record<string, unknown>;
  /** The cases whose data the action read or wrote. */
  caseIds?: readonly string[];
}

export async function appendAudit(db: Queryable, entry: AuditEntry): Promise<void> {
  await db.query(
    `INSERT INTO audit_log (user_id, device_id, action, detail, case_ids)
     VALUES ($1, $2, $3, $4::jsonb, $5::uuid[])`,
    [
      entry.userId,
      entry.deviceId,
      entry.action,
      JSON.stringify(entry.detail),
      [...new Set(entry.caseIds ?? [])],
    ],
  );
}

export interface StoredAuditEntry {
  id: string;
  at: string;
  userId: string | null;
  userName: string | null;
  deviceId: string | null;
  action: string;
  detail: Record<string, unknown>;
}

/** Every entry that touched the case, oldest first. */
export async function readCaseAudit(db: Queryable, caseId: string): Promise<StoredAuditEntry[]> {
  const rows = await db.query<Omit<StoredAuditEntry, 'at'> & { at: Date }>(
    `SELECT a.id::text AS id, a.at, a.user_id AS "userId", u.display_name AS "userName",
            a.device_id AS "deviceId", a.action, a.detail
     FROM audit_log a LEFT JOIN users u ON u.id = a.user_id
     WHERE a.case_ids @> ARRAY[$1::uuid]
     ORDER BY a.id`,
    [caseId],
  );
  return rows.map((row) => ({ ...row, at: row.at.toISOString() }));
}
