// The "server" figure of the benchmark: many devices syncing at once against one
// server, the way the real engine syncs (push the outbox, then pull until
// hasMore is false), through the real API client and Node's fetch. Every sync
// request is timed on the client, from sending to the validated answer; every
// failed request is counted and reported by what failed, never dropped.
import { randomUUID } from 'node:crypto';
import type { Mutation, PullResponse, PushResponse } from '../../src/shared/protocol';
import {
  type ApiClient,
  createApiClient,
  HttpError,
  NetworkError,
  ProtocolError,
} from '../../src/sync/api-client';
import { noteCreate } from '../e2e/support/api';

export interface ServerLoadOptions {
  baseUrl: string;
  /** Devices log in round-robin over these accounts. */
  logins: Array<{ username: string; password: string }>;
  devices: number;
  durationMs: number;
}

export interface LatencySummary {
  requests: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
}

export interface ServerLoadResult {
  /** Sync requests (push and pull) answered per second over the measured window. */
  requestsPerSecond: number;
  p99Ms: number;
  p50Ms: number;
  /** Sync requests that failed (non-2xx, network error, unreadable answer). */
  errors: number;
  /** Sync requests sent in the measured window, failed ones included. */
  requests: number;
  pushes: number;
  pulls: number;
  /** Failed requests by kind, e.g. "push http 500 internal" or "pull network ECONNRESET". */
  errorsByKind: Record<string, number>;
  /** Mutations the server answered one by one; a rejection is no HTTP error but is reported too. */
  mutations: { applied: number; duplicate: number; rejected: number; rejectedByCode: Record<string, number> };
  /** Records received by the pulls of the measured window. */
  pulledChanges: number;
  byRoute: { push: LatencySummary; pull: LatencySummary };
  /** Login and first pull of every device, before the measured window (not in the figures). */
  setupMs: number;
  /** From the start of the window until the last request of it was answered. */
  measuredMs: number;
}

/** What one device knows: its API client, pull cursor, the open cases it may write in, its own notes. */
interface Device {
  api: ApiClient;
  cursor: string;
  openCaseIds: string[];
  /** Notes this device created, with the version the server last answered: edited later on. */
  ownNotes: Map<string, number>;
}

interface Tally {
  pushLatencies: number[];
  pullLatencies: number[];
  errorsByKind: Map<string, number>;
  mutations: ServerLoadResult['mutations'];
  pulledChanges: number;
}

const SENTENCES = [
  'Hausbesuch wie vereinbart, die Familie war vollständig anwesend.',
  'Frau M. berichtet, dass die Tagesstruktur inzwischen besser eingehalten wird.',
  'Die Kinder wirkten ausgeglichen, die Wohnung war aufgeräumt.',
  'Besprochen wurden die Fehlzeiten in der Schule und die nächsten Schritte mit dem Jugendamt.',
  'Vereinbart: Rückruf bei der Kita wegen des Entwicklungsgesprächs bis Freitag.',
  'Der Vater nimmt am nächsten Termin teil, Dolmetscher wird angefragt.',
  'Die Mutter wirkt belastet, Entlastungsangebote wurden erneut angesprochen.',
  'Kontakt zur Schulsozialarbeit aufgenommen, Rückmeldung steht noch aus.',
];

/** About 1 KB of plausible note text, different per call. */
function noteText(): string {
  let text = '';
  while (text.length < 1000) text += `${SENTENCES[Math.floor(Math.random() * SENTENCES.length)]} `;
  return text.trim();
}

function today(): string {
  return new Date().toISOString().slice(0, 10);
}

function newNoteMutation(caseId: string): Mutation {
  return noteCreate({
    caseId,
    date: today(),
    kind: Math.random() < 0.5 ? 'home_visit' : 'phone',
    durationMinutes: 15 + Math.floor(Math.random() * 90),
    text: noteText(),
    concern8a: false,
    reviewedAt: null,
  });
}

function noteEditMutation(noteId: string, baseVersion: number): Mutation {
  return {
    id: randomUUID(),
    entity: 'note',
    op: 'update',
    recordId: noteId,
    baseVersion,
    data: { text: noteText(), durationMinutes: 15 + Math.floor(Math.random() * 90) },
    clientTime: new Date().toISOString(),
  };
}

/** A small outbox as a worker leaves it between two syncs: one to three new notes, up to two edits. */
function outboxOf(device: Device): Mutation[] {
  const mutations: Mutation[] = [];
  const creates = 1 + Math.floor(Math.random() * 3);
  for (let i = 0; i < creates && device.openCaseIds.length > 0; i++) {
    const caseId = device.openCaseIds[Math.floor(Math.random() * device.openCaseIds.length)] as string;
    mutations.push(newNoteMutation(caseId));
  }
  const own = [...device.ownNotes];
  const edits = Math.min(own.length, Math.floor(Math.random() * 3));
  for (let i = 0; i < edits; i++) {
    const [noteId, version] = own[Math.floor(Math.random() * own.length)] as [string, number];
    if (!mutations.some((m) => m.recordId === noteId)) mutations.push(noteEditMutation(noteId, version));
  }
  return mutations;
}

function errorKind(route: 'push' | 'pull', error: unknown): string {
  if (error instanceof HttpError)
    return `${route} http ${error.status} ${error.body?.error.code ?? '(no body)'}`;
  if (error instanceof NetworkError) {
    const cause = error.cause as { code?: string; cause?: { code?: string }; name?: string } | undefined;
    return `${route} network ${cause?.cause?.code ?? cause?.code ?? cause?.name ?? error.message}`;
  }
  if (error instanceof ProtocolError) return `${route} protocol ${error.message}`;
  return `${route} other ${error instanceof Error ? error.message : String(error)}`;
}

function learnFromPull(device: Device, answer: PullResponse): void {
  device.cursor = answer.cursor;
  for (const change of answer.changes) {
    if (change.entity === 'case') {
      const known = device.openCaseIds.indexOf(change.record.id);
      if (change.record.status === 'open' && known < 0) device.openCaseIds.push(change.record.id);
      if (change.record.status !== 'open' && known >= 0) device.openCaseIds.splice(known, 1);
    }
  }
  for (const removal of answer.removed) {
    if (removal.entity === 'case') device.openCaseIds = device.openCaseIds.filter((id) => id !== removal.id);
  }
}

function learnFromPush(device: Device, answer: PushResponse, tally: Tally): void {
  for (const result of answer.results) {
    if (result.status === 'rejected') {
      tally.mutations.rejected++;
      const code = `${result.code}: ${result.message}`;
      tally.mutations.rejectedByCode[code] = (tally.mutations.rejectedByCode[code] ?? 0) + 1;
      continue;
    }
    tally.mutations[result.status]++;
    // Every mutation of the outbox is a note, so every record answered is one of the device's notes.
    if (result.record) device.ownNotes.set(result.record.id, result.record.version);
  }
}

async function timed<T>(latencies: number[], call: () => Promise<T>): Promise<T> {
  const started = performance.now();
  try {
    return await call();
  } finally {
    latencies.push(performance.now() - started);
  }
}

async function pullUntilDone(device: Device, tally: Tally | null): Promise<void> {
  for (;;) {
    const answer = tally
      ? await timed(tally.pullLatencies, () => device.api.pull({ cursor: device.cursor }))
      : await device.api.pull({ cursor: device.cursor });
    learnFromPull(device, answer);
    if (tally) tally.pulledChanges += answer.changes.length;
    if (!answer.hasMore) return;
  }
}

async function connectDevice(
  baseUrl: string,
  login: { username: string; password: string },
): Promise<Device> {
  let token: string | null = null;
  // No renewToken: an access token lasts 15 minutes, so a 401 within the run is an error to report.
  const api = createApiClient({ baseUrl, deviceId: `bench-${randomUUID()}`, getToken: () => token });
  token = (await api.login({ ...login, refresh: true })).token;
  const device: Device = { api, cursor: '0', openCaseIds: [], ownNotes: new Map() };
  await pullUntilDone(device, null);
  if (device.openCaseIds.length === 0)
    throw new Error(`${login.username} sees no open case to write notes in`);
  return device;
}

/** One device's sync cycles until the deadline: push its outbox, then pull until nothing is left. */
async function syncLoop(device: Device, deadline: number, tally: Tally): Promise<void> {
  // A few ms of jitter so the devices do not all start in the same tick.
  await new Promise((resolve) => setTimeout(resolve, Math.random() * 5));
  while (performance.now() < deadline) {
    try {
      const answer = await timed(tally.pushLatencies, () => device.api.push({ mutations: outboxOf(device) }));
      learnFromPush(device, answer, tally);
    } catch (error) {
      count(tally.errorsByKind, errorKind('push', error));
    }
    try {
      await pullUntilDone(device, tally);
    } catch (error) {
      count(tally.errorsByKind, errorKind('pull', error));
    }
  }
}

function count(map: Map<string, number>, key: string): void {
  map.set(key, (map.get(key) ?? 0) + 1);
}

/** Nearest-rank percentile of sorted values. */
function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] as number;
}

function summarize(latencies: number[]): LatencySummary {
  const sorted = [...latencies].sort((a, b) => a - b);
  return {
    requests: sorted.length,
    p50Ms: round(percentile(sorted, 50)),
    p99Ms: round(percentile(sorted, 99)),
    maxMs: round(sorted.at(-1) ?? 0),
  };
}

function round(ms: number): number {
  return Math.round(ms * 10) / 10;
}

export async function measureServerLoad(options: ServerLoadOptions): Promise<ServerLoadResult> {
  if (options.logins.length === 0) throw new Error('measureServerLoad needs at least one login');
  // Node's fetch (undici) keeps one connection per request in flight and has no
  // per-origin limit by default, so 50 devices get 50 concurrent connections.
  const setupStarted = performance.now();
  const devices = await Promise.all(
    Array.from({ length: options.devices }, (_, i) =>
      connectDevice(
        options.baseUrl,
        options.logins[i % options.logins.length] as ServerLoadOptions['logins'][0],
      ),
    ),
  );
  const setupMs = performance.now() - setupStarted;

  const tally: Tally = {
    pushLatencies: [],
    pullLatencies: [],
    errorsByKind: new Map(),
    mutations: { applied: 0, duplicate: 0, rejected: 0, rejectedByCode: {} },
    pulledChanges: 0,
  };
  const started = performance.now();
  await Promise.all(devices.map((device) => syncLoop(device, started + options.durationMs, tally)));
  const measuredMs = performance.now() - started;

  const all = summarize([...tally.pushLatencies, ...tally.pullLatencies]);
  const errors = [...tally.errorsByKind.values()].reduce((sum, n) => sum + n, 0);
  return {
    requestsPerSecond: round(all.requests / (measuredMs / 1000)),
    p99Ms: all.p99Ms,
    p50Ms: all.p50Ms,
    errors,
    requests: all.requests,
    pushes: tally.pushLatencies.length,
    pulls: tally.pullLatencies.length,
    errorsByKind: Object.fromEntries(tally.errorsByKind),
    mutations: tally.mutations,
    pulledChanges: tally.pulledChanges,
    byRoute: { push: summarize(tally.pushLatencies), pull: summarize(tally.pullLatencies) },
    setupMs: Math.round(setupMs),
    measuredMs: Math.round(measuredMs),
  };
}
