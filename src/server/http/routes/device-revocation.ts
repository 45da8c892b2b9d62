// GET /api/devices/revocation -> DeviceRevocation, without a login: a locked app
// has no usable token (they are sealed with the data key), yet a lost phone must
// wipe itself as soon as it is online, before anyone tries its password. The
// answer names only team ids, for the device the header names; device ids are
// random and known to the device and its team's lead.
import type { FastifyInstance } from 'fastify';
import type { DeviceRevocation } from '../../../shared/protocol';
import type { Services } from '../../services';
import { requiredDeviceIdOf } from '../device-id';

export function registerDeviceRevocationRoute(app: FastifyInstance, services: Services): void {
  app.get('/api/devices/revocation', async (request): Promise<DeviceRevocation> => {
    const deviceId = requiredDeviceIdOf(request);
    return { revokedTeamIds: await services.revocations.teamsRevoking(deviceId) };
  });
}
