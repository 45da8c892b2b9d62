// The order in which a faulty network delivers offline edits must not change the
// outcome. Small scenarios of devices editing one field of the same appointment
// offline (each from the same synced version) are replayed in every order the
// server could receive them in (each device's own edits stay in order); every
// order must end with the same value and exactly the real conflict: the devices'
// last values, when they differ. The random fault run may or may not hit a given
// order; this test hits them all.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../src/server/start';
import type { Mutation } from '../../src/shared/protocol';
import type { AppointmentRecord } from '../../src/shared/records';
import { type ApiClient, createApiClient } from '../../src/sync';
import { DEMO_PASSWORD } from './support/device';
import { serverTargets } from './support/server-targets';

type Status = AppointmentRecord['status'];

interface Scenario {
  name: string;
  /** Per device, the statuses it sets one after the other, all based on the same synced version. */
  edits: Record<string, Status[]>;
}

const SCENARIOS: Scenario[] = [
  { name: 'two devices, different values', edits: { phone: ['done'], tablet: ['cancelled'] } },
  { name: 'two devices, the same value', edits: { phone: ['done'], tablet: ['done'] } },
  {
    name: 'one device changes its mind to the other’s value',
    edits: { phone: ['done', 'cancelled'], tablet: ['cancelled'] },
  },
  {
    name: 'one device changes its mind away from the value both had set',
    edits: { phone: ['done', 'cancelled'], tablet: ['done'] },
  },
  { name: 'three devices, two agree', edits: { phone: ['done'], tablet: ['cancelled'], lead: ['done'] } },
];

const USERS: Record<string, string> = { phone: 'anna', tablet: 'anna', lead: 'lea' };

interface Step {
  device: string;
  status: Status;
}

/** Every merge of the devices' sequences that keeps each device's own order. */
function interleavings(sequences: Record<string, Status[]>): Step[][] {
  const devices = Object.keys(sequences).filter((device) => (sequences[device]?.length ?? 0) > 0);
  if (devices.length === 0) return [[]];
  return devices.flatMap((device) => {
    const [first, ...rest] = sequences[device] as Status[];
    return interleavings({ ...sequences, [device]: rest }).map((tail) => [
      { device, status: first as Status },
      ...tail,
    ]);
  });
}

/** What every order must end in: the devices' last values, and a conflict when they differ. */
function expectedOutcome(edits: Record<string, Status[]>): { values: Status[]; conflict: boolean } {
  const finals = [...new Set(Object.values(edits).map((sequence) => sequence.at(-1) as Status))].sort();
  return { values: finals, conflict: finals.length > 1 };
}

function update(recordId: string, baseVersion: number, status: Status): Mutation {
  return {
    id: randomUUID(),
    entity: 'appointment',
    op: 'update',
    recordId,
    baseVersion,
    data: { status },
    clientTime: new Date().toISOString(),
  };
}

async function signedInClient(baseUrl: string, username: string): Promise<ApiClient> {
  let token: string | null = null;
  const api = createApiClient({ baseUrl, deviceId: `order-${randomUUID()}`, getToken: () => token });
  token = (await api.login({ username, password: DEMO_PASSWORD })).token;
  return api;
}

describe.each(serverTargets)('every delivery order gives the same outcome ($name)', (target) => {
  let server: RunningServer;
  const devices = new Map<string, ApiClient>();
  let caseId: string;

  beforeAll(async () => {
    server = await target.start();
    for (const [device, username] of Object.entries(USERS))
      devices.set(device, await signedInClient(server.url, username));
    const pulled = await (devices.get('phone') as ApiClient).pull({ cursor: '0', limit: 2000 });
    const someCase = pulled.changes.find((change) => change.entity === 'case');
    if (!someCase) throw new Error('anna has no case');
    caseId = someCase.record.id;
  });

  afterAll(async () => {
    await server?.close();
  });

  /** A fresh appointment everyone has synced: version 1, status planned. */
  async function freshAppointment(): Promise<{ id: string; version: number }> {
    const id = randomUUID();
    const data = {
      caseId,
      date: '2026-12-01',
      time: '10:00',
      durationMinutes: 60,
      place: 'Büro',
      kind: 'meeting',
      status: 'planned',
    };
    const create: Mutation = {
      id: randomUUID(),
      entity: 'appointment',
      op: 'create',
      recordId: id,
      baseVersion: null,
      data,
      clientTime: new Date().toISOString(),
    };
    const [result] = (await (devices.get('phone') as ApiClient).push({ mutations: [create] })).results;
    if (result?.status !== 'applied' || !result.record)
      throw new Error(`create failed: ${JSON.stringify(result)}`);
    return { id, version: result.record.version };
  }

  for (const scenario of SCENARIOS) {
    it(scenario.name, async () => {
      const expected = expectedOutcome(scenario.edits);
      const outcomes: string[] = [];
      for (const order of interleavings(scenario.edits)) {
        const appointment = await freshAppointment();
        let record: AppointmentRecord | null = null;
        for (const step of order) {
          const api = devices.get(step.device) as ApiClient;
          const [result] = (
            await api.push({ mutations: [update(appointment.id, appointment.version, step.status)] })
          ).results;
          if (result?.status !== 'applied')
            throw new Error(`${step.device} ${step.status}: ${JSON.stringify(result)}`);
          record = result.record as AppointmentRecord;
        }
        const conflict = record?.conflicts.find((c) => c.field === 'status');
        const values = conflict
          ? [...new Set(conflict.candidates.map((c) => c.value as Status))].sort()
          : [record?.status];
        const path = order.map((step) => `${step.device}=${step.status}`).join(' → ');
        outcomes.push(`${path}: ${conflict ? `conflict ${values.join('/')}` : `status ${record?.status}`}`);
      }
      const wanted = expected.conflict
        ? `conflict ${expected.values.join('/')}`
        : `status ${expected.values[0]}`;
      const wrong = outcomes.filter((outcome) => !outcome.endsWith(`: ${wanted}`));
      expect(wrong, `expected "${wanted}" after every order`).toEqual([]);
    });
  }
});
