// Reading the body of a text/event-stream (server-sent events) as it arrives.
// EventSource cannot send the Bearer header, so the live events are fetched and
// their body read here; eventsource-parser does the parsing the HTML standard
// describes (line ends, comments, multi-line data, `retry:`).
//
// Chunks arrive wherever the network splits them: the decoder keeps the bytes of
// a multi-byte character cut in two for the next chunk (and drops a leading byte
// order mark), the parser keeps a cut line. A connection can also go quiet
// without ever failing (a phone that changed networks), so a stream that sends
// nothing for `idleMs` counts as broken.
import { createParser } from 'eventsource-parser';

export interface StreamMessage {
  /** The `event:` field; 'message' when the event named none. */
  event: string;
  data: string;
}

export interface EventStreamReading {
  /** Stops reading; readEventStream then resolves. */
  signal: AbortSignal;
  /** Longest silence between chunks before the stream counts as broken. */
  idleMs: number;
  onMessage(message: StreamMessage): void;
  /** The server's `retry:` field: how long to wait before reconnecting, in ms. */
  onRetry?(ms: number): void;
}

/** The stream failed, or sent nothing for `quietForMs` (null: it failed). */
export class StreamInterrupted extends Error {
  readonly quietForMs: number | null;

  constructor(quietForMs: number | null, options?: { cause?: unknown }) {
    super(quietForMs === null ? 'event stream failed' : `event stream quiet for ${quietForMs} ms`, options);
    this.name = 'StreamInterrupted';
    this.quietForMs = quietForMs;
  }
}

/**
 * Reads `body` until it ends or `signal` aborts (both resolve); rejects with
 * StreamInterrupted when it breaks or goes quiet. An event whose closing empty
 * line never came is dropped, as the standard says.
 */
export async function readEventStream(
  body: ReadableStream<Uint8Array>,
  { signal, idleMs, onMessage, onRetry }: EventStreamReading,
): Promise<void> {
  const reader = body.getReader();
  // Cancelling ends a pending read(), also of bodies that ignore the fetch's abort (mocked fetches).
  const cancel = () => {
    reader.cancel().catch(() => {});
  };
  signal.addEventListener('abort', cancel, { once: true });
  const decoder = new TextDecoder('utf-8');
  const parser = createParser({
    onEvent: ({ event, data }) => onMessage({ event: event ?? 'message', data }),
    onRetry,
  });
  let timer: ReturnType<typeof setTimeout> | undefined;
  let quiet = false;
  try {
    if (signal.aborted) return;
    for (;;) {
      timer = setTimeout(() => {
        quiet = true;
        cancel();
      }, idleMs);
      let chunk: ReadableStreamReadResult<Uint8Array>;
      try {
        chunk = await reader.read();
      } catch (cause) {
        if (signal.aborted) return;
        throw new StreamInterrupted(quiet ? idleMs : null, { cause });
      } finally {
        clearTimeout(timer);
      }
      if (quiet) throw new StreamInterrupted(idleMs);
      if (signal.aborted) return;
      if (chunk.done) return;
      parser.feed(decoder.decode(chunk.value, { stream: true }));
    }
  } finally {
    clearTimeout(timer);
    signal.removeEventListener('abort', cancel);
    cancel();
  }
}
