// The device's HTTP client for the sync protocol. Every answer is validated with
// the shared zod schemas, and every failure is sorted into one of three kinds the
// engine reacts to differently: NetworkError (try again later, we are offline),
// HttpError (the server answered and said no), ProtocolError (the server answered
// something this app does not understand).
import type { z } from 'zod';
import {
  ApiError,
  DEVICE_HEADER,
  type LoginRequest,
  LoginResponse,
  PROTOCOL_HEADER,
  PROTOCOL_VERSION,
  PullResponse,
  type PushRequest,
  PushResponse,
} from '../shared/protocol';

/** Routes of the sync protocol on the server (relative to baseUrl). */
export const API_PATHS = {
  login: '/api/auth/login',
  push: '/api/sync/push',
  pull: '/api/sync/pull',
} as const;

export const DEFAULT_TIMEOUT_MS = 30_000;

/** The request never got a complete answer: no connection, timed out, or the response was dropped. */
export class NetworkError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'NetworkError';
  }
}

/** The server answered with a non-2xx status; `body` is its error description when it sent one. */
export class HttpError extends Error {
  readonly status: number;
  readonly body: ApiError | null;

  constructor(status: number, body: ApiError | null) {
    super(body?.error.message ?? `HTTP ${status}`);
    this.name = 'HttpError';
    this.status = status;
    this.body = body;
  }
}

/** The server answered 2xx with something that does not match the protocol. */
export class ProtocolError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'ProtocolError';
  }
}

export interface ApiClient {
  login(req: LoginRequest): Promise<LoginResponse>;
  push(req: PushRequest): Promise<PushResponse>;
  pull(query: { cursor: string; limit?: number }): Promise<PullResponse>;
}

export interface ApiClientOptions {
  /** Default '' = same origin. */
  baseUrl?: string;
  deviceId: string;
  getToken: () => string | null;
  fetch?: typeof fetch;
  timeoutMs?: number;
}

export function createApiClient(opts: ApiClientOptions): ApiClient {
  const baseUrl = (opts.baseUrl ?? '').replace(/\/+$/, '');
  const timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  // Resolved per call, so a test (or msw) that swaps globalThis.fetch later is honoured.
  const doFetch: typeof fetch = (input, init) => (opts.fetch ?? globalThis.fetch)(input, init);

  async function request<T>(path: string, schema: z.ZodType<T>, init: RequestInit): Promise<T> {
    const headers = new Headers(init.headers);
    headers.set(PROTOCOL_HEADER, String(PROTOCOL_VERSION));
    headers.set(DEVICE_HEADER, opts.deviceId);
    headers.set('accept', 'application/json');
    const token = opts.getToken();
    if (token) headers.set('authorization', `Bearer ${token}`);

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
        const reason = controller.signal.aborted ? `keine Antwort nach ${timeoutMs} ms` : 'keine Verbindung';
        throw new NetworkError(`Server nicht erreichbar (${reason})`, { cause });
      }
      const json = parseJson(text);
      if (!response.ok) {
        const body = ApiError.safeParse(json);
        throw new HttpError(response.status, body.success ? body.data : null);
      }
      const parsed = schema.safeParse(json);
      if (!parsed.success) {
        throw new ProtocolError(`Unerwartete Antwort von ${path}`, { cause: parsed.error });
      }
      return parsed.data;
    } finally {
      clearTimeout(timer);
    }
  }

  function postJson(body: unknown): RequestInit {
    return { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) };
  }

  return {
    login: (req) => request(API_PATHS.login, LoginResponse, postJson(req)),
    push: (req) => request(API_PATHS.push, PushResponse, postJson(req)),
    pull: ({ cursor, limit }) => {
      const query = new URLSearchParams({ cursor });
      if (limit !== undefined) query.set('limit', String(limit));
      return request(`${API_PATHS.pull}?${query}`, PullResponse, { method: 'GET' });
    },
  };
}

function parseJson(text: string): unknown {
  if (text === '') return null;
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
