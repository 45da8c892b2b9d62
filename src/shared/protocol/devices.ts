// What devices tell the server about themselves, and what it tells a locked device.
import { z } from 'zod';
import { Id, Timestamp } from '../fields';

/**
 * What a device reports at the end of every sync cycle it could reach the server
 * in (POST /api/devices/status, device id from the header): what is still waiting
 * in its outbox. Leads see it per device on the caseload screen, so a change stuck
 * on a phone for days is noticed before it matters.
 */
export const DeviceStatusReport = z
  .object({
    /** Outbox entries not yet acknowledged (pending and rejected). */
    pendingCount: z.number().int().min(0).max(10_000_000),
    /** clientTime of the oldest of them; null when the outbox is empty. */
    oldestPendingAt: Timestamp.nullable(),
  })
  .strict();
export type DeviceStatusReport = z.infer<typeof DeviceStatusReport>;

/** GET /api/team/devices (leads): the last report of every device of the team's members. */
export const DeviceStatus = DeviceStatusReport.extend({
  deviceId: z.string(),
  userId: Id,
  /** When the server last heard from the device (any authenticated request). */
  lastSeenAt: Timestamp,
  /** When the device last sent a status report. */
  reportedAt: Timestamp,
});
export type DeviceStatus = z.infer<typeof DeviceStatus>;
export const TeamDevicesResponse = z.object({ devices: z.array(DeviceStatus) });
export type TeamDevicesResponse = z.infer<typeof TeamDevicesResponse>;

/**
 * GET /api/devices/revocation (no login; the device id in the header): the teams
 * for which a lead revoked this device. A locked app asks, so a lost phone wipes
 * the accounts of those teams without anyone unlocking it.
 */
export const DeviceRevocation = z.object({ revokedTeamIds: z.array(Id) });
export type DeviceRevocation = z.infer<typeof DeviceRevocation>;
