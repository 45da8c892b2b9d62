// The device's HTTP client for the sync protocol. Every answer is validated with
// the shared zod schemas, and every failure is sorted into one of three kinds the
// engine reacts to differently: NetworkError (try again later, we are offline),
// HttpError (the server answered and said no), ProtocolError (the server answered
// something this app does not understand).
//
// Besides request/response calls it opens the live events (GET /api/events), a
// text/event-stream that stays open, and hands its body to event-stream.ts.
import { z } from 'zod';
import { type Message, MessageError, type MessageParams } from '../shared/messages';
import {
  ApiError,
  CaseAuditResponse,
  CaseExport,
  type ChangePasswordRequest,
  DEVICE_HEADER,
  DeviceRevocation,
  type DeviceStatusReport,
  LiveEvent,
  type LoginWithRefreshRequest,
  PROTOCOL_HEADER,
  PROTOCOL_VERSION,
  PullResponse,
  type PushRequest,
  PushResponse,
  type RedeemCodeRequest,
  SessionTokens,
  type SetupRequest,
  SetupStatus,
  TeamDevicesResponse,
} from '../shared/protocol';
import { readEventStream, StreamInterrupted } from './event-stream';

/** Routes of the sync protocol on the server (relative to baseUrl). */
export const API_PATHS = {
  login: '/api/auth/login',
  refresh: '/api/auth/refresh',
  logout: '/api/auth/logout',
  push: '/api/sync/push',
  pull: '/api/sync/pull',
  deviceStatus: '/api/devices/status',
  deviceRevocation: '/api/devices/revocation',
  teamDevices: '/api/team/devices',
  events: '/api/events',
  setup: '/api/setup',
  invitation: '/api/auth/invitation',
  password: '/api/auth/password',
} as const;

/** A case's audit log and its Art. 15 export (the case team's lead only). */
export const caseAuditPath = (caseId: string) => `/api/cases/${encodeURIComponent(caseId)}/audit`;
export const caseExportPath = (caseId: string) => `/api/cases/${encodeURIComponent(caseId)}/export`;

export const DEFAULT_TIMEOUT_MS = 30_000;
/**
 * A live-event stream that sends nothing for this long is taken as dead (the
 * server sends a keep-alive comment every 25 s; a phone that changed networks
 * can leave a connection that never errors, only goes quiet).
 */
export const DEFAULT_STREAM_IDLE_MS = 60_000;

/** The request never got a complete answer: no connection, timed out, or the response was dropped. */
export class NetworkError extends MessageError {
  constructor(message: Message, options?: { cause?: unknown }) {
    super(message.key, message.params, options);
    this.name = 'NetworkError';
  }
}

/**
 * The server answered with a non-2xx status; `body` is its error description when
 * it sent one, its messageKey and params (from newer servers) what the UI says,
 * `field` what the message is said of.
 */
export class HttpError extends Error {
  readonly status: number;
  readonly body: ApiError | null;
  readonly field: string | null;
  readonly messageKey: string | undefined;
  readonly params: MessageParams | undefined;

  constructor(status: number, body: ApiError | null) {
    super(body?.error.message ?? `HTTP ${status}`);
    this.name = 'HttpError';
    this.status = status;
    this.body = body;
    this.field = body?.error.field ?? null;
    this.messageKey = body?.error.messageKey;
    this.params = body?.error.params;
  }
}

/** The server answered 2xx with something that does not match the protocol. */
export class ProtocolError extends MessageError {
  constructor(message: Message, options?: { cause?: unknown }) {
    super(message.key, message.params, options);
    this.name = 'ProtocolError';
  }
}

export interface LiveEventsOptions {
  /** Ends the stream; liveEvents then resolves. */
  signal: AbortSignal;
  /** Each valid event, in order. Events this app does not know (a newer server) are skipped. */
  onEvent(event: LiveEvent): void;
  /** The server accepted the stream: from now on events arrive. */
  onOpen?(): void;
  /** The server's reconnection delay (the stream's `retry:` field), in ms. */
  onRetryHint?(ms: number): void;
}

export interface ApiClient {
  /** With `refresh: true` the access token is short-lived and renewed with the refresh token. */
  login(req: LoginWithRefreshRequest): Promise<SessionTokens>;
  /** A new token pair for an unused refresh token (no Bearer needed). */
  refresh(refreshToken: string): Promise<SessionTokens>;
  /** Ends the session of the current token on the server (its refresh token too). */
  logout(): Promise<void>;
  push(req: PushRequest): Promise<PushResponse>;
  pull(query: { cursor: string; limit?: number }): Promise<PullResponse>;
  /** What this device's outbox still holds (the device id goes in the header). */
  reportDeviceStatus(report: DeviceStatusReport): Promise<void>;
  /** The teams that revoked this device (no login needed: the locked app asks). */
  deviceRevocation(): Promise<DeviceRevocation>;
  /** Leads: the last status report of every device of the team's members. */
  getTeamDevices(): Promise<TeamDevicesResponse>;
  /** Leads: the audit log of one case of the team ("Protokoll"). */
  getCaseAudit(caseId: string): Promise<CaseAuditResponse>;
  /** Leads: everything stored about one case (Art. 15 export, "Akte exportieren"). */
  getCaseExport(caseId: string): Promise<CaseExport>;
  /** Whether the installation still waits for its set-up (no login needed). */
  setupStatus(): Promise<SetupStatus>;
  /** Sets up an empty installation with the printed code; signs its first person in. */
  setUp(req: SetupRequest): Promise<SessionTokens>;
  /** Redeems an invitation or reset code with a new password; signs the person in. */
  redeemCode(req: RedeemCodeRequest): Promise<SessionTokens>;
  /** The signed-in person changes their own password. */
  changePassword(req: ChangePasswordRequest): Promise<void>;
  /**
   * An authenticated request of another API area (admin-api.ts), answered and
   * refused like every call here; `body` is sent as JSON.
   */
  call<T>(method: ApiMethod, path: string, schema: z.ZodType<T>, body?: unknown): Promise<T>;
  /**
   * Reads the live events until the server ends the stream or the signal aborts
   * (both resolve). Rejects like the other calls: NetworkError when the
   * connection fails, drops or goes quiet for longer than the idle limit,
   * HttpError when the server refuses (401 ...), ProtocolError when the answer
   * is not an event stream.
   */
  liveEvents(options: LiveEventsOptions): Promise<void>;
}

export type ApiMethod = 'GET' | 'POST' | 'PUT' | 'PATCH';

export interface ApiClientOptions {
  /** Default '' = same origin. */
  baseUrl?: string;
  deviceId: string;
  getToken: () => string | null;
  /**
   * Called once when the server answers 401 (not 'revoked') to a request that
   * carried `rejectedToken`: true when getToken now returns a renewed token, and
   * the request is sent once more with it.
   */
  renewToken?: (rejectedToken: string) => Promise<boolean>;
  fetch?: typeof fetch;
  timeoutMs?: number;
  /** See DEFAULT_STREAM_IDLE_MS. */
  streamIdleMs?: number;
}

/** The answer of a call that returns nothing (204). */
export const NoContent = z.unknown();

export function createApiClient(opts: ApiClientOptions): ApiClient {
  const baseUrl = (opts.baseUrl ?? '').replace(/\/+$/, '');
  const timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const streamIdleMs = opts.streamIdleMs ?? DEFAULT_STREAM_IDLE_MS;
  // Resolved per call, so a test (or msw) that swaps globalThis.fetch later is honoured.
  const doFetch: typeof fetch = (input, init) => (opts.fetch ?? globalThis.fetch)(input, init);

  function headersFor(init: HeadersInit | undefined, accept: string): Headers {
    const headers = new Headers(init);
    headers.set(PROTOCOL_HEADER, String(PROTOCOL_VERSION));
    headers.set(DEVICE_HEADER, opts.deviceId);
    headers.set('accept', accept);
    const token = opts.getToken();
    if (token) headers.set('authorization', `Bearer ${token}`);
    return headers;
  }

  async function request<T>(path: string, schema: z.ZodType<T>, init: RequestInit): Promise<T> {
    const sentToken = opts.getToken();
    try {
      return await requestOnce(path, schema, init);
    } catch (error) {
      if (!isLoginExpired(error) || !sentToken || !opts.renewToken || !(await opts.renewToken(sentToken)))
        throw error;
      return requestOnce(path, schema, init);
    }
  }

  async function requestOnce<T>(path: string, schema: z.ZodType<T>, init: RequestInit): Promise<T> {
    const headers = headersFor(init.headers, 'application/json');

    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), timeoutMs);
    try {
      let response: Response;
      let text: string;
      try {
        response = await doFetch(`${baseUrl}${path}`, { ...init, headers, signal: controller.signal });
        // Reading the body belongs to the network part: a connection can drop mid-body.
        text = await response.text();
      } catch (cause) {
        const unreachable: Message = controller.signal.aborted
          ? { key: 'serverTimedOut', params: { ms: timeoutMs } }
          : { key: 'serverUnreachable', params: {} };
        throw new NetworkError(unreachable, { cause });
      }
      const json = parseJson(text);
      if (!response.ok) throw httpErrorOf(response.status, json);
      const parsed = schema.safeParse(json);
      if (!parsed.success) {
        throw new ProtocolError({ key: 'unexpectedAnswer', params: { path } }, { cause: parsed.error });
      }
      return parsed.data;
    } finally {
      clearTimeout(timer);
    }
  }

  function postJson(body: unknown): RequestInit {
    return sendJson('POST', body);
  }

  function sendJson(method: ApiMethod, body: unknown): RequestInit {
    return { method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) };
  }

  async function liveEvents({ signal, onEvent, onOpen, onRetryHint }: LiveEventsOptions): Promise<void> {
    if (signal.aborted) return;
    const controller = new AbortController();
    const close = () => controller.abort();
    signal.addEventListener('abort', close, { once: true });
    // Until the answer's headers (and a refusal's body) are in; event-stream.ts then watches the silence between chunks.
    let headersTimedOut = false;
    const timer = setTimeout(() => {
      headersTimedOut = true;
      close();
    }, timeoutMs);
    /** The connection broke (quietForMs null) or sent nothing for quietForMs. */
    const lost = (quietForMs: number | null, cause: unknown) => {
      const reason: Message =
        quietForMs === null
          ? { key: 'liveConnectionDropped', params: {} }
          : { key: 'liveConnectionQuiet', params: { ms: quietForMs } };
      return new NetworkError(reason, { cause });
    };
    try {
      let response: Response;
      try {
        response = await doFetch(`${baseUrl}${API_PATHS.events}`, {
          method: 'GET',
          headers: headersFor(undefined, 'text/event-stream'),
          signal: controller.signal,
        });
      } catch (cause) {
        if (signal.aborted) return;
        throw lost(headersTimedOut ? timeoutMs : null, cause);
      }
      if (!response.ok) {
        const text = await response.text().catch(() => '');
        throw httpErrorOf(response.status, parseJson(text));
      }
      const contentType = response.headers.get('content-type') ?? '';
      if (!contentType.startsWith('text/event-stream') || !response.body) {
        void response.body?.cancel().catch(() => {});
        const path = API_PATHS.events;
        throw new ProtocolError(
          contentType
            ? { key: 'unexpectedContent', params: { path, contentType } }
            : { key: 'unexpectedNoContent', params: { path } },
        );
      }
      clearTimeout(timer);
      onOpen?.();
      try {
        await readEventStream(response.body, {
          signal,
          idleMs: streamIdleMs,
          onMessage(message) {
            const event = LiveEvent.safeParse(parseJson(message.data));
            if (event.success) onEvent(event.data);
          },
          onRetry: onRetryHint,
        });
      } catch (error) {
        if (!(error instanceof StreamInterrupted)) throw error;
        throw lost(error.quietForMs, error.cause);
      }
    } finally {
      clearTimeout(timer);
      signal.removeEventListener('abort', close);
      close();
    }
  }

  return {
    login: (req) => requestOnce(API_PATHS.login, SessionTokens, postJson(req)),
    refresh: (refreshToken) => requestOnce(API_PATHS.refresh, SessionTokens, postJson({ refreshToken })),
    logout: async () => {
      await request(API_PATHS.logout, NoContent, { method: 'POST' });
    },
    push: (req) => request(API_PATHS.push, PushResponse, postJson(req)),
    pull: ({ cursor, limit }) => {
      const query = new URLSearchParams({ cursor });
      if (limit !== undefined) query.set('limit', String(limit));
      return request(`${API_PATHS.pull}?${query}`, PullResponse, { method: 'GET' });
    },
    reportDeviceStatus: async (report) => {
      await request(API_PATHS.deviceStatus, NoContent, postJson(report));
    },
    deviceRevocation: () => requestOnce(API_PATHS.deviceRevocation, DeviceRevocation, { method: 'GET' }),
    getTeamDevices: () => request(API_PATHS.teamDevices, TeamDevicesResponse, { method: 'GET' }),
    getCaseAudit: (caseId) => request(caseAuditPath(caseId), CaseAuditResponse, { method: 'GET' }),
    getCaseExport: (caseId) => request(caseExportPath(caseId), CaseExport, { method: 'GET' }),
    setupStatus: () => requestOnce(API_PATHS.setup, SetupStatus, { method: 'GET' }),
    setUp: (req) => requestOnce(API_PATHS.setup, SessionTokens, postJson(req)),
    redeemCode: (req) => requestOnce(API_PATHS.invitation, SessionTokens, postJson(req)),
    changePassword: async (req) => {
      await request(API_PATHS.password, NoContent, postJson(req));
    },
    call: (method, path, schema, body) =>
      request(path, schema, body === undefined ? { method } : sendJson(method, body)),
    liveEvents,
  };
}

/** The server refused because a lead revoked this device or user: the device wipes its data. */
export function isRevoked(error: unknown): boolean {
  return error instanceof HttpError && error.status === 401 && error.body?.error.code === 'revoked';
}

/** The server no longer accepts the token (expired, used up, logged out), but nothing was revoked. */
export function isLoginExpired(error: unknown): boolean {
  return error instanceof HttpError && error.status === 401 && !isRevoked(error);
}

function httpErrorOf(status: number, json: unknown): HttpError {
  const body = ApiError.safeParse(json);
  return new HttpError(status, body.success ? body.data : null);
}

function parseJson(text: string): unknown {
  if (text === '') return null;
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
