// What a team lead may learn about one case as a whole, for data protection:
//   GET /api/cases/:caseId/audit  -> CaseAuditResponse: every audit entry that
//     touched the case (who, what, when, which device).
//   GET /api/cases/:caseId/export -> CaseExport as a JSON file download:
//     everything stored about the case, for the data subject (Art. 15 GDPR).
// Only the lead of the case's team; a worker of that team gets 403, anyone else
// 404 (services/case-records-service.ts).
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { Id } from '../../../shared/fields';
import type { CaseAuditResponse } from '../../../shared/protocol';
import type { Services } from '../../services';
import { authenticatedOf } from '../auth-hook';
import { deviceIdOf } from '../device-id';
import { parseInput } from '../validate';

const CaseParams = z.object({ caseId: Id }).strict();

export function registerCaseRecordRoutes(app: FastifyInstance, services: Services): void {
  app.get('/api/cases/:caseId/audit', async (request): Promise<CaseAuditResponse> => {
    const { actor } = authenticatedOf(request);
    const { caseId } = parseInput(CaseParams, request.params);
    return services.caseRecords.audit(actor, deviceIdOf(request), caseId);
  });

  app.get('/api/cases/:caseId/export', async (request, reply) => {
    const { actor } = authenticatedOf(request);
    const { caseId } = parseInput(CaseParams, request.params);
    const exported = await services.caseRecords.export(actor, deviceIdOf(request), caseId);
    const name = `feldakte-fall-${caseId}.json`;
    return reply
      .header('content-type', 'application/json; charset=utf-8')
      .header('content-disposition', `attachment; filename="${name}"`)
      .send(JSON.stringify(exported, null, 2));
  });
}
