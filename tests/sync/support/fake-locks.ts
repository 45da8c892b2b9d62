// navigator.locks as the engine uses it: request(name, callback) runs callbacks of
// the same name one after another, like exclusive Web Locks shared by all tabs.
export class FakeLocks {
  held = 0;
  maxHeld = 0;
  private readonly queues = new Map<string, Promise<unknown>>();

  request(name: string, callback: () => Promise<unknown>): Promise<unknown> {
    const before = this.queues.get(name) ?? Promise.resolve();
    const run = before.then(async () => {
      this.held += 1;
      this.maxHeld = Math.max(this.maxHeld, this.held);
      try {
        return await callback();
      } finally {
        this.held -= 1;
      }
    });
    this.queues.set(
      name,
      run.catch(() => {}),
    );
    return run;
  }
}
