// Just enough of a browser for the engine's connectivity logic: navigator.onLine
// and the window's online/offline events.
import { vi } from 'vitest';

export class FakeBrowser {
  readonly window = new EventTarget();
  onLine = true;

  install(): this {
    const browser = this;
    vi.stubGlobal('window', this.window);
    vi.stubGlobal('navigator', {
      get onLine() {
        return browser.onLine;
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
