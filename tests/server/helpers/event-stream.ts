// Reads GET /api/events of a listening server the way the app does: fetch with
// the Bearer header, the body read as it arrives and split into SSE messages.
import { LiveEvent } from '../../../src/shared/protocol';

export interface EventStream {
  status: number;
  contentType: string | null;
  /** The events received so far, in order. */
  events: LiveEvent[];
  /** Comment lines received so far (keep-alive). */
  comments: string[];
  /** Every reconnection delay the server set (`retry:`), in ms. */
  retries: number[];
  /** Resolves with the first event (from the start) that matches; rejects after `timeoutMs`. */
  waitFor(match: (event: LiveEvent) => boolean, timeoutMs?: number): Promise<LiveEvent>;
  /** Resolves once `check` holds after something arrived; rejects after `timeoutMs`. */
  waitUntil(check: () => boolean, timeoutMs?: number): Promise<void>;
  /** Resolves when the server ended the stream. */
  ended: Promise<void>;
  close(): void;
}

export async function openEventStream(
  baseUrl: string,
  token: string,
  headers: Record<string, string> = {},
): Promise<EventStream> {
  const abort = new AbortController();
  const response = await fetch(`${baseUrl}/api/events`, {
    headers: { authorization: `Bearer ${token}`, ...headers },
    signal: abort.signal,
  });
  const events: LiveEvent[] = [];
  const comments: string[] = [];
  const retries: number[] = [];
  let notify: () => void = () => {};

  function take(message: string): void {
    let name = '';
    let data = '';
    for (const line of message.split('\n')) {
      if (line.startsWith(':')) {
        comments.push(line.slice(1).trim());
        notify();
      } else if (line.startsWith('retry: ')) retries.push(Number(line.slice(7)));
      else if (line.startsWith('event: ')) name = line.slice(7);
      else if (line.startsWith('data: ')) data += line.slice(6);
    }
    if (!data) return;
    const event = LiveEvent.parse(JSON.parse(data));
    if (event.type !== name) throw new Error(`event name ${name} does not match ${event.type}`);
    events.push(event);
    notify();
  }

  const ended = (async () => {
    if (!response.body) return;
    const reader = response.body.getReader();
    const decoder = new TextDecoder();
    let buffer = '';
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) return;
        buffer += decoder.decode(value, { stream: true });
        for (let end = buffer.indexOf('\n\n'); end !== -1; end = buffer.indexOf('\n\n')) {
          take(buffer.slice(0, end));
          buffer = buffer.slice(end + 2);
        }
      }
    } catch (error) {
      if (!abort.signal.aborted) throw error;
    }
  })();
  ended.catch(() => {});

  const stream: EventStream = {
    status: response.status,
    contentType: response.headers.get('content-type'),
    events,
    comments,
    retries,
    ended,
    waitUntil(check, timeoutMs = 5000) {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          reject(new Error(`not within ${timeoutMs} ms; got ${JSON.stringify({ events, comments })}`));
        }, timeoutMs);
        const test = () => {
          if (!check()) return;
          clearTimeout(timer);
          resolve();
        };
        const previous = notify;
        notify = () => {
          previous();
          test();
        };
        test();
      });
    },
    async waitFor(match, timeoutMs = 5000) {
      await stream.waitUntil(() => events.some(match), timeoutMs);
      const found = events.find(match);
      if (!found) throw new Error('matching event vanished');
      return found;
    },
    close() {
      abort.abort();
    },
  };
  return stream;
}
