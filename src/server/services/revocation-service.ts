// A lead cuts off a lost device or a person who left: no session of the team's
// users works from a revoked device any more, nor can they log in on it; a
// revoked user's sessions all end and they cannot log in. Their next request is
// answered 'revoked', and the app wipes its local data. A device or user of
// another team is 'not_found'; a lead cannot revoke themselves (the team would
// lose its only way back in).
import type { Database } from '../db/database';
import { appendAudit } from '../repositories/audit-log';
import { isTeamDevice, revokeDevice, revokeUser, teamsRevokingDevice } from '../repositories/revocations';
import { isTeamMember } from '../repositories/users';
import type { LiveHub } from './live/live-hub';
import { reject } from './refusal';
import type { TeamLead } from './visibility';

export function createRevocationService(db: Database, live: Pick<LiveHub, 'endWhere'>) {
  return {
    /** Revokes `deviceId` for the lead's team; `byDeviceId` is the lead's own device (audited). */
    async revokeDevice(lead: TeamLead, byDeviceId: string | null, deviceId: string): Promise<void> {
      const teamId = lead.teamId;
      if (!(await isTeamDevice(db, deviceId, teamId))) throw reject.notFound('deviceNotFound');
      await db.transaction((tx) => revokeDevice(tx, { deviceId, teamId, revokedBy: lead.id }));
      live.endWhere((s) => s.teamId === teamId && s.deviceId === deviceId);
      await appendAudit(db, {
        userId: lead.id,
        deviceId: byDeviceId,
        action: 'device_revoked',
        detail: { deviceId },
      });
    },

    /** Revokes a member of the lead's team. */
    async revokeUser(lead: TeamLead, byDeviceId: string | null, userId: string): Promise<void> {
      if (!(await isTeamMember(db, lead.teamId, userId))) {
        throw reject.notFound('personNotFound');
      }
      if (userId === lead.id) throw reject.invalid('ownAccessNotRevocable');
      await db.transaction((tx) => revokeUser(tx, userId));
      live.endWhere((s) => s.userId === userId);
      await appendAudit(db, {
        userId: lead.id,
        deviceId: byDeviceId,
        action: 'user_revoked',
        detail: { userId },
      });
    },

    /**
     * The teams that revoked this device, asked without a login: a locked app has
     * no usable token, yet a lost phone must wipe itself as soon as it is online.
     */
    teamsRevoking(deviceId: string): Promise<string[]> {
      return teamsRevokingDevice(db, deviceId);
    },
  };
}

export type RevocationService = ReturnType<typeof createRevocationService>;
