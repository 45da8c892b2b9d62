// POST /api/devices/status {pendingCount, oldestPendingAt} -> 204: a device reports
// its outbox (device id from the x-feldakte-device header, required).
// GET /api/team/devices -> TeamDevicesResponse: the team's devices, leads only.
// PUT /api/devices/:deviceId/name {name} -> PersonDevice: a person names one of
// their own devices ('' takes the name away); anyone else's is 404.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import {
  DeviceNameRequest,
  DeviceStatusReport,
  type PersonDevice,
  type TeamDevicesResponse,
} from '../../../shared/protocol';
import type { Services } from '../../services';
import { authenticatedLeadOf, authenticatedOf } from '../auth-hook';
import { DEVICE_ID, deviceIdOf, requiredDeviceIdOf } from '../device-id';
import { assertStorable, parseInput } from '../validate';

const DeviceParams = z.object({ deviceId: z.string().regex(DEVICE_ID) }).strict();

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

  app.put('/api/devices/:deviceId/name', { bodyLimit: 4 * 1024 }, async (request): Promise<PersonDevice> => {
    const { actor } = authenticatedOf(request);
    const { deviceId } = parseInput(DeviceParams, request.params);
    const { name } = parseInput(DeviceNameRequest, request.body);
    assertStorable({ name });
    return services.people.nameDevice(actor, deviceIdOf(request), deviceId, name);
  });
}
