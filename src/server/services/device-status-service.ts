// Device status for the lead's caseload screen: what each device still has waiting
// in its outbox (reported at the end of a sync cycle), and when the server last
// heard from it at all (any authenticated request that names its device).
import type { DeviceStatus, DeviceStatusReport } from '../../shared/protocol';
import type { Database } from '../db/database';
import { findTeamDevices, saveDeviceReport, touchDevice } from '../repositories/devices';

/** "Last seen" is written at most this often per device: a sync cycle makes several requests. */
export const SEEN_WRITE_INTERVAL_MS = 60_000;
/** Bounds the in-memory throttle; past it, it simply starts over. */
const MAX_REMEMBERED = 10_000;

export function createDeviceStatusService(db: Database, now: () => number = Date.now) {
  const lastWritten = new Map<string, number>();

  return {
    /** Records that the device was heard from; cheap when it was recorded within the last minute. */
    async seen(userId: string, deviceId: string): Promise<void> {
      const key = `${userId} ${deviceId}`;
      const at = now();
      const previous = lastWritten.get(key);
      if (previous !== undefined && at - previous < SEEN_WRITE_INTERVAL_MS) return;
      if (lastWritten.size >= MAX_REMEMBERED) lastWritten.clear();
      lastWritten.set(key, at);
      await touchDevice(db, userId, deviceId);
    },

    async report(userId: string, deviceId: string, report: DeviceStatusReport): Promise<void> {
      await saveDeviceReport(db, userId, deviceId, report);
      lastWritten.set(`${userId} ${deviceId}`, now());
    },

    teamDevices(teamId: string): Promise<DeviceStatus[]> {
      return findTeamDevices(db, teamId);
    },
  };
}

export type DeviceStatusService = ReturnType<typeof createDeviceStatusService>;
