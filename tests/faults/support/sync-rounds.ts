// Lets devices sync, all at once, round after round, until every outbox is empty
// or the bound is reached. A round that ends offline (the proxy dropped something)
// is normal here; any other failure is collected with its message.
import type { SyncPhase } from '../../../src/sync';
import type { SimulatedDevice } from './device';

export interface RoundsReport {
  rounds: number;
  drained: boolean;
  /** How the runs ended, over all devices and rounds. */
  phases: Partial<Record<SyncPhase, number>>;
  /** Messages of runs that failed other than by a lost connection. */
  failures: string[];
}

async function allPending(devices: readonly SimulatedDevice[]): Promise<number> {
  const counts = await Promise.all(devices.map((device) => device.countPending()));
  return counts.reduce((sum, count) => sum + count, 0);
}

/** Failures beyond this many are not a flaky network but a bug: stop early and report them. */
const MAX_FAILURES = 10;

export async function syncUntilDrained(
  devices: readonly SimulatedDevice[],
  maxRounds: number,
): Promise<RoundsReport> {
  const report: RoundsReport = { rounds: 0, drained: false, phases: {}, failures: [] };
  while (report.rounds < maxRounds && report.failures.length < MAX_FAILURES) {
    if ((await allPending(devices)) === 0) {
      report.drained = true;
      return report;
    }
    report.rounds++;
    const states = await Promise.all(devices.map((device) => device.sync()));
    for (const [index, state] of states.entries()) {
      report.phases[state.phase] = (report.phases[state.phase] ?? 0) + 1;
      if (state.phase !== 'idle' && state.phase !== 'offline') {
        report.failures.push(
          `round ${report.rounds}, ${devices[index]?.label}: ${state.phase}: ${state.lastError?.message}`,
        );
      }
    }
  }
  report.drained = (await allPending(devices)) === 0;
  return report;
}

/** One run per device, one after the other, each expected to succeed. */
export async function syncEachCleanly(devices: readonly SimulatedDevice[]): Promise<void> {
  for (const device of devices) {
    const state = await device.sync();
    if (state.phase !== 'idle')
      throw new Error(`${device.label}: sync ended ${state.phase}: ${state.lastError?.message}`);
  }
}
