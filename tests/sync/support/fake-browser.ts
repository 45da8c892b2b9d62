// Just enough of a browser for the engine: navigator.onLine, the window's
// online/offline events, and (when a test sets them) Web Locks.
import { vi } from 'vitest';
import type { FakeLocks } from './fake-locks';

export class FakeBrowser {
  readonly window = new EventTarget();
  onLine = true;
  locks: FakeLocks | undefined;

  install(): this {
    const browser = this;
    vi.stubGlobal('window', this.window);
    vi.stubGlobal('navigator', {
      get onLine() {
        return browser.onLine;
      },
      get locks() {
        return browser.locks;
      },
    });
    return this;
  }

  goOffline(): void {
    this.onLine = false;
    this.window.dispatchEvent(new Event('offline'));
  }

  goOnline(): void {
    this.onLine = true;
    this.window.dispatchEvent(new Event('online'));
  }
}
