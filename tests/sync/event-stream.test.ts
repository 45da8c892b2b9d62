// The text/event-stream reader on its own: whatever way the network cuts the
// bytes, the same events come out; a stream that breaks or goes quiet is told
// apart from one that ends or is stopped.
import { describe, expect, it } from 'vitest';
import { readEventStream, StreamInterrupted, type StreamMessage } from '../../src/sync/event-stream';

const encoder = new TextEncoder();

/** A body that hands out `chunks` one by one, then ends (or stays open). */
function bodyOf(chunks: readonly (string | Uint8Array)[], { stayOpen = false } = {}) {
  let next = 0;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      const chunk = chunks[next++];
      if (chunk !== undefined) controller.enqueue(typeof chunk === 'string' ? encoder.encode(chunk) : chunk);
      else if (!stayOpen) controller.close();
    },
  });
}

async function read(
  body: ReadableStream<Uint8Array>,
  { idleMs = 60_000, signal = new AbortController().signal } = {},
) {
  const messages: StreamMessage[] = [];
  const retries: number[] = [];
  await readEventStream(body, {
    signal,
    idleMs,
    onMessage: (message) => messages.push(message),
    onRetry: (ms) => retries.push(ms),
  });
  return { messages, retries };
}

const parse = (chunks: readonly (string | Uint8Array)[]) => read(bodyOf(chunks));

/** Every way of cutting `text` into two pieces. */
function everySplit(text: string): string[][] {
  return Array.from({ length: text.length + 1 }, (_, i) => [text.slice(0, i), text.slice(i)]);
}

const stream =
  'retry: 5000\r\n\r\n' +
  ': keep-alive\r\n\r\n' +
  'event: changes\r\ndata: {"type":"changes"}\r\n\r\n' +
  'event: concern\ndata: {"type":"concern",\ndata:  "x":1}\n\n' +
  'id: 7\rdata: ohne Namen\r\r' +
  ': keep-alive\n\n';

const expected = [
  { event: 'changes', data: '{"type":"changes"}' },
  { event: 'concern', data: '{"type":"concern",\n "x":1}' },
  { event: 'message', data: 'ohne Namen' },
];

describe('event stream reader', () => {
  it('reads events, comments and retry in one piece', async () => {
    expect(await parse([stream])).toEqual({ messages: expected, retries: [5000] });
  });

  it('reads the same whatever the split: mid-line, mid-field, between CR and LF', async () => {
    for (const pieces of everySplit(stream)) {
      expect((await parse(pieces)).messages).toEqual(expected);
    }
  });

  it('reads the same one character at a time', async () => {
    expect((await parse([...stream])).messages).toEqual(expected);
  });

  it('keeps a multi-byte character that the network cut in two', async () => {
    const bytes = encoder.encode('data: Fürsorge § 8a – Kindeswohl\n\n');
    const cut = bytes.indexOf(0xc3) + 1; // inside the two bytes of "ü"
    const { messages } = await parse([bytes.slice(0, cut), bytes.slice(cut)]);
    expect(messages.map((m) => m.data)).toEqual(['Fürsorge § 8a – Kindeswohl']);
  });

  it('skips a byte order mark, comment-only and data-less events', async () => {
    const { messages } = await parse(['\uFEFFevent: changes\n\n: nur ein Kommentar\n\ndata: a\n\n']);
    expect(messages).toEqual([{ event: 'message', data: 'a' }]);
  });

  it('takes the space after the colon away once, and a field without a colon as empty', async () => {
    const { messages } = await parse(['data:  zwei Leerzeichen\ndata\ndata:ohne\n\n']);
    expect(messages.map((m) => m.data)).toEqual([' zwei Leerzeichen\n\nohne']);
  });

  it('drops an event the stream ended before its closing empty line', async () => {
    const { messages } = await parse(['data: fertig\n\ndata: abgeschnitten\n']);
    expect(messages.map((m) => m.data)).toEqual(['fertig']);
  });

  it('ignores a retry that is not a number and fields it does not know', async () => {
    const { messages, retries } = await parse(['retry: bald\nfoo: bar\nretry: 250\ndata: x\n\n']);
    expect(retries).toEqual([250]);
    expect(messages).toHaveLength(1);
  });

  it('ends quietly when stopped, also while the stream sends nothing', async () => {
    const controller = new AbortController();
    const messages: StreamMessage[] = [];
    const reading = readEventStream(bodyOf(['data: eins\n\n'], { stayOpen: true }), {
      signal: controller.signal,
      idleMs: 60_000,
      onMessage(message) {
        messages.push(message);
        controller.abort();
      },
    });
    await expect(reading).resolves.toBeUndefined();
    expect(messages.map((m) => m.data)).toEqual(['eins']);
  });

  it('reports a stream that breaks, and one that goes quiet, as interrupted', async () => {
    const reset = new TypeError('connection reset');
    const broken = new ReadableStream<Uint8Array>({
      pull: (controller) => controller.error(reset),
    });
    const failed = await read(broken).catch((error: unknown) => error);
    expect(failed).toBeInstanceOf(StreamInterrupted);
    expect(failed).toMatchObject({ quietForMs: null, cause: reset });

    const quiet = await read(bodyOf([': keep-alive\n\n'], { stayOpen: true }), { idleMs: 20 }).catch(
      (error: unknown) => error,
    );
    expect(quiet).toBeInstanceOf(StreamInterrupted);
    expect(quiet).toMatchObject({ quietForMs: 20 });
  });
});
