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
import { type AppointmentRecord, DELETE_CONFLICT_FIELD } from '../../src/shared/records';
import { type ApiClient, createApiClient } from '../../src/sync';
import { DEMO_PASSWORD } from './support/device';
import { serverTargets } from './support/server-targets';

type Status = AppointmentRecord['status'];
/** A device's offline change: a new status, or deleting the appointment. */
type Edit = Status | 'delete';

interface Scenario {
  name: string;
  /** Per device, its changes one after the other, all based on the same synced version. */
  edits: Record<string, Edit[]>;
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
  { name: 'one device deletes, another edits', edits: { phone: ['delete'], tablet: ['done'] } },
  {
    name: 'one device edits and then deletes, another edits the same field',
    edits: { phone: ['done', 'delete'], tablet: ['cancelled'] },
  },
  { name: 'one device edits and then deletes, nobody else', edits: { phone: ['done', 'delete'] } },
];

const USERS: Record<string, string> = { phone: 'anna', tablet: 'anna', lead: 'lea' };

interface Step {
  device: string;
  edit: Edit;
}

/** Every merge of the devices' sequences that keeps each device's own order. */
function interleavings(sequences: Record<string, Edit[]>): Step[][] {
  const devices = Object.keys(sequences).filter((device) => (sequences[device]?.length ?? 0) > 0);
  if (devices.length === 0) return [[]];
  return devices.flatMap((device) => {
    const [first, ...rest] = sequences[device] as Edit[];
    return interleavings({ ...sequences, [device]: rest }).map((tail) => [
      { device, edit: first as Edit },
      ...tail,
    ]);
  });
}

/**
 * What every order must end in, as a line: "gone" when deleted and nobody else
 * edited; otherwise the status (or its conflict: the devices' last statuses, when
 * they differ) and whether a delete conflict keeps the record.
 */
function expectedOutcome(edits: Record<string, Edit[]>): string {
  const deleters = Object.keys(edits).filter((device) => edits[device]?.includes('delete'));
  const editors = Object.keys(edits).filter((device) => !deleters.includes(device));
  if (deleters.length > 0 && editors.length === 0) return 'gone';
  const lastStatuses = Object.values(edits)
    .map((sequence) => sequence.filter((edit): edit is Status => edit !== 'delete').at(-1))
    .filter((status): status is Status => status !== undefined);
  const distinct = [...new Set(lastStatuses)].sort();
  const status = distinct.length > 1 ? `status conflict ${distinct.join('/')}` : `status ${distinct[0]}`;
  return deleters.length > 0 ? `${status}, delete conflict` : status;
}

/** The same line, read from the record the server holds (null: gone). */
function outcomeOf(record: AppointmentRecord | null): string {
  if (!record) return 'gone';
  const statusConflict = record.conflicts.find((c) => c.field === 'status');
  const values = [...new Set(statusConflict?.candidates.map((c) => String(c.value)))].sort();
  const status = statusConflict ? `status conflict ${values.join('/')}` : `status ${record.status}`;
  const deleteConflict = record.conflicts.some((c) => c.field === DELETE_CONFLICT_FIELD);
  return deleteConflict ? `${status}, delete conflict` : status;
}

function mutationOf(recordId: string, baseVersion: number, edit: Edit): Mutation {
  return {
    id: randomUUID(),
    entity: 'appointment',
    op: edit === 'delete' ? 'delete' : 'update',
    recordId,
    baseVersion,
    data: edit === 'delete' ? {} : { status: edit },
    clientTime: new Date().toISOString(),
  };
}

async function signedInClient(baseUrl: string, username: string): Promise<ApiClient> {
  let token: string | null = null;
  const api = createApiClient({ baseUrl, deviceId: `order-${randomUUID()}`, getToken: () => token });
  token = (await api.login({ username, password: DEMO_PASSWORD })).token;
  return api;
}

describe.each(serverTargets())('every delivery order gives the same outcome ($name)', (target) => {
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

  /** The appointment as the lead sees it now (null: gone). */
  async function currentState(id: string): Promise<AppointmentRecord | null> {
    const changes = new Map<string, AppointmentRecord | null>();
    let cursor = '0';
    for (;;) {
      const batch = await (devices.get('lead') as ApiClient).pull({ cursor, limit: 2000 });
      for (const change of batch.changes) {
        if (change.entity === 'appointment') changes.set(change.record.id, change.record);
      }
      for (const removal of batch.removed) changes.set(removal.id, null);
      if (!batch.hasMore) return changes.get(id) ?? null;
      cursor = batch.cursor;
    }
  }

  for (const scenario of SCENARIOS) {
    it(scenario.name, async () => {
      const wanted = expectedOutcome(scenario.edits);
      const wrong: string[] = [];
      for (const order of interleavings(scenario.edits)) {
        const appointment = await freshAppointment();
        for (const step of order) {
          const api = devices.get(step.device) as ApiClient;
          const mutation = mutationOf(appointment.id, appointment.version, step.edit);
          const [result] = (await api.push({ mutations: [mutation] })).results;
          if (result?.status !== 'applied')
            throw new Error(`${step.device} ${step.edit}: ${JSON.stringify(result)}`);
        }
        const outcome = outcomeOf(await currentState(appointment.id));
        const path = order.map((step) => `${step.device}=${step.edit}`).join(' → ');
        if (outcome !== wanted) wrong.push(`${path}: ${outcome}`);
      }
      expect(wrong, `expected "${wanted}" after every order`).toEqual([]);
    });
  }
});
