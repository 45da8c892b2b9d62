// Which case a record belongs to, for the per-case audit trail of pushes and pulls.
import type { SyncedEntity } from '../../shared/records';

/** The case a record belongs to (a pre-consultation: the case it became, if any); null for none. */
export function caseIdOf(entity: SyncedEntity, record: object): string | null {
  const fields = record as { id?: unknown; caseId?: unknown; convertedCaseId?: unknown };
  const id =
    entity === 'case' ? fields.id : entity === 'preConsultation' ? fields.convertedCaseId : fields.caseId;
  return typeof id === 'string' ? id : null;
}
