// The lead's caseload overview, computed on the device from what it holds: per
// worker the open cases (a requested closure still counts), this week's visits
// (Monday to Sunday), hours used against approved hours this month, notes
// waiting for review, and the Hilfeplangespräche that are overdue. The devices'
// unsynced changes come from the server (GET /api/team/devices); the last answer
// is kept in db.meta so the screen can show it, with its time, when offline.
import { addDays, lightFormat, startOfWeek } from 'date-fns';
import { DeviceStatus } from '../../shared/protocol';
import type { MemberRecord } from '../../shared/records';
import type { FeldakteDb } from '../infrastructure/schema';
import { CURRENT_CASE_STATUSES } from '../repositories/cases';
import { type HelpPlanDate, overdueHelpPlans } from './help-plan-dates';

export interface WorkerLoad {
  member: MemberRecord;
  openCases: number;
  visitsThisWeek: number;
  /** Direct plus travel minutes of the worker's notes this month. */
  usedMinutes: number;
  /** Sum of approvedHoursPerMonth of the worker's open cases. */
  approvedHours: number;
  waitingForReview: number;
  /** The worker's current cases whose Hilfeplangespräch date has passed, oldest first. */
  overdueHelpPlans: HelpPlanDate[];
}

/** Monday and Sunday of the week `now` falls in, as "YYYY-MM-DD". */
export function weekOf(now: Date): { from: string; to: string } {
  const monday = startOfWeek(now, { weekStartsOn: 1 });
  return { from: lightFormat(monday, 'yyyy-MM-dd'), to: lightFormat(addDays(monday, 6), 'yyyy-MM-dd') };
}

/**
 * One row per worker: every member with the role worker, and anyone else (a lead)
 * who has open cases. Sorted by name.
 */
export async function computeCaseload(db: FeldakteDb, now = new Date()): Promise<WorkerLoad[]> {
  const [members, cases, notes, appointments] = await Promise.all([
    db.members.toArray(),
    db.cases.where('status').anyOf(CURRENT_CASE_STATUSES).toArray(),
    db.notes.toArray(),
    db.appointments.toArray(),
  ]);
  const week = weekOf(now);
  const month = lightFormat(now, 'yyyy-MM');
  const rows = new Map<string, WorkerLoad>();
  const rowOf = (member: MemberRecord) => {
    let row = rows.get(member.id);
    if (!row) {
      row = {
        member,
        openCases: 0,
        visitsThisWeek: 0,
        usedMinutes: 0,
        approvedHours: 0,
        waitingForReview: 0,
        overdueHelpPlans: [],
      };
      rows.set(member.id, row);
    }
    return row;
  };
  const byId = new Map(members.map((m) => [m.id, m]));
  for (const member of members) if (member.role === 'worker') rowOf(member);
  for (const c of cases) {
    const member = byId.get(c.assignedTo);
    if (!member) continue;
    const row = rowOf(member);
    row.openCases += 1;
    row.approvedHours += c.approvedHoursPerMonth;
  }
  const byCase = new Map(cases.map((c) => [c.id, c.assignedTo]));
  for (const overdue of overdueHelpPlans(cases, lightFormat(now, 'yyyy-MM-dd'))) {
    const row = rows.get(byCase.get(overdue.caseId) ?? '');
    row?.overdueHelpPlans.push(overdue);
  }
  for (const a of appointments) {
    const row = rows.get(a.workerId);
    if (row && a.status !== 'cancelled' && a.date >= week.from && a.date <= week.to) row.visitsThisWeek += 1;
  }
  for (const n of notes) {
    const row = rows.get(n.authorId);
    if (!row) continue;
    if (n.date.startsWith(month)) row.usedMinutes += n.durationMinutes + n.travelMinutes;
    if (n.version > 0 && n.reviewedAt === null) row.waitingForReview += 1;
  }
  return [...rows.values()].sort((a, b) => a.member.displayName.localeCompare(b.member.displayName, 'de'));
}

// --- Devices (from the server, remembered for offline) ---------------------------

const DEVICES_KEY = 'caseload.devices';

export interface DeviceSnapshot {
  fetchedAt: string;
  devices: DeviceStatus[];
}

export async function saveDeviceSnapshot(db: FeldakteDb, snapshot: DeviceSnapshot): Promise<void> {
  await db.meta.put({ key: DEVICES_KEY, value: snapshot });
}

export async function readDeviceSnapshot(db: FeldakteDb): Promise<DeviceSnapshot | null> {
  const entry = await db.meta.get(DEVICES_KEY);
  const value = entry?.value as { fetchedAt?: unknown; devices?: unknown } | undefined;
  const devices = DeviceStatus.array().safeParse(value?.devices);
  if (typeof value?.fetchedAt !== 'string' || !devices.success) return null;
  return { fetchedAt: value.fetchedAt, devices: devices.data };
}

/** A worker's devices, the one whose unsynced change has waited longest first. */
export function devicesOf(snapshot: DeviceSnapshot | null, userId: string): DeviceStatus[] {
  const oldest = (d: DeviceStatus) => d.oldestPendingAt ?? '\uffff';
  return (snapshot?.devices ?? [])
    .filter((d) => d.userId === userId)
    .sort((a, b) => oldest(a).localeCompare(oldest(b)));
}
