// PUT /api/team/settings {lockAfterMinutes} -> TeamSettings as stored: the lead
// changes their own team's settings (403 for workers; 400 for a value out of
// range or an unknown field, nothing changed). Members' devices learn the new
// value with their session (SessionUser.lockAfterMinutes) at the next login,
// refresh or GET /api/auth/me. The change and its audit entry (old and new
// value) are written in one transaction, so neither exists without the other.
import type { FastifyInstance } from 'fastify';
import { TeamSettings } from '../../../shared/protocol';
import type { Database } from '../../db/database';
import { appendAudit } from '../../repositories/audit-log';
import { lockTeamSettings, updateTeamSettings } from '../../repositories/team-settings';
import { authenticatedOf } from '../auth-hook';
import { deviceIdOf } from '../device-id';
import { HttpError } from '../http-error';
import { parseInput } from '../validate';

export function registerTeamSettingsRoute(app: FastifyInstance, db: Database): void {
  app.put('/api/team/settings', { bodyLimit: 4 * 1024 }, async (request): Promise<TeamSettings> => {
    const { actor } = authenticatedOf(request);
    if (actor.role !== 'lead') {
      throw new HttpError(403, 'forbidden', 'Nur die Teamleitung kann die Einstellungen des Teams ändern');
    }
    const settings = parseInput(TeamSettings.strict(), request.body);
    const deviceId = deviceIdOf(request);
    const stored = await db.transaction(async (tx) => {
      const before = await lockTeamSettings(tx, actor.teamId);
      const after = await updateTeamSettings(tx, actor.teamId, settings);
      if (!before || !after) return null;
      await appendAudit(tx, {
        userId: actor.id,
        deviceId,
        action: 'team_settings_changed',
        detail: { teamId: actor.teamId, before, after },
      });
      return after;
    });
    if (!stored) throw new HttpError(404, 'not_found', 'Team nicht gefunden');
    return stored;
  });
}
