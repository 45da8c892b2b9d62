// navigator.locks as the engine uses it: request(name, [options,] callback) runs
// callbacks of the same name one after another, like exclusive Web Locks shared by
// all tabs; options.signal gives up waiting (the request rejects with AbortError).
export class FakeLocks {
  held = 0;
  maxHeld = 0;
  /** Requests queued behind a held lock of the same name, not yet running. */
  waiting = 0;
  /** Names whose lock is held right now. */
  readonly holding = new Set<string>();
  private readonly queues = new Map<string, Promise<unknown>>();

  request(
    name: string,
    optionsOrCallback: { signal?: AbortSignal } | (() => Promise<unknown>),
    maybeCallback?: () => Promise<unknown>,
  ): Promise<unknown> {
    const callback = typeof optionsOrCallback === 'function' ? optionsOrCallback : maybeCallback;
    const signal = typeof optionsOrCallback === 'function' ? undefined : optionsOrCallback.signal;
    if (!callback) throw new TypeError('no callback');
    const before = this.queues.get(name) ?? Promise.resolve();
    this.waiting += 1;
    const run = before.then(async () => {
      this.waiting -= 1;
      if (signal?.aborted) throw new DOMException('gave up waiting', 'AbortError');
      this.held += 1;
      this.maxHeld = Math.max(this.maxHeld, this.held);
      this.holding.add(name);
      try {
        return await callback();
      } finally {
        this.held -= 1;
        this.holding.delete(name);
      }
    });
    this.queues.set(
      name,
      run.catch(() => {}),
    );
    if (!signal) return run;
    // Like the real API: an abort while waiting rejects at once.
    return Promise.race([
      run,
      new Promise((_, reject) => {
        signal.addEventListener('abort', () => reject(new DOMException('gave up waiting', 'AbortError')), {
          once: true,
        });
      }),
    ]);
  }
}
