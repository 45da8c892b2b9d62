// A lead cuts off a lost device or a person who left:
//   POST /api/team/devices/:deviceId/revoke -> 204: no session of the team's
//     users works from that device any more, nor can they log in on it.
//   POST /api/team/users/:userId/revoke -> 204: every session of the user ends
//     and they cannot log in.
// Their next request is answered 401 'revoked', and the app wipes its local data.
// Lead of the team only (403); a device or user of another team is 404; a lead
// cannot revoke themselves (400: the team would lose its only way back in).
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { Id } from '../../../shared/fields';
import type { Database } from '../../db/database';
import { isTeamDevice, revokeDevice, revokeUser } from '../../repositories/revocations';
import { isTeamMember } from '../../repositories/users';
import type { Services } from '../../services';
import type { Actor } from '../../services/visibility';
import { authenticatedOf } from '../auth-hook';
import { DEVICE_ID, deviceIdOf } from '../device-id';
import { HttpError } from '../http-error';
import { parseInput } from '../validate';

const DeviceParams = z.object({ deviceId: z.string().regex(DEVICE_ID) }).strict();
const UserParams = z.object({ userId: Id }).strict();

function requireLead(actor: Actor): void {
  if (actor.role !== 'lead')
    throw new HttpError(403, 'forbidden', 'Nur die Teamleitung kann Zugänge sperren');
}

export function registerRevocationRoutes(app: FastifyInstance, services: Services, db: Database): void {
  app.post('/api/team/devices/:deviceId/revoke', async (request, reply) => {
    const { actor } = authenticatedOf(request);
    requireLead(actor);
    const { deviceId } = parseInput(DeviceParams, request.params);
    if (!(await isTeamDevice(db, deviceId, actor.teamId))) {
      throw new HttpError(404, 'not_found', 'Gerät nicht gefunden');
    }
    await db.transaction((tx) => revokeDevice(tx, { deviceId, teamId: actor.teamId, revokedBy: actor.id }));
    services.live.endWhere((s) => s.teamId === actor.teamId && s.deviceId === deviceId);
    await services.audit({
      userId: actor.id,
      deviceId: deviceIdOf(request),
      action: 'device_revoked',
      detail: { deviceId },
    });
    return reply.status(204).send();
  });

  app.post('/api/team/users/:userId/revoke', async (request, reply) => {
    const { actor } = authenticatedOf(request);
    requireLead(actor);
    const { userId } = parseInput(UserParams, request.params);
    if (!(await isTeamMember(db, actor.teamId, userId))) {
      throw new HttpError(404, 'not_found', 'Person nicht gefunden');
    }
    if (userId === actor.id) throw new HttpError(400, 'invalid', 'Den eigenen Zugang kann man nicht sperren');
    await db.transaction((tx) => revokeUser(tx, userId));
    services.live.endWhere((s) => s.userId === userId);
    await services.audit({
      userId: actor.id,
      deviceId: deviceIdOf(request),
      action: 'user_revoked',
      detail: { userId },
    });
    return reply.status(204).send();
  });
}
