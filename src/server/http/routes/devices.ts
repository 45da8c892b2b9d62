// POST /api/devices/status {pendingCount, oldestPendingAt} -> 204: a device reports
// its outbox (device id from the x-feldakte-device header, required).
// GET /api/team/devices -> TeamDevicesResponse: the team's devices, leads only.
import type { FastifyInstance } from 'fastify';
import { DeviceStatusReport, type TeamDevicesResponse } from '../../../shared/protocol';
import type { Services } from '../../services';
import { authenticatedLeadOf, authenticatedOf } from '../auth-hook';
import { deviceIdOf, requiredDeviceIdOf } from '../device-id';
import { parseInput } from '../validate';

export function registerDeviceRoutes(app: FastifyInstance, services: Services): void {
  app.post('/api/devices/status', async (request, reply) => {
    const { actor } = authenticatedOf(request);
    const deviceId = requiredDeviceIdOf(request);
    const report = parseInput(DeviceStatusReport, request.body);
    await services.devices.report(actor.id, deviceId, report);
    return reply.status(204).send();
  });

  app.get('/api/team/devices', async (request): Promise<TeamDevicesResponse> => {
    const lead = authenticatedLeadOf(request, 'onlyLeadSeesDevices');
    return { devices: await services.devices.teamDevices(lead, deviceIdOf(request)) };
  });
}
