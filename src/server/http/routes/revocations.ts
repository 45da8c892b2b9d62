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
import type { Services } from '../../services';
import { authenticatedLeadOf } from '../auth-hook';
import { DEVICE_ID, deviceIdOf } from '../device-id';
import { parseInput } from '../validate';

const DeviceParams = z.object({ deviceId: z.string().regex(DEVICE_ID) }).strict();
const UserParams = z.object({ userId: Id }).strict();

export function registerRevocationRoutes(app: FastifyInstance, services: Services): void {
  app.post('/api/team/devices/:deviceId/revoke', async (request, reply) => {
    const lead = authenticatedLeadOf(request, 'onlyLeadRevokes');
    const { deviceId } = parseInput(DeviceParams, request.params);
    await services.revocations.revokeDevice(lead, deviceIdOf(request), deviceId);
    return reply.status(204).send();
  });

  app.post('/api/team/users/:userId/revoke', async (request, reply) => {
    const lead = authenticatedLeadOf(request, 'onlyLeadRevokes');
    const { userId } = parseInput(UserParams, request.params);
    await services.revocations.revokeUser(lead, deviceIdOf(request), userId);
    return reply.status(204).send();
  });
}
