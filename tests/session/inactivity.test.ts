// The inactivity watch on its own, with an injected clock: input moves the limit, silence reaches it.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { watchInactivity } from '../../src/session/inactivity';

const LIMIT_MS = 60_000;

let clock = 0;
let page: EventTarget & { visibilityState: DocumentVisibilityState };
let idle: ReturnType<typeof vi.fn<() => void>>;
let stop: () => void;

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
  clock = 0;
  page = Object.assign(new EventTarget(), { visibilityState: 'visible' as DocumentVisibilityState });
  idle = vi.fn<() => void>();
  stop = watchInactivity({ limitMs: LIMIT_MS, onIdle: idle, target: page, now: () => clock });
});

afterEach(() => {
  stop();
  vi.useRealTimers();
});

/** Time passes on the injected clock and the page's interval checks run. */
function pass(ms: number): void {
  clock += ms;
  vi.advanceTimersByTime(ms);
}

describe('watchInactivity', () => {
  it('calls onIdle once the limit passed without input, and only once', () => {
    pass(LIMIT_MS - 15_000);
    expect(idle).not.toHaveBeenCalled();
    pass(15_000);
    expect(idle).toHaveBeenCalledOnce();
    pass(5 * LIMIT_MS);
    expect(idle).toHaveBeenCalledOnce();
  });

  it('never calls it while input keeps coming, and a limit after the last input it does', () => {
    for (const type of ['pointerdown', 'keydown', 'wheel', 'touchstart', 'input']) {
      pass(45_000);
      page.dispatchEvent(new Event(type));
    }
    pass(45_000);
    expect(idle).not.toHaveBeenCalled();
    pass(15_000);
    expect(idle).toHaveBeenCalledOnce();
  });

  it('checks when the page becomes visible again, even if its timers were suspended', () => {
    clock += 2 * LIMIT_MS;
    page.visibilityState = 'hidden';
    page.dispatchEvent(new Event('visibilitychange'));
    expect(idle).not.toHaveBeenCalled();
    page.visibilityState = 'visible';
    page.dispatchEvent(new Event('visibilitychange'));
    expect(idle).toHaveBeenCalledOnce();
  });

  it('stops watching when told to', () => {
    stop();
    pass(2 * LIMIT_MS);
    page.dispatchEvent(new Event('visibilitychange'));
    expect(idle).not.toHaveBeenCalled();
  });
});
