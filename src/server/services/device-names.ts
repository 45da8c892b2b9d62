// Devices named for people: the browser and the system read from the device's
// User-Agent with bowser ("Chrome", "Android"), so a lead recognises "Chrome auf
// Android" in a list of ids. Read when shown, never stored: a better parser
// names old devices better too.
import Bowser from 'bowser';
import type { PersonDevice } from '../../shared/protocol';
import type { DeviceRow } from '../repositories/devices';

/** What the list says when a device sent no User-Agent, or one nobody knows. */
const UNKNOWN = 'Unbekannt';

/** Longer User-Agents are cut before parsing (they are stored as sent, see the auth hook). */
export const MAX_USER_AGENT_LENGTH = 512;

export function browserAndSystemOf(userAgent: string): { browser: string; system: string } {
  if (userAgent.trim() === '') return { browser: UNKNOWN, system: UNKNOWN };
  const parsed = Bowser.parse(userAgent.slice(0, MAX_USER_AGENT_LENGTH));
  return { browser: parsed.browser.name || UNKNOWN, system: parsed.os.name || UNKNOWN };
}

export function personDeviceOf(row: DeviceRow): PersonDevice {
  return {
    deviceId: row.deviceId,
    name: row.name,
    ...browserAndSystemOf(row.userAgent),
    firstSeenAt: row.firstSeenAt.toISOString(),
    lastSeenAt: row.lastSeenAt.toISOString(),
    lastSyncAt: row.reportedAt?.toISOString() ?? null,
    revokedAt: row.revokedAt?.toISOString() ?? null,
  };
}
