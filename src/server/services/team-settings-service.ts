// A team's settings, read and changed by its lead. Members' devices learn a new
// value with their session (SessionUser.lockAfterMinutes, districts,
// emergencyContact) at the next login, refresh or GET /api/auth/me. The change and its audit entry (old and new value) are
// written in one transaction, so neither exists without the other.
import type { TeamSettings, TeamSettingsChange } from '../../shared/protocol';
import type { Database } from '../db/database';
import { appendAudit } from '../repositories/audit-log';
import { findTeamSettings, updateTeamSettings } from '../repositories/team-settings';
import { reject } from './refusal';
import { isUnstorableValue } from './storable-text';
import type { TeamLead } from './visibility';

export function createTeamSettingsService(db: Database) {
  return {
    /** The lead's team's settings, as the session read them with this request. */
    read({ lockAfterMinutes, districts, emergencyContact }: TeamLead): TeamSettings {
      return { lockAfterMinutes, districts, emergencyContact };
    },

    /** Stores the lead's team's settings (what the change leaves out stays); returns them as stored. */
    async change(lead: TeamLead, deviceId: string | null, change: TeamSettingsChange): Promise<TeamSettings> {
      const teamId = lead.teamId;
      const district = (change.districts ?? []).findIndex(isUnstorableValue);
      if (district >= 0) throw reject.invalid('unstorableText', `districts.${district}`);
      if (isUnstorableValue(change.emergencyContact))
        throw reject.invalid('unstorableText', 'emergencyContact');
      const stored = await db.transaction(async (tx) => {
        const before = await findTeamSettings(tx, teamId, { lock: true });
        if (!before) return null;
        const after = await updateTeamSettings(tx, teamId, {
          lockAfterMinutes: change.lockAfterMinutes,
          districts: change.districts ?? before.districts,
          emergencyContact: change.emergencyContact ?? before.emergencyContact,
        });
        if (!after) return null;
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
