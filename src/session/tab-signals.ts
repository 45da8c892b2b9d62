// What one tab tells the others of the same app about a user's session: locked
// (every tab drops the key, not just the one that was idle) and wiped (signed
// out or revoked: the database is gone, the other tabs leave it too).

export type TabSignal =
  | { type: 'locked'; userId: string }
  /** `revoked`: the tab that met the 401 tells the others, so each says why. */
  | { type: 'wiped'; userId: string; revoked: boolean };

const CHANNEL = 'feldakte-session';

/** Listens for the other tabs' signals; the returned function stops listening and sends nothing more. */
export function connectTabSignals(onSignal: (signal: TabSignal) => void): {
  send(signal: TabSignal): void;
  close(): void;
} {
  if (typeof BroadcastChannel === 'undefined') return { send() {}, close() {} };
  const channel = new BroadcastChannel(CHANNEL);
  channel.onmessage = (event: MessageEvent<TabSignal>) => onSignal(event.data);
  return {
    send: (signal) => channel.postMessage(signal),
    close: () => channel.close(),
  };
}
