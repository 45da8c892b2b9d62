// GET /api/team/settings -> TeamSettings: the lead reads their own team's settings.
// PUT /api/team/settings {lockAfterMinutes, districts, emergencyContact} ->
// TeamSettings as stored: the lead changes them (403 for anyone else, before the
// body is read; 400 for a value out of range, a district named twice or an
// unknown field, nothing changed). How members learn the new value:
// services/team-settings-service.ts.
import type { FastifyInstance } from 'fastify';
import { type TeamSettings, TeamSettingsChange } from '../../../shared/protocol';
import type { Services } from '../../services';
import { authenticatedLeadOf } from '../auth-hook';
import { deviceIdOf } from '../device-id';
import { parseInput } from '../validate';

export function registerTeamSettingsRoute(app: FastifyInstance, services: Services): void {
  app.get('/api/team/settings', async (request): Promise<TeamSettings> => {
    const lead = authenticatedLeadOf(request, 'onlyLeadSeesTeamSettings');
    return services.teamSettings.read(lead);
  });

  app.put('/api/team/settings', { bodyLimit: 4 * 1024 }, async (request): Promise<TeamSettings> => {
    const lead = authenticatedLeadOf(request, 'onlyLeadChangesTeamSettings');
    const settings = parseInput(TeamSettingsChange, request.body);
    return services.teamSettings.change(lead, deviceIdOf(request), settings);
  });
}
