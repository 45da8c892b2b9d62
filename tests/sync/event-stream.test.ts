// The text/event-stream parser on its own: whatever way the network cuts the
// bytes, the same events come out.
import { describe, expect, it } from 'vitest';
import { createEventStreamParser, type StreamMessage } from '../../src/sync/event-stream';

function parse(chunks: readonly (string | Uint8Array)[]) {
  const messages: StreamMessage[] = [];
  const retries: number[] = [];
  const parser = createEventStreamParser({
    onMessage: (message) => messages.push(message),
    onRetry: (ms) => retries.push(ms),
  });
  for (const chunk of chunks) parser.push(chunk);
  parser.end();
  return { messages, retries };
}

/** Every way of cutting `text` into two pieces. */
function everySplit(text: string): string[][] {
  return Array.from({ length: text.length + 1 }, (_, i) => [text.slice(0, i), text.slice(i)]);
}

const stream =
  'retry: 5000\r\n\r\n' +
  ': keep-alive\r\n\r\n' +
  'event: changes\r\ndata: {"type":"changes"}\r\n\r\n' +
  'event: concern\ndata: {"type":"concern",\ndata:  "x":1}\n\n' +
  'id: 7\rdata: ohne Namen\r\r';

const expected = [
  { event: 'changes', data: '{"type":"changes"}', lastEventId: '' },
  { event: 'concern', data: '{"type":"concern",\n "x":1}', lastEventId: '' },
  { event: 'message', data: 'ohne Namen', lastEventId: '7' },
];

describe('event stream parser', () => {
  it('reads events, comments and retry in one piece', () => {
    expect(parse([stream])).toEqual({ messages: expected, retries: [5000] });
  });

  it('reads the same whatever the split: mid-line, mid-field, between CR and LF', () => {
    for (const pieces of everySplit(stream)) {
      expect(parse(pieces).messages).toEqual(expected);
    }
  });

  it('reads the same one character at a time', () => {
    expect(parse([...stream]).messages).toEqual(expected);
  });

  it('keeps a multi-byte character that the network cut in two', () => {
    const bytes = new TextEncoder().encode('data: Fürsorge § 8a – Kindeswohl\n\n');
    const cut = bytes.indexOf(0xc3) + 1; // inside the two bytes of "ü"
    const { messages } = parse([bytes.slice(0, cut), bytes.slice(cut)]);
    expect(messages.map((m) => m.data)).toEqual(['Fürsorge § 8a – Kindeswohl']);
  });

  it('skips a byte order mark, comment-only and data-less events', () => {
    const { messages } = parse(['\uFEFFevent: changes\n\n: nur ein Kommentar\n\ndata: a\n\n']);
    expect(messages).toEqual([{ event: 'message', data: 'a', lastEventId: '' }]);
  });

  it('takes the space after the colon away once, and a field without a colon as empty', () => {
    const { messages } = parse(['data:  zwei Leerzeichen\ndata\ndata:ohne\n\n']);
    expect(messages.map((m) => m.data)).toEqual([' zwei Leerzeichen\n\nohne']);
  });

  it('drops an event the stream ended before its closing empty line', () => {
    const { messages } = parse(['data: fertig\n\ndata: abgeschnitten\n']);
    expect(messages.map((m) => m.data)).toEqual(['fertig']);
  });

  it('ignores a retry that is not a number and fields it does not know', () => {
    const { messages, retries } = parse(['retry: bald\nfoo: bar\nretry: 250\ndata: x\n\n']);
    expect(retries).toEqual([250]);
    expect(messages).toHaveLength(1);
  });
});
