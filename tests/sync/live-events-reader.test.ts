// The API client's reader of GET /api/events against msw: the headers it sends,
// events cut anywhere by the network, what it skips, and how the stream ends.
import { HttpResponse, http } from 'msw';
import { describe, expect, it } from 'vitest';
import { DEVICE_HEADER, type LiveEvent } from '../../src/shared/protocol';
import {
  API_PATHS,
  createApiClient,
  HttpError,
  NetworkError,
  ProtocolError,
} from '../../src/sync/api-client';
import { BASE_URL, DEVICE_ID, mswServer, startMswForThisFile } from './support/protocol-harness';

startMswForThisFile();

const EVENTS_URL = `${BASE_URL}${API_PATHS.events}`;
const concern: LiveEvent = {
  type: 'concern',
  noteId: '11111111-1111-4111-8111-111111111111',
  caseId: '22222222-2222-4222-8222-222222222222',
  authorId: '33333333-3333-4333-8333-333333333333',
  at: '2026-03-02T10:15:00.000Z',
};

function client(streamIdleMs?: number) {
  return createApiClient({ baseUrl: BASE_URL, deviceId: DEVICE_ID, getToken: () => 'abc', streamIdleMs });
}

/** A stream that sends `chunks` one after another, then ends (or stays open). */
function streamOf(chunks: readonly string[], { stayOpen = false } = {}) {
  const encoder = new TextEncoder();
  return new ReadableStream<Uint8Array>({
    async start(controller) {
      for (const chunk of chunks) {
        controller.enqueue(encoder.encode(chunk));
        await new Promise((resolve) => setTimeout(resolve, 1));
      }
      if (!stayOpen) controller.close();
    },
  });
}

const sse = (body: ReadableStream<Uint8Array>) =>
  new HttpResponse(body, { headers: { 'content-type': 'text/event-stream; charset=utf-8' } });

async function readAll(options: { streamIdleMs?: number; signal?: AbortSignal } = {}) {
  const events: LiveEvent[] = [];
  const retries: number[] = [];
  let opened = 0;
  await client(options.streamIdleMs).liveEvents({
    signal: options.signal ?? new AbortController().signal,
    onEvent: (event) => events.push(event),
    onOpen: () => {
      opened += 1;
    },
    onRetryHint: (ms) => retries.push(ms),
  });
  return { events, retries, opened };
}

describe('live events reader', () => {
  it('sends the Bearer token and device id, and reads events cut anywhere by the network', async () => {
    let seen: Request | undefined;
    const concernText = `event: concern\r\ndata: ${JSON.stringify(concern)}\r\n\r\n`;
    mswServer.use(
      http.get(EVENTS_URL, ({ request }) => {
        seen = request;
        return sse(
          streamOf([
            'retry: 5000\n\n: keep-',
            'alive\n\nevent: chan',
            'ges\ndata: {"type":',
            '"changes"}\n',
            '\n',
            concernText.slice(0, 40),
            concernText.slice(40, concernText.length - 3),
            concernText.slice(-3),
          ]),
        );
      }),
    );

    const { events, retries, opened } = await readAll();

    expect(seen?.headers.get('authorization')).toBe('Bearer abc');
    expect(seen?.headers.get(DEVICE_HEADER)).toBe(DEVICE_ID);
    expect(seen?.headers.get('accept')).toBe('text/event-stream');
    expect(events).toEqual([{ type: 'changes' }, concern]);
    expect(retries).toEqual([5000]);
    expect(opened).toBe(1);
  });

  it('joins multi-line data and skips events it does not understand', async () => {
    const [first, ...rest] = JSON.stringify(concern, null, 1).split('\n');
    mswServer.use(
      http.get(EVENTS_URL, () =>
        sse(
          streamOf([
            'event: review\ndata: {"type":"review","noteId":"x"}\n\n',
            'data: kein JSON\n\n',
            `event: concern\ndata: ${first}\n${rest.map((line) => `data: ${line}`).join('\n')}\n\n`,
            'data: {"type":"concern","noteId":"nicht-vollständig"}\n\n',
          ]),
        ),
      ),
    );

    expect((await readAll()).events).toEqual([concern]);
  });

  it('ends when the signal aborts, also while the stream is quiet', async () => {
    mswServer.use(
      http.get(EVENTS_URL, () => sse(streamOf(['data: {"type":"changes"}\n\n'], { stayOpen: true }))),
    );
    const controller = new AbortController();
    const events: LiveEvent[] = [];

    const reading = client().liveEvents({
      signal: controller.signal,
      onEvent: (event) => {
        events.push(event);
        controller.abort();
      },
    });

    await expect(reading).resolves.toBeUndefined();
    expect(events).toEqual([{ type: 'changes' }]);
  });

  it('turns a refusal into HttpError and an answer that is no event stream into ProtocolError', async () => {
    mswServer.use(
      http.get(EVENTS_URL, () =>
        HttpResponse.json(
          { error: { code: 'unauthorized', message: 'Anmeldung abgelaufen', field: null } },
          { status: 401 },
        ),
      ),
    );
    const refused = await readAll().catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(HttpError);
    expect(refused).toMatchObject({ status: 401, message: 'Anmeldung abgelaufen' });

    mswServer.use(http.get(EVENTS_URL, () => HttpResponse.json({ type: 'changes' })));
    const unexpected = await readAll().catch((error: unknown) => error);
    expect(unexpected).toBeInstanceOf(ProtocolError);
    expect(unexpected).toMatchObject({
      message: 'Unerwartete Antwort von /api/events: application/json',
      messageKey: 'unexpectedContent',
      params: { path: '/api/events', contentType: 'application/json' },
    });
  });

  it('reports a connection that fails, breaks or goes quiet as NetworkError', async () => {
    mswServer.use(http.get(EVENTS_URL, () => HttpResponse.error()));
    await expect(readAll()).rejects.toBeInstanceOf(NetworkError);

    mswServer.use(
      http.get(EVENTS_URL, () =>
        sse(
          new ReadableStream<Uint8Array>({
            start(controller) {
              controller.enqueue(new TextEncoder().encode('data: {"type":"changes"}\n\n'));
              setTimeout(() => controller.error(new TypeError('connection reset')), 5);
            },
          }),
        ),
      ),
    );
    const events: LiveEvent[] = [];
    const broken = client().liveEvents({
      signal: new AbortController().signal,
      onEvent: (event) => events.push(event),
    });
    await expect(broken).rejects.toBeInstanceOf(NetworkError);
    expect(events).toEqual([{ type: 'changes' }]);

    mswServer.use(http.get(EVENTS_URL, () => sse(streamOf([': keep-alive\n\n'], { stayOpen: true }))));
    const quiet = await readAll({ streamIdleMs: 50 }).catch((error: unknown) => error);
    expect(quiet).toBeInstanceOf(NetworkError);
    expect(quiet).toMatchObject({
      message: 'Live-Verbindung unterbrochen (nichts empfangen seit 50 ms)',
      messageKey: 'liveConnectionQuiet',
      params: { ms: 50 },
    });
  });
});
