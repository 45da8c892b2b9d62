// Device status for the lead's caseload screen: what each device still has waiting
// in its outbox (reported at the end of a sync cycle), and when the server last
// heard from it at all (any authenticated request that names its device). A
// lead's look at the team's devices is audited.
import type { DeviceStatus, DeviceStatusReport } from '../../shared/protocol';
import type { Database } from '../db/database';
import { appendAudit } from '../repositories/audit-log';
import { findTeamDevices, saveDeviceReport, touchDevice } from '../repositories/devices';
import { MAX_USER_AGENT_LENGTH } from './device-names';
import type { TeamLead } from './visibility';

/** "Last seen" is written at most this often per device: a sync cycle makes several requests. */
export const SEEN_WRITE_INTERVAL_MS = 60_000;
/** Bounds the in-memory throttle; past it, it simply starts over. */
const MAX_REMEMBERED = 10_000;

export function createDeviceStatusService(db: Database, now: () => number = Date.now) {
  const lastWritten = new Map<string, number>();

  return {
    /**
     * Records that the device was heard from, with the browser's User-Agent; cheap
     * when it was recorded within the last minute.
     */
    async seen(userId: string, deviceId: string, userAgent = ''): Promise<void> {
      const key = `${userId} ${deviceId}`;
      const at = now();
      const previous = lastWritten.get(key);
      if (previous !== undefined && at - previous < SEEN_WRITE_INTERVAL_MS) return;
      if (lastWritten.size >= MAX_REMEMBERED) lastWritten.clear();
      lastWritten.set(key, at);
      await touchDevice(db, userId, deviceId, userAgent.slice(0, MAX_USER_AGENT_LENGTH));
    },

    async report(userId: string, deviceId: string, report: DeviceStatusReport): Promise<void> {
      await saveDeviceReport(db, userId, deviceId, report);
      lastWritten.set(`${userId} ${deviceId}`, now());
    },

    /** The devices of the lead's team; `deviceId` is the lead's own device (audited). */
    async teamDevices(lead: TeamLead, deviceId: string | null): Promise<DeviceStatus[]> {
      const devices = await findTeamDevices(db, lead.teamId);
      await appendAudit(db, {
        userId: lead.id,
        deviceId,
        action: 'team_devices',
        detail: { devices: devices.length },
      });
      return devices;
    },
  };
}

export type DeviceStatusService = ReturnType<typeof createDeviceStatusService>;
