// Reading a text/event-stream (server-sent events) incrementally, as the HTML
// standard's "event stream interpretation" describes it. EventSource cannot send
// the Bearer header, so the live events are read with fetch and parsed here.
//
// Chunks arrive wherever the network splits them: in the middle of a line, of a
// CRLF, or of a multi-byte character (the decoder keeps those bytes for the next
// chunk). Lines end with CRLF, LF or CR; a line starting with ':' is a comment
// (the server's keep-alive); `data:` lines of one event are joined with '\n'; an
// empty line dispatches the event; `retry:` sets the reconnection delay.

export interface StreamMessage {
  /** The `event:` field; 'message' when the event named none. */
  event: string;
  data: string;
  /** The last `id:` seen so far in the stream ('' when none). */
  lastEventId: string;
}

export interface EventStreamHandlers {
  onMessage(message: StreamMessage): void;
  /** The server's `retry:` field: how long to wait before reconnecting, in ms. */
  onRetry?(ms: number): void;
}

export interface EventStreamParser {
  /** Feeds the next bytes (or text) of the stream. */
  push(chunk: Uint8Array | string): void;
  /** The stream ended: an event without its closing empty line is dropped, as the standard says. */
  end(): void;
}

export function createEventStreamParser(handlers: EventStreamHandlers): EventStreamParser {
  const decoder = new TextDecoder('utf-8');
  let buffer = '';
  /** The previous chunk ended in CR: an LF at the start of the next one belongs to the same line end. */
  let afterCR = false;
  let isFirstText = true;
  let eventType = '';
  let data = '';
  let lastEventId = '';

  function dispatch(): void {
    const type = eventType || 'message';
    eventType = '';
    if (data === '') return;
    const joined = data.endsWith('\n') ? data.slice(0, -1) : data;
    data = '';
    handlers.onMessage({ event: type, data: joined, lastEventId });
  }

  function processLine(line: string): void {
    if (line === '') {
      dispatch();
      return;
    }
    if (line.startsWith(':')) return;
    const colon = line.indexOf(':');
    const field = colon === -1 ? line : line.slice(0, colon);
    let value = colon === -1 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    switch (field) {
      case 'event':
        eventType = value;
        break;
      case 'data':
        data += `${value}\n`;
        break;
      case 'id':
        if (!value.includes('\u0000')) lastEventId = value;
        break;
      case 'retry':
        if (/^\d+$/.test(value)) handlers.onRetry?.(Number(value));
        break;
      // Any other field is ignored.
    }
  }

  function feed(text: string): void {
    if (isFirstText && text !== '') {
      isFirstText = false;
      if (text.startsWith('\uFEFF')) text = text.slice(1);
    }
    if (afterCR && text.startsWith('\n')) text = text.slice(1);
    afterCR = false;
    buffer += text;
    let start = 0;
    for (;;) {
      const cr = buffer.indexOf('\r', start);
      const lf = buffer.indexOf('\n', start);
      if (cr === -1 && lf === -1) break;
      const end = cr === -1 ? lf : lf === -1 ? cr : Math.min(cr, lf);
      processLine(buffer.slice(start, end));
      if (buffer[end] === '\r') {
        if (end + 1 === buffer.length) {
          // The LF of a CRLF may be in the next chunk.
          afterCR = true;
          start = end + 1;
          break;
        }
        start = buffer[end + 1] === '\n' ? end + 2 : end + 1;
      } else {
        start = end + 1;
      }
    }
    buffer = buffer.slice(start);
  }

  return {
    push(chunk) {
      feed(typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true }));
    },
    end() {
      feed(decoder.decode());
      buffer = '';
      data = '';
      eventType = '';
    },
  };
}
