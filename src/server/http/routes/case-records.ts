// What a team lead may learn about one case as a whole, for data protection:
//   GET /api/cases/:caseId/audit  -> CaseAuditResponse: every audit entry that
//     touched the case (who, what, when, which device).
//   GET /api/cases/:caseId/export -> CaseExport as a JSON file download:
//     everything stored about the case, for the data subject (Art. 15 GDPR).
// Only the lead of the case's team; a worker of that team gets 403, anyone else
// 404 (another team must not learn that the case exists). Both are audited, and
// each lists itself: the entry is written before the trail is read.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { Id } from '../../../shared/fields';
import { CaseAuditEntry, type CaseAuditResponse, type CaseExport } from '../../../shared/protocol';
import type { Database } from '../../db/database';
import { readCaseAudit } from '../../repositories/audit-log';
import { findCaseTeam, readCaseFile } from '../../repositories/case-file';
import type { Services } from '../../services';
import type { Actor } from '../../services/visibility';
import { authenticatedOf } from '../auth-hook';
import { deviceIdOf } from '../device-id';
import { HttpError } from '../http-error';
import { parseInput } from '../validate';

const CaseParams = z.object({ caseId: Id }).strict();

async function leadOfCase(db: Database, actor: Actor, request: FastifyRequest): Promise<string> {
  const { caseId } = parseInput(CaseParams, request.params);
  const teamId = await findCaseTeam(db, caseId);
  if (teamId === null || teamId !== actor.teamId)
    throw new HttpError(404, 'not_found', 'Fall nicht gefunden');
  if (actor.role !== 'lead') {
    throw new HttpError(
      403,
      'forbidden',
      'Nur die Teamleitung sieht das Protokoll und den Export eines Falls',
    );
  }
  return caseId;
}

export function registerCaseRecordRoutes(app: FastifyInstance, services: Services, db: Database): void {
  app.get('/api/cases/:caseId/audit', async (request): Promise<CaseAuditResponse> => {
    const { actor } = authenticatedOf(request);
    const caseId = await leadOfCase(db, actor, request);
    await services.audit({
      userId: actor.id,
      deviceId: deviceIdOf(request),
      action: 'case_audit',
      detail: {},
      caseIds: [caseId],
    });
    const entries = (await readCaseAudit(db, caseId)).map((entry) => CaseAuditEntry.parse(entry));
    return { caseId, entries };
  });

  app.get('/api/cases/:caseId/export', async (request, reply) => {
    const { actor } = authenticatedOf(request);
    const caseId = await leadOfCase(db, actor, request);
    const file = await readCaseFile(db, caseId);
    if (!file) throw new HttpError(404, 'not_found', 'Fall nicht gefunden');
    const counts = {
      notes: file.notes.length,
      appointments: file.appointments.length,
      goals: file.goals.length,
      comments: file.comments.length,
      substitutions: file.substitutions.length,
      preConsultations: file.preConsultations.length,
    };
    await services.audit({
      userId: actor.id,
      deviceId: deviceIdOf(request),
      action: 'case_export',
      detail: { counts },
      caseIds: [caseId],
    });
    const exported: CaseExport = {
      format: 'feldakte-case-export',
      version: 1,
      exportedAt: services.clock().toISOString(),
      exportedBy: actor.id,
      deletionDate: services.retention.caseDeletionDate(file.case.closedAt),
      ...file,
      audit: (await readCaseAudit(db, caseId)).map((entry) => CaseAuditEntry.parse(entry)),
    };
    const name = `feldakte-fall-${caseId}.json`;
    return reply
      .header('content-type', 'application/json; charset=utf-8')
      .header('content-disposition', `attachment; filename="${name}"`)
      .send(JSON.stringify(exported, null, 2));
  });
}
