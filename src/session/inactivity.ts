// Locks the app after a stretch without input. Time is measured with the clock,
// not with one long timer: a phone put away suspends the page's timers, so the
// check also runs when the page becomes visible again, and the app is locked
// before anything is shown if the limit passed while it was in the pocket.

/** Input that counts as the person still being there. */
const ACTIVITY_EVENTS = ['pointerdown', 'keydown', 'wheel', 'touchstart', 'input'] as const;

/** How often the limit is checked while the page stays visible. */
const INACTIVITY_CHECK_MS = 15_000;

export interface InactivityOptions {
  limitMs: number;
  onIdle(): void;
  /** Where input is listened for, and whose visibility counts (default: document). */
  target?: EventTarget & { visibilityState?: DocumentVisibilityState };
  now?: () => number;
}

/** Calls onIdle once when limitMs passed without input; the returned function stops watching. */
export function watchInactivity(options: InactivityOptions): () => void {
  const { limitMs, onIdle } = options;
  const target = options.target ?? document;
  const now = options.now ?? Date.now;
  let lastActivity = now();
  let done = false;

  const onActivity = () => {
    lastActivity = now();
  };
  const check = () => {
    if (done || now() - lastActivity < limitMs) return;
    stop();
    onIdle();
  };
  const onVisibility = () => {
    if (target.visibilityState !== 'hidden') check();
  };

  for (const type of ACTIVITY_EVENTS)
    target.addEventListener(type, onActivity, { capture: true, passive: true });
  target.addEventListener('visibilitychange', onVisibility);
  const timer = setInterval(check, Math.min(INACTIVITY_CHECK_MS, limitMs));

  function stop() {
    done = true;
    clearInterval(timer);
    for (const type of ACTIVITY_EVENTS) target.removeEventListener(type, onActivity, { capture: true });
    target.removeEventListener('visibilitychange', onVisibility);
  }
  return stop;
}
