// PUT /api/team/settings {lockAfterMinutes} -> TeamSettings as stored: the lead
// changes their own team's settings (403 for workers, before the body is read;
// 400 for a value out of range or an unknown field, nothing changed). How members
// learn the new value: services/team-settings-service.ts.
import type { FastifyInstance } from 'fastify';
import { TeamSettings } from '../../../shared/protocol';
import type { Services } from '../../services';
import { authenticatedLeadOf } from '../auth-hook';
import { deviceIdOf } from '../device-id';
import { parseInput } from '../validate';

export function registerTeamSettingsRoute(app: FastifyInstance, services: Services): void {
  app.put('/api/team/settings', { bodyLimit: 4 * 1024 }, async (request): Promise<TeamSettings> => {
    const lead = authenticatedLeadOf(request, 'onlyLeadChangesTeamSettings');
    const settings = parseInput(TeamSettings.strict(), request.body);
    return services.teamSettings.change(lead, deviceIdOf(request), settings);
  });
}
