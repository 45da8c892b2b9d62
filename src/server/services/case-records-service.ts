// What a team lead may learn about one case as a whole, for data protection: its
// audit trail, and everything stored about it as an export for the data subject
// (Art. 15 GDPR). Only the lead of the case's team; a worker of that team is
// refused 'forbidden', anyone else 'not_found' (another team must not learn that
// the case exists). Both reads are audited, and each lists itself: the entry is
// written before the trail is read.
import { CaseAuditEntry, type CaseAuditResponse, type CaseExport } from '../../shared/protocol';
import type { Database } from '../db/database';
import { appendAudit, readCaseAudit } from '../repositories/audit-log';
import { findCaseTeam, readCaseFile } from '../repositories/case-file';
import type { Clock } from './clock';
import { reject } from './refusal';
import type { Retention } from './retention';
import { type Actor, requireCaseContentAccess, requireLeadOf, type TeamLead } from './visibility';

export interface CaseRecordsOptions {
  clock: Clock;
  retention: Pick<Retention, 'caseDeletionDate'>;
}

export function createCaseRecordsService(db: Database, { clock, retention }: CaseRecordsOptions) {
  async function leadOfCase(actor: Actor, caseId: string): Promise<TeamLead> {
    requireCaseContentAccess(actor);
    const teamId = await findCaseTeam(db, caseId);
    if (teamId === null || teamId !== actor.teamId) throw reject.notFound('caseNotFound');
    return requireLeadOf(actor, teamId, 'onlyLeadSeesCaseRecords');
  }

  async function auditTrail(caseId: string): Promise<CaseAuditEntry[]> {
    return (await readCaseAudit(db, caseId)).map((entry) => CaseAuditEntry.parse(entry));
  }

  return {
    /** Every audit entry that touched the case (who, what, when, which device). */
    async audit(actor: Actor, deviceId: string | null, caseId: string): Promise<CaseAuditResponse> {
      const lead = await leadOfCase(actor, caseId);
      await appendAudit(db, {
        userId: lead.id,
        deviceId,
        action: 'case_audit',
        detail: {},
        caseIds: [caseId],
      });
      return { caseId, entries: await auditTrail(caseId) };
    },

    /** Everything stored about the case, tombstones and its audit trail included. */
    async export(actor: Actor, deviceId: string | null, caseId: string): Promise<CaseExport> {
      const lead = await leadOfCase(actor, caseId);
      const file = await readCaseFile(db, caseId);
      if (!file) throw reject.notFound('caseNotFound');
      const counts = {
        notes: file.notes.length,
        appointments: file.appointments.length,
        goals: file.goals.length,
        comments: file.comments.length,
        substitutions: file.substitutions.length,
        preConsultations: file.preConsultations.length,
      };
      await appendAudit(db, {
        userId: lead.id,
        deviceId,
        action: 'case_export',
        detail: { counts },
        caseIds: [caseId],
      });
      return {
        format: 'feldakte-case-export',
        version: 1,
        exportedAt: clock().toISOString(),
        exportedBy: lead.id,
        deletionDate: retention.caseDeletionDate(file.case),
        ...file,
        audit: await auditTrail(caseId),
      };
    },
  };
}

export type CaseRecordsService = ReturnType<typeof createCaseRecordsService>;
