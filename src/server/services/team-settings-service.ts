// A team's settings, changed by its lead. Members' devices learn a new value with
// their session (SessionUser.lockAfterMinutes) at the next login, refresh or
// GET /api/auth/me. The change and its audit entry (old and new value) are
// written in one transaction, so neither exists without the other.
import type { TeamSettings } from '../../shared/protocol';
import type { Database } from '../db/database';
import { appendAudit } from '../repositories/audit-log';
import { lockTeamSettings, updateTeamSettings } from '../repositories/team-settings';
import { reject } from './refusal';
import type { TeamLead } from './visibility';

export function createTeamSettingsService(db: Database) {
  return {
    /** Stores the lead's team's settings; returns them as stored. */
    async change(lead: TeamLead, deviceId: string | null, settings: TeamSettings): Promise<TeamSettings> {
      const teamId = lead.teamId;
      const stored = await db.transaction(async (tx) => {
        const before = await lockTeamSettings(tx, teamId);
        const after = await updateTeamSettings(tx, teamId, settings);
        if (!before || !after) return null;
        await appendAudit(tx, {
          userId: lead.id,
          deviceId,
          action: 'team_settings_changed',
          detail: { teamId, before, after },
        });
        return after;
      });
      if (!stored) throw reject.notFound('teamNotFound');
      return stored;
    },
  };
}

export type TeamSettingsService = ReturnType<typeof createTeamSettingsService>;
