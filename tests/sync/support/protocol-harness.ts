// msw handlers in front of the in-memory ProtocolServer, checking the headers the
// real server checks (token, protocol version, device) and offering the faults a
// field device meets: responses lost after the server committed, a connection that
// breaks in the middle of a pull, a request held open. Also the device status
// report, the team's devices and the live event stream (LiveStreams: the test
// sends events and drops the connections).
import { HttpResponse, http } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll } from 'vitest';
import {
  DEFAULT_PULL_LIMIT,
  DEVICE_HEADER,
  type DeviceStatus,
  DeviceStatusReport,
  type LiveEvent,
  PROTOCOL_HEADER,
  PROTOCOL_VERSION,
  PushRequest,
} from '../../../src/shared/protocol';
import { API_PATHS, type ApiClient, createApiClient } from '../../../src/sync/api-client';
import { worker } from '../../db/support/fixtures';
import { ProtocolServer } from './protocol-server';

export const BASE_URL = 'http://feldakte.test';
export const DEVICE_ID = '44444444-4444-4444-8444-444444444444';
export const VALID_TOKEN = 'token-der-fachkraft';

export const mswServer = setupServer();

/** Starts msw for the test file; every request without a handler fails the test. */
export function startMswForThisFile(): void {
  beforeAll(() => mswServer.listen({ onUnhandledRequest: 'error' }));
  afterEach(() => mswServer.resetHandlers());
  afterAll(() => mswServer.close());
}

function apiError(status: number, code: string, message: string) {
  return HttpResponse.json({ error: { code, message, field: null } }, { status });
}

/** The open live event streams (GET /api/events) and what the test does with them. */
export class LiveStreams {
  private readonly encoder = new TextEncoder();
  private readonly open = new Set<ReadableStreamDefaultController<Uint8Array>>();
  /** Streams the server accepted so far. */
  opened = 0;

  get openCount(): number {
    return this.open.size;
  }

  /** One event to every open stream, as the real server writes it. */
  send(event: LiveEvent): void {
    this.sendRaw(`event: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`);
  }

  /** Bytes as they are, to every open stream. */
  sendRaw(text: string): void {
    for (const controller of this.open) controller.enqueue(this.encoder.encode(text));
  }

  /** The connections break (a server restart, the phone changing networks). */
  dropAll(): void {
    for (const controller of this.open) controller.error(new TypeError('connection reset'));
    this.open.clear();
  }

  answer(request: Request): Response {
    this.opened += 1;
    let own: ReadableStreamDefaultController<Uint8Array> | undefined;
    const forget = () => {
      if (own && this.open.delete(own)) {
        try {
          own.close();
        } catch {
          // Already errored or closed.
        }
      }
    };
    const body = new ReadableStream<Uint8Array>({
      start: (controller) => {
        own = controller;
        this.open.add(controller);
      },
      cancel: forget,
    });
    request.signal.addEventListener('abort', forget, { once: true });
    return new HttpResponse(body, { headers: { 'content-type': 'text/event-stream; charset=utf-8' } });
  }
}

export class ProtocolHarness {
  readonly server = new ProtocolServer({ userId: worker.userId, teamId: worker.teamId });
  readonly pushRequests: PushRequest[] = [];
  /** Cursor of every pull request, in order. */
  readonly pullCursors: string[] = [];

  token = VALID_TOKEN;
  /** The version the server speaks; a device on another one gets 426. */
  protocolVersion = PROTOCOL_VERSION;
  /** Push requests whose answer is lost after the server applied them. */
  dropPushResponses = 0;
  /** After this many more successful pull answers, the next one fails with a broken connection. */
  failPullAfter: number | null = null;
  /** Runs before each pull is answered (the push of the same run is done by then). */
  beforePull: ((cursor: string) => Promise<void>) | null = null;
  /** While set, requests wait for it before they are answered. */
  gate: Promise<void> | null = null;

  /** Every push and pull request that reached the server, answered or refused. */
  requests = 0;
  readonly live = new LiveStreams();
  /** Every device status report, in order. */
  readonly deviceReports: { deviceId: string | null; report: DeviceStatusReport }[] = [];
  /** When set, device status reports are answered with this status instead. */
  deviceReportStatus: number | null = null;
  /** What GET /api/team/devices answers. */
  teamDevices: DeviceStatus[] = [];
  inFlight = 0;
  maxInFlight = 0;

  /** Holds every request until the returned function is called. */
  hold(): () => void {
    let release = () => {};
    this.gate = new Promise<void>((resolve) => {
      release = () => {
        this.gate = null;
        resolve();
      };
    });
    return release;
  }

  install(): void {
    mswServer.use(...this.handlers());
  }

  /** A device's client; pass another deviceId to play a second device of the same user. */
  client(getToken: () => string | null = () => VALID_TOKEN, deviceId = DEVICE_ID): ApiClient {
    return createApiClient({ baseUrl: BASE_URL, deviceId, getToken });
  }

  handlers() {
    return [
      http.post(`${BASE_URL}${API_PATHS.push}`, ({ request }) =>
        this.guarded(request, async () => {
          const body = PushRequest.parse(await request.json());
          this.pushRequests.push(body);
          const results = this.server.push(body, request.headers.get(DEVICE_HEADER));
          if (this.dropPushResponses > 0) {
            this.dropPushResponses -= 1;
            return HttpResponse.error();
          }
          return HttpResponse.json({ results });
        }),
      ),
      http.get(`${BASE_URL}${API_PATHS.pull}`, ({ request }) =>
        this.guarded(request, async () => {
          const url = new URL(request.url);
          const cursor = url.searchParams.get('cursor') ?? '0';
          const limit = Number(url.searchParams.get('limit') ?? DEFAULT_PULL_LIMIT);
          this.pullCursors.push(cursor);
          await this.beforePull?.(cursor);
          if (this.failPullAfter !== null) {
            if (this.failPullAfter === 0) {
              this.failPullAfter = null;
              return HttpResponse.error();
            }
            this.failPullAfter -= 1;
          }
          return HttpResponse.json(this.server.pull(cursor, limit));
        }),
      ),
      http.post(`${BASE_URL}${API_PATHS.deviceStatus}`, ({ request }) =>
        this.checked(request, async () => {
          const report = DeviceStatusReport.parse(await request.json());
          if (this.deviceReportStatus !== null) {
            return apiError(this.deviceReportStatus, 'internal', 'Bericht nicht gespeichert');
          }
          this.deviceReports.push({ deviceId: request.headers.get(DEVICE_HEADER), report });
          return new HttpResponse(null, { status: 204 });
        }),
      ),
      http.get(`${BASE_URL}${API_PATHS.teamDevices}`, ({ request }) =>
        this.checked(request, async () => HttpResponse.json({ devices: this.teamDevices })),
      ),
      http.get(`${BASE_URL}${API_PATHS.events}`, ({ request }) =>
        this.checked(request, async () => this.live.answer(request)),
      ),
    ];
  }

  /** A push or pull: counted, and held while the gate is closed. */
  private async guarded(request: Request, answer: () => Promise<Response>): Promise<Response> {
    this.requests += 1;
    this.inFlight += 1;
    this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
    try {
      if (this.gate) await this.gate;
      return await this.checked(request, answer);
    } finally {
      this.inFlight -= 1;
    }
  }

  /** The header checks every route makes. */
  private async checked(request: Request, answer: () => Promise<Response>): Promise<Response> {
    if (request.headers.get(PROTOCOL_HEADER) !== String(this.protocolVersion)) {
      return apiError(426, 'upgrade_required', 'Bitte die App aktualisieren');
    }
    if (request.headers.get('authorization') !== `Bearer ${this.token}`) {
      return apiError(401, 'unauthorized', 'Anmeldung abgelaufen');
    }
    if (!request.headers.get(DEVICE_HEADER)) {
      return apiError(400, 'invalid', 'Geräte-Kennung fehlt');
    }
    return await answer();
  }
}
