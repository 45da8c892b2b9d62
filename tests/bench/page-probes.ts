// What the bench measures inside the page, so every time is the page's own clock
// (performance.now, origin = the navigation) and not Playwright's round trips.
// Installed as an init script: it runs before the app's code on every page load.
// Marks are set once, on the first animation frame after a DOM change in which
// the screen shows the state (the frame the person would see it in).

export interface BenchMarks {
  /** The login form's "Anmelden" button is there. */
  loginScreen?: number;
  /** The lock screen's "Entsperren" button is there and enabled. */
  lockScreen?: number;
  loginClick?: number;
  unlockClick?: number;
  /** Heute lists at least one visit (data, not the empty state). */
  todayWithData?: number;
  /** Heute with data and the header says "Synchronisiert HH:MM" with nothing pending and no progress bar. */
  syncedAndUsable?: number;
  /** Set by armed timers (save, search). */
  [name: string]: number | undefined;
}

declare global {
  interface Window {
    __bench: {
      marks: BenchMarks;
      /** Runs `test` on every frame with DOM changes until it holds, then marks `name`. */
      watch(name: string, test: () => boolean): void;
    };
  }
}

/** Serialised by Playwright into the page: no closures over module scope. */
export function installProbes(): void {
  const marks: Record<string, number> = {};
  const mark = (name: string) => {
    if (!(name in marks)) marks[name] = performance.now();
  };
  const checks: Array<{ name: string; test: () => boolean }> = [];
  let scheduled = false;
  const runChecks = () => {
    scheduled = false;
    for (const check of [...checks]) {
      if (!check.test()) continue;
      mark(check.name);
      checks.splice(checks.indexOf(check), 1);
    }
  };
  const schedule = () => {
    if (scheduled || checks.length === 0) return;
    scheduled = true;
    requestAnimationFrame(runChecks);
  };
  window.__bench = {
    marks,
    watch(name, test) {
      delete marks[name];
      checks.push({ name, test });
      schedule();
    },
  };
  performance.setResourceTimingBufferSize(5000);

  const button = (label: string) =>
    [...document.querySelectorAll('button')].some(
      (element) => element.textContent?.trim() === label && !element.disabled,
    );
  const todayWithData = () => document.querySelector('section[aria-labelledby="today-visits"] li') !== null;
  const header = () => document.querySelector('header.app-header')?.textContent ?? '';
  window.__bench.watch('loginScreen', () => button('Anmelden'));
  window.__bench.watch('lockScreen', () => button('Entsperren'));
  window.__bench.watch('todayWithData', todayWithData);
  window.__bench.watch('syncedAndUsable', () => {
    if (!todayWithData()) return false;
    const status = header();
    return (
      /Synchronisiert \d{1,2}:\d{2}/.test(status) &&
      !status.includes('nicht synchronisiert') &&
      document.querySelector('[role="progressbar"]') === null
    );
  });

  document.addEventListener(
    'click',
    (event) => {
      const target = (event.target as Element | null)?.closest?.('button');
      const label = target?.textContent?.trim();
      if (label === 'Anmelden') mark('loginClick');
      if (label === 'Entsperren') mark('unlockClick');
    },
    true,
  );
  new MutationObserver(schedule).observe(document, { subtree: true, childList: true, characterData: true });
}

export interface ResourceTiming {
  name: string;
  startTime: number;
  responseEnd: number;
}

/** The page's resource timings, for the requests it made itself (not its service worker's). */
export function resourceTimingsIn(): ResourceTiming[] {
  return performance.getEntriesByType('resource').map((entry) => ({
    name: entry.name,
    startTime: entry.startTime,
    responseEnd: (entry as PerformanceResourceTiming).responseEnd,
  }));
}

/**
 * The raw IndexedDB floor: the same records written into a fresh database with
 * one object store per entity (keyPath id, no indexes, no encryption), one
 * read-write transaction per batch as the pull does. Returns milliseconds.
 */
export async function writeRawFloor(input: {
  name: string;
  entities: string[];
  batches: Array<Array<{ entity: string; record: { id: string } }>>;
}): Promise<number> {
  const started = performance.now();
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open(input.name, 1);
    request.onupgradeneeded = () => {
      for (const entity of input.entities) request.result.createObjectStore(entity, { keyPath: 'id' });
    };
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  for (const batch of input.batches) {
    await new Promise<void>((resolve, reject) => {
      const tx = db.transaction(input.entities, 'readwrite');
      for (const change of batch) tx.objectStore(change.entity).put(change.record);
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
      tx.onabort = () => reject(tx.error);
    });
  }
  const elapsed = performance.now() - started;
  db.close();
  await new Promise((resolve) => {
    const request = indexedDB.deleteDatabase(input.name);
    request.onsuccess = resolve;
    request.onerror = resolve;
  });
  return elapsed;
}
