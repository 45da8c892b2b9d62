// At most one run at a time. A request while a run is going schedules exactly one
// more run after it (however many requests arrive meanwhile), so a change made
// during a sync is never left waiting for the next timer tick.
export interface SingleFlight {
  /** Resolves when a run that started at or after this call has finished. */
  request(): Promise<void>;
}

/** `run` must not reject: it reports its own failures. */
export function createSingleFlight(run: () => Promise<void>): SingleFlight {
  let current: Promise<void> | null = null;
  let next: Promise<void> | null = null;

  function request(): Promise<void> {
    if (!current) {
      current = run().finally(() => {
        current = null;
      });
      return current;
    }
    if (!next) {
      const startNext = () => {
        next = null;
        return request();
      };
      next = current.then(startNext, startNext);
    }
    return next;
  }

  return { request };
}
