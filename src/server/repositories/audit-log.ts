// The append-only audit trail of reads and logins (writes are in applied_mutations too).
import type { Queryable } from '../db/database';

export type AuditAction =
  | 'login'
  | 'login_failed'
  | 'logout'
  | 'pull'
  | 'push'
  /** An event stream opened: it names notes with a § 8a concern as they are written. */
  | 'events'
  /** A lead looked at the team's devices. */
  | 'team_devices';

export interface AuditEntry {
  userId: string | null;
  deviceId: string | null;
  action: AuditAction;
  detail: Record<string, unknown>;
}

export async function appendAudit(db: Queryable, entry: AuditEntry): Promise<void> {
  await db.query(
    'INSERT INTO audit_log (user_id, device_id, action, detail) VALUES ($1, $2, $3, $4::jsonb)',
    [entry.userId, entry.deviceId, entry.action, JSON.stringify(entry.detail)],
  );
}
