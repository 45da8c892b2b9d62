// Three devices - anna's phone and tablet (the same worker) and lea's tablet (the
// lead) - sync once, go offline, make 1,000 changes between them (new records,
// and edits of records they share: the same fields and different ones), then
// sync through a proxy that drops requests, drops answers after the server
// committed, delays, and repeats requests, until every outbox is empty.
// Afterwards: the server holds exactly what the mutations imply (merged fields,
// and conflicts exactly where two devices disagree), every device holds exactly
// what the server shows its user, and every mutation was applied exactly once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../src/server/start';
import { DELETE_CONFLICT_FIELD } from '../../src/shared/records';
import { openDevice, type SimulatedDevice } from './support/device';
import {
  type DeviceOutbox,
  type ExpectedState,
  expectedStateOf,
  workloadShapeOf,
} from './support/expected-state';
import { FAULT_KINDS, type FaultProxy, type FaultRates, startFaultProxy } from './support/fault-proxy';
import { createPrng, deriveSeed, runSeed } from './support/prng';
import { keysOfProblems, recordHistory } from './support/record-history';
import { checkResolved, planResolutions, resolveOnDevices } from './support/resolutions';
import { serverTargets } from './support/server-targets';
import { deviceViewOf, type Snapshot, serverViewOf } from './support/snapshots';
import { type RoundsReport, syncEachCleanly, syncUntilDrained } from './support/sync-rounds';
import { checkDeviceAgainstServer } from './support/verify-devices';
import { checkAppliedMutations, checkServerAgainstExpected } from './support/verify-server';
import { type DeviceMemory, DeviceWriter, newDeviceMemory } from './support/workload';

const OFFLINE_MUTATIONS = 1_000;
const MAX_ROUNDS = 300;
// Half the sync requests fail one way or another; almost a third more are repeated or delayed.
const RATES: FaultRates = { dropRequest: 0.25, dropResponse: 0.25, repeat: 0.15, delay: 0.15 };
const MAX_DELAY_MS = 400;

/** Who writes how much while offline: the phone most, the lead least. */
const DEVICES = [
  { label: 'anna-phone', username: 'anna', share: 0.4 },
  { label: 'anna-tablet', username: 'anna', share: 0.35 },
  { label: 'lea-tablet', username: 'lea', share: 0.25 },
] as const;

/** Records made and synced by everyone before going offline, so there is plenty to edit on several devices. */
const SHARED_SETUP = [
  { label: 'anna-phone', actions: { createNote: 30, createAppointment: 20, createPreConsultation: 10 } },
  { label: 'anna-tablet', actions: { createNote: 10, createAppointment: 5 } },
  { label: 'lea-tablet', actions: { createNote: 5, createAppointment: 5 } },
] as const;

/** The device whose share of the offline writes the roll (in [0, 1)) falls into. */
function pickDeviceIndex(roll: number): number {
  let rest = roll;
  for (const [index, { share }] of DEVICES.entries()) {
    rest -= share;
    if (rest < 0) return index;
  }
  return DEVICES.length - 1;
}

/** Asserts an empty list of problems, showing the first ones (not a diff of hundreds). */
function expectNoProblems(problems: readonly string[]): void {
  expect(problems.length, `${problems.length} problems:\n${problems.slice(0, 25).join('\n')}\n`).toBe(0);
}

const targets = serverTargets();

describe.each(targets)('three devices, 1,000 offline mutations, a faulty network ($name)', (target) => {
  const seed = runSeed();
  let server: RunningServer;
  let proxy: FaultProxy;
  let devices: SimulatedDevice[] = [];
  let base: Snapshot;
  let expected: ExpectedState;
  let outboxes: DeviceOutbox[] = [];
  let appliedRowsBefore = 0;
  let setupMutations = 0;
  let rounds: RoundsReport;
  const counts: string[] = [];

  // Later checks need the setup and the workload; without them they would only repeat that failure.
  let failedPrerequisite: string | null = null;
  function check(name: string, run: () => Promise<void>, { prerequisite = false } = {}): void {
    it(name, async (context) => {
      if (failedPrerequisite) context.skip(`needs "${failedPrerequisite}", which failed`);
      try {
        await run();
      } catch (error) {
        if (prerequisite) failedPrerequisite = name;
        throw error;
      }
    });
  }

  const device = (label: string) => devices.find((d) => d.label === label) as SimulatedDevice;
  const memories = new Map<string, DeviceMemory>(DEVICES.map(({ label }) => [label, newDeviceMemory(label)]));
  const memory = (label: string) => memories.get(label) as DeviceMemory;

  beforeAll(async () => {
    server = await target.start();
    proxy = await startFaultProxy({ target: server.url, seed, rates: RATES, maxDelayMs: MAX_DELAY_MS });
    for (const { label, username } of DEVICES) {
      const opened = await openDevice({ label, username, baseUrl: proxy.url });
      proxy.nameDevice(opened.deviceId, label);
      devices.push(opened);
    }
    const [row] = await server.db.query<{ count: number }>(
      'SELECT count(*)::int AS count FROM applied_mutations',
    );
    appliedRowsBefore = row?.count ?? 0;
  });

  afterAll(async () => {
    console.info(`[faults ${target.name}] seed ${seed}\n  ${counts.join('\n  ')}`);
    for (const d of devices) await d.dispose();
    devices = [];
    await proxy?.close();
    await server?.close();
  });

  check(
    'first sync, then shared records everyone holds',
    async () => {
      await syncEachCleanly(devices);
      for (const { label, actions } of SHARED_SETUP) {
        const writer = new DeviceWriter(
          device(label),
          createPrng(deriveSeed(seed, `setup-${label}`)),
          memory(label),
        );
        for (const [action, times] of Object.entries(actions)) {
          for (let i = 0; i < times; i++) {
            expect(await writer.perform(action as keyof typeof actions)).toBe(true);
            setupMutations++;
          }
        }
      }
      // Twice: the second round brings everyone what the others pushed in the first.
      await syncEachCleanly(devices);
      await syncEachCleanly(devices);
      base = await serverViewOf(server.url, 'lea');
      for (const d of devices) expect(await d.countPending()).toBe(0);
      counts.push(`setup: ${setupMutations} mutations synced cleanly, ${base.size} records in the team`);
    },
    { prerequisite: true },
  );

  check(
    `${OFFLINE_MUTATIONS} changes while offline, spread over the three devices`,
    async () => {
      const prng = createPrng(deriveSeed(seed, 'workload'));
      const writers = devices.map(
        (d) => new DeviceWriter(d, createPrng(deriveSeed(seed, d.label)), memory(d.label), base),
      );
      const perDevice = new Map<string, number>();
      for (let i = 0; i < OFFLINE_MUTATIONS; i++) {
        const index = pickDeviceIndex(prng.next());
        await (writers[index] as DeviceWriter).randomChange();
        const label = DEVICES[index]?.label ?? '?';
        perDevice.set(label, (perDevice.get(label) ?? 0) + 1);
      }
      outboxes = await Promise.all(
        devices.map(async (d) => ({
          label: d.label,
          deviceId: d.deviceId,
          entries: await d.db.outbox.toArray(),
        })),
      );
      expect(outboxes.reduce((sum, outbox) => sum + outbox.entries.length, 0)).toBe(OFFLINE_MUTATIONS);
      expected = expectedStateOf(base, outboxes);
      const shape = workloadShapeOf(expected);
      counts.push(
        `offline mutations per device: ${[...perDevice].map(([l, n]) => `${l} ${n}`).join(', ')}`,
        `records edited on several devices: ${shape.sharedRecords} (${shape.disjointOnly} only in different fields); fields edited on several devices: ${shape.conflictingFields} to different values, ${shape.agreeingFields} to the same value`,
        `deletes: ${shape.deletedCleanly} of records nobody else touched, ${shape.deletedAgainstEdits} of records another device edited`,
      );
      // Every kind of concurrent edit must occur, or the merge checks below prove less than they say.
      expect(shape.disjointOnly).toBeGreaterThan(0);
      expect(shape.agreeingFields).toBeGreaterThan(0);
      expect(shape.conflictingFields).toBeGreaterThan(0);
      expect(shape.deletedCleanly).toBeGreaterThan(0);
      expect(shape.deletedAgainstEdits).toBeGreaterThan(0);
    },
    { prerequisite: true },
  );

  check('syncs through the faulty proxy until every outbox is empty', async () => {
    proxy.setFaultsEnabled(true);
    rounds = await syncUntilDrained(devices, MAX_ROUNDS);
    proxy.setFaultsEnabled(false);
    const injected = proxy.counts();
    counts.push(
      `sync rounds: ${rounds.rounds} (runs ended: ${JSON.stringify(rounds.phases)})`,
      `requests through the proxy: ${injected.requests}; faults injected: ${JSON.stringify(injected.faults)} (${injected.concurrentRepeats} repeats sent both copies at once)`,
      `server answers to pushed mutations: ${JSON.stringify(injected.serverAnswers)}`,
    );
    expectNoProblems(rounds.failures);
    expect(rounds.drained).toBe(true);
    for (const d of devices) {
      const rejected = await d.db.outbox.where('status').equals('rejected').toArray();
      const reasons = rejected.map(
        (entry) => `${d.label} ${entry.entity} ${entry.op}: ${entry.rejection?.message}`,
      );
      expectNoProblems(reasons);
    }
    // The faults must really have happened, or this test proves nothing.
    for (const kind of Object.keys(RATES) as (keyof FaultRates)[])
      expect(injected.faults[kind]).toBeGreaterThan(0);
    expect(injected.serverAnswers.duplicate).toBeGreaterThan(0);
  });

  check(
    'the server holds every change, merged per field, with conflicts exactly where devices disagree',
    async () => {
      const view = await serverViewOf(server.url, 'lea');
      const labelOfDevice = new Map(devices.map((d) => [d.deviceId, d.label]));
      const findings = checkServerAgainstExpected(view, base, expected, labelOfDevice);
      counts.push(
        `server: ${findings.records} records and ${findings.fields} fields verified against the mutations; conflicts expected ${findings.conflictsExpected}, found ${findings.conflictsFound}`,
      );
      // What happened to the first wrong records, so a failure can be understood from its log alone.
      for (const key of keysOfProblems(findings.problems).slice(0, 3))
        console.info(await recordHistory(server.db, key, outboxes, labelOfDevice));
      expectNoProblems(findings.problems);
    },
  );

  check('every mutation was applied exactly once', async () => {
    const view = await serverViewOf(server.url, 'lea');
    const findings = await checkAppliedMutations(
      server.db,
      expected.mutationIds,
      appliedRowsBefore + setupMutations,
      view,
    );
    counts.push(
      `applied_mutations: ${findings.applied} new rows for the ${expected.mutationIds.size} offline mutations, each id once; ${findings.records} record versions checked against them`,
    );
    expectNoProblems(findings.problems);
  });

  /** Every device against what the server shows its user; adds the counts under `what`. */
  async function compareDevicesWithServer(what: string): Promise<string[]> {
    const problems: string[] = [];
    let records = 0;
    let fields = 0;
    for (const d of devices) {
      const findings = checkDeviceAgainstServer(
        d.label,
        await deviceViewOf(d.db),
        await serverViewOf(server.url, d.user.username),
      );
      problems.push(...findings.problems);
      records += findings.records;
      fields += findings.fields;
    }
    counts.push(
      `${what}: ${records} records (${fields} fields) on ${devices.length} devices equal the server's`,
    );
    return problems;
  }

  check('after a last clean sync, every device holds exactly what the server shows its user', async () => {
    await syncEachCleanly(devices);
    expectNoProblems(await compareDevicesWithServer('devices'));
  });

  check(
    'every conflict, resolved once on one device, is settled on the server and on every device',
    async () => {
      const before = await serverViewOf(server.url, 'lea');
      const resolvers = { author: 'anna-phone', lead: 'lea-tablet' };
      const plans = planResolutions(before, createPrng(deriveSeed(seed, 'resolutions')), resolvers);
      await resolveOnDevices(devices, plans);
      const faultsBefore = proxy.counts();
      proxy.setFaultsEnabled(true);
      const resolving = await syncUntilDrained(devices, MAX_ROUNDS);
      proxy.setFaultsEnabled(false);
      const faultsAfter = proxy.counts();
      const injected = FAULT_KINDS.map(
        (kind) => `${kind} ${faultsAfter.faults[kind] - faultsBefore.faults[kind]}`,
      );
      const deletes = plans.filter((plan) => plan.field === DELETE_CONFLICT_FIELD);
      counts.push(
        `resolutions: ${plans.length} conflicts resolved (${deletes.length} delete conflicts, ${deletes.filter((p) => p.value === true).length} of them by deleting) in ${resolving.rounds} faulty rounds (${injected.join(', ')})`,
      );
      expectNoProblems(resolving.failures);
      expect(resolving.drained).toBe(true);
      await syncEachCleanly(devices);
      expectNoProblems(checkResolved(await serverViewOf(server.url, 'lea'), before, plans));
      expectNoProblems(await compareDevicesWithServer('devices after resolving'));
    },
  );
});
