// The live connection as a trigger of runs: while it is allowed, the engine
// keeps it open (live-events.ts: one per browser, in the tab holding its Web
// Lock); a `changes` or `concern` event asks for a run at once (coalesced with a
// running one by the single-flight). A 401 on the stream ends it and asks for a
// run, whose 401 starts the re-login flow; the stream comes back with the first
// run that succeeds after it.
import type { ApiClient } from './api-client';
import { startLiveEvents } from './live-events';
import type { StatusStore } from './status-store';

export interface LiveTriggerOptions {
  api: ApiClient;
  /** Web Lock name: one connection per user and browser. */
  lockName: string;
  store: StatusStore;
  /** Asks for a run (an event came, or the stream was refused or came back). */
  requestRun(): void;
  /** For tests: the jitter of live reconnects, a number in [0, 1). */
  random?: () => number;
}

export interface LiveTrigger {
  /** Opens the connection while `allowed` (and the server has not refused it), else closes it. */
  update(allowed: boolean): void;
  /** A run succeeded: the server accepts this device again (renewed token, re-login, app update). */
  serverAccepts(): void;
}

export function createLiveTrigger({
  api,
  lockName,
  store,
  requestRun,
  random,
}: LiveTriggerOptions): LiveTrigger {
  let stopLive: (() => void) | null = null;
  /** The server refused the stream (401/426); set until a run succeeds after it. */
  let refused = false;

  return {
    update(allowed) {
      const wanted = allowed && !refused;
      if (wanted && !stopLive) {
        stopLive = startLiveEvents({
          api,
          lockName,
          random,
          onEvent: (event) => {
            if (event.type === 'changes' || event.type === 'concern') requestRun();
          },
          onStatus: (live) => store.update({ live }),
          // Events sent while the stream was down are lost: catch up.
          onReconnected: requestRun,
          onRefused: () => {
            refused = true;
            stopLive = null;
            // The run meets the same 401 and starts the re-login flow.
            requestRun();
          },
        });
      } else if (!wanted && stopLive) {
        stopLive();
        stopLive = null;
      }
    },
    serverAccepts() {
      refused = false;
    },
  };
}
