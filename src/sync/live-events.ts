// The live connection (GET /api/events): while it is open, the server says when
// something this user may see changed, and the engine pulls at once instead of
// waiting for the next minute's run. It carries no data itself; missing an event
// costs at most the interval, so every failure here is quiet and retried.
//
// One connection per browser, not per tab: only the tab holding the Web Lock
// "feldakte-live:<db>" connects; the others wait in the lock's queue and the
// next of them takes over when that tab closes. Every tab still sees the pulled
// records at once (Dexie's live queries follow writes of other tabs), so a
// second connection would add nothing but load, and each open stream occupies
// one of the browser's few HTTP/1.1 connections per server (six in Chromium),
// which several tabs' streams could use up, leaving none for the sync requests.
//
// Reconnects wait with exponential backoff and jitter: about 1 s after a stream
// that was open drops, doubling with every failed attempt up to 30 s, never less
// than the server's `retry:`; the jitter keeps a team's devices from all
// reconnecting in the same second after a server restart. 401 ends the loop:
// the engine's own run finds the expired session and the re-login flow takes over.

import type { LiveEvent } from '../shared/protocol';
import type { ApiClient } from './api-client';
import { HttpError } from './api-client';
import { whileHoldingLock } from './environment';

const LIVE_RETRY_MIN_MS = 1_000;
const LIVE_RETRY_MAX_MS = 30_000;

/** off: not wanted (stopped, offline, signed out); otherTab: another tab of this browser holds the connection. */
export type LiveStatus = 'off' | 'otherTab' | 'connecting' | 'open';

export interface LiveEventsLoopOptions {
  api: ApiClient;
  /** Web Lock name: one connection per user and browser. */
  lockName: string;
  onEvent(event: LiveEvent): void;
  onStatus(status: LiveStatus): void;
  /** The stream opened again after it had been open before (events may have been missed meanwhile). */
  onReconnected(): void;
  /** The server refused the stream (401, 426): the loop has ended. */
  onRefused(error: HttpError): void;
  /** For tests: a number in [0, 1). */
  random?: () => number;
}

/** The delay before reconnect attempt `failures` (1, 2, ...). */
function reconnectDelay(failures: number, retryHintMs: number | null, random: () => number): number {
  const exponential = LIVE_RETRY_MIN_MS * 2 ** Math.max(0, failures - 1);
  const capped = Math.min(LIVE_RETRY_MAX_MS, Math.max(exponential, retryHintMs ?? 0));
  // Between half and all of it.
  return Math.round(capped * (0.5 + random() / 2));
}

/** Starts the loop; the returned function ends it (and closes the stream). */
export function startLiveEvents(options: LiveEventsLoopOptions): () => void {
  const { api, onEvent, onStatus } = options;
  const random = options.random ?? Math.random;
  const controller = new AbortController();
  const { signal } = controller;

  async function connectUntilStopped(): Promise<void> {
    let failures = 0;
    let retryHint: number | null = null;
    let wasOpen = false;
    while (!signal.aborted) {
      onStatus('connecting');
      let opened = false;
      try {
        await api.liveEvents({
          signal,
          onEvent,
          onOpen() {
            opened = true;
            failures = 0;
            onStatus('open');
            if (wasOpen) options.onReconnected();
            wasOpen = true;
          },
          onRetryHint(ms) {
            retryHint = ms;
          },
        });
      } catch (error) {
        if (error instanceof HttpError && (error.status === 401 || error.status === 426)) {
          onStatus('off');
          options.onRefused(error);
          return;
        }
        // Anything else (no connection, dropped, quiet too long, a server error): try again later.
      }
      if (signal.aborted) break;
      onStatus('connecting');
      failures = opened ? 1 : failures + 1;
      await sleep(reconnectDelay(failures, retryHint, random), signal);
    }
  }

  onStatus('otherTab');
  void whileHoldingLock(options.lockName, signal, connectUntilStopped)
    .catch(() => {})
    .finally(() => {
      if (signal.aborted) onStatus('off');
    });

  return () => {
    if (signal.aborted) return;
    controller.abort();
    onStatus('off');
  };
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
    function done() {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
  });
}
