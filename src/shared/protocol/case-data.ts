// A case's data for its data subject: the audit trail and the export (Art. 15 GDPR).
import { z } from 'zod';
import { Id, Timestamp } from '../fields';

/** One entry of a case's audit trail (GET /api/cases/:caseId/audit, the case team's lead only). */
export const CaseAuditEntry = z.object({
  id: z.string(),
  at: Timestamp,
  /** Who (null: a failed login of an unknown name); the name as it is now. */
  userId: Id.nullable(),
  userName: z.string().nullable(),
  /** Which device (x-feldakte-device), when it said. */
  deviceId: z.string().nullable(),
  /** What: login, pull, push, case_audit, case_export, retention_erased, ... */
  action: z.string(),
  /** Ids and counts only, never case content. */
  detail: z.record(z.string(), z.unknown()),
});
export type CaseAuditEntry = z.infer<typeof CaseAuditEntry>;
export const CaseAuditResponse = z.object({ caseId: Id, entries: z.array(CaseAuditEntry) });
export type CaseAuditResponse = z.infer<typeof CaseAuditResponse>;

/**
 * GET /api/cases/:caseId/export (the case team's lead only): everything stored
 * about one case for the data subject (Art. 15 GDPR), sent as a JSON file
 * download. Records are as stored, deleted ones included (`deletedAt`).
 */
export const CaseExport = z.object({
  format: z.literal('feldakte-case-export'),
  version: z.literal(1),
  exportedAt: Timestamp,
  exportedBy: Id,
  /** When the case will be erased (closed cases only; null while open). */
  deletionDate: Timestamp.nullable(),
  case: z.record(z.string(), z.unknown()),
  notes: z.array(z.record(z.string(), z.unknown())),
  appointments: z.array(z.record(z.string(), z.unknown())),
  goals: z.array(z.record(z.string(), z.unknown())),
  comments: z.array(z.record(z.string(), z.unknown())),
  substitutions: z.array(z.record(z.string(), z.unknown())),
  preConsultations: z.array(z.record(z.string(), z.unknown())),
  audit: z.array(CaseAuditEntry),
});
export type CaseExport = z.infer<typeof CaseExport>;
