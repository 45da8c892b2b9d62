// `npm run bench`: the real server in this process on PGlite (a temp dir) and,
// when DATABASE_URL is set, on a fresh PostgreSQL schema; the bench's dataset
// seeded through the push protocol; the figures measured in headless Debian
// Chromium; a table printed and bench/results.json written.
//
//   npm run bench                      full sizes (500 cases, 10,000 notes, ...)
//   npm run bench -- --smoke           tiny sizes, PGlite only (the smoke test)
//   npm run bench -- --out=path.json   write the results elsewhere
//   BENCH_NOTES=2000 npm run bench     any size: BENCH_WORKERS, BENCH_CASES, BENCH_NOTES,
//                                      BENCH_APPOINTMENTS, BENCH_PRECONSULTATIONS
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { startServer } from '../../src/server/start';
import { createApiClient } from '../../src/sync';
import { pullEverything } from '../e2e/support/api';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../e2e/support/browser';
import { createPostgresSchema } from '../server/helpers/databases';
import { measureBrowserFigures, type PulledChange } from './browser-figures';
import {
  BENCH_PASSWORD,
  type DatasetSizes,
  FULL_SIZES,
  LEAD_USERNAME,
  SMOKE_SIZES,
  seedDataset,
} from './dataset';
import { measurePush } from './push-figure';
import { formatTable, median, percentile, type ResultRow, writeResults } from './results';

type DatabaseName = 'pglite' | 'postgres';

const args = process.argv.slice(2);
const smoke = args.includes('--smoke');
const outPath = args.find((arg) => arg.startsWith('--out='))?.slice('--out='.length) ?? 'bench/results.json';

function sizeFromEnv(name: string, fallback: number): number {
  const value = process.env[name];
  return value ? Number.parseInt(value, 10) : fallback;
}

const defaults = smoke ? SMOKE_SIZES : FULL_SIZES;
const sizes: DatasetSizes = {
  workers: sizeFromEnv('BENCH_WORKERS', defaults.workers),
  cases: sizeFromEnv('BENCH_CASES', defaults.cases),
  notes: sizeFromEnv('BENCH_NOTES', defaults.notes),
  appointments: sizeFromEnv('BENCH_APPOINTMENTS', defaults.appointments),
  preConsultations: sizeFromEnv('BENCH_PRECONSULTATIONS', defaults.preConsultations),
};
// The smoke push is more than one push batch (MAX_PUSH_BATCH): settling a batch while
// later entries still wait walks an encrypted cursor over the outbox in Chromium,
// which once failed there ("Illegal invocation") and nowhere else.
const repetitions = smoke
  ? {
      firstSyncWarmUps: 1,
      firstSyncRuns: 1,
      coldStarts: 1,
      saves: 2,
      searches: 3,
      pushMutations: 150,
      pushRuns: 1,
      loadMs: 1_000,
      loadDevices: 5,
    }
  : {
      firstSyncWarmUps: 1,
      firstSyncRuns: 3,
      coldStarts: 3,
      saves: 20,
      searches: 21,
      pushMutations: 1_000,
      pushRuns: 3,
      loadMs: 20_000,
      loadDevices: 50,
    };

interface Server {
  url: string;
  db: Parameters<typeof seedDataset>[0]['db'];
  close(): Promise<void>;
}

async function startOn(database: DatabaseName): Promise<Server> {
  if (database === 'pglite') {
    const dataDir = mkdtempSync(join(tmpdir(), 'feldakte-bench-'));
    const server = await startServer({ dataDir, staticDir: 'dist', seedDemo: false });
    return {
      url: server.url,
      db: server.db,
      async close() {
        await server.close();
        rmSync(dataDir, { recursive: true, force: true });
      },
    };
  }
  const databaseUrl = process.env.DATABASE_URL as string;
  const { schema, drop } = await createPostgresSchema(databaseUrl);
  const server = await startServer({ databaseUrl, searchPath: schema, staticDir: 'dist', seedDemo: false });
  return {
    url: server.url,
    db: server.db,
    async close() {
      await server.close();
      await drop();
    },
  };
}

/** What the lead's device pulls, in pull order, through the app's API client in node. */
async function leadChanges(baseUrl: string): Promise<PulledChange[]> {
  let token: string | null = null;
  const api = createApiClient({ baseUrl, deviceId: 'bench-floor', getToken: () => token });
  token = (await api.login({ username: LEAD_USERNAME, password: BENCH_PASSWORD })).token;
  return (await pullEverything(api)) as PulledChange[];
}

/** A colleague's module that may not exist yet: a clear n/a row instead of a crash. */
async function optionalModule<T>(specifier: string): Promise<T | null> {
  try {
    return (await import(specifier)) as T;
  } catch (error) {
    console.warn(`[bench] ${specifier} not available: ${(error as Error).message}`);
    return null;
  }
}

interface PouchModule {
  measurePouchFirstSync(options: {
    docs: Array<Record<string, unknown>>;
    runs: number;
    warmUps: number;
  }): Promise<{ ms: number; docs: number; setup: string; trials: Array<{ ms: number }> }>;
}

interface ServerLoadModule {
  measureServerLoad(options: {
    baseUrl: string;
    logins: Array<{ username: string; password: string }>;
    devices: number;
    durationMs: number;
  }): Promise<{ requestsPerSecond: number; p99Ms: number; errors: number; requests: number }>;
}

async function benchOn(database: DatabaseName, base: Record<string, unknown>): Promise<ResultRow[]> {
  const rows: ResultRow[] = [];
  /** `includes`: what the figure's clock and statistic take in, printed in the table. */
  const row = (
    figure: string,
    value: number | null,
    unit: string,
    includes: string,
    conditions: Record<string, unknown> = {},
  ) => rows.push({ figure, value, unit, database, conditions: { ...base, includes, ...conditions } });

  const server = await startOn(database);
  try {
    const dataset = await seedDataset({ db: server.db, baseUrl: server.url, sizes });
    console.info(
      `[bench] ${database}: seeded ${JSON.stringify(sizes)} through the push API in ${Math.round(dataset.seedMs)} ms`,
    );
    row(
      `seeding (${sizes.workers} devices pushing in parallel)`,
      dataset.seedMs,
      'ms',
      'node clients, once',
      {
        note: 'setup, not a target',
      },
    );

    const changes = await leadChanges(server.url);
    const firstWorker = dataset.workers[0];
    const caseIds = firstWorker ? (dataset.casesOf.get(firstWorker.username) ?? []) : [];
    const terms = Array.from(
      { length: repetitions.searches },
      (_, i) => dataset.vocabulary[i % dataset.vocabulary.length] as string,
    );
    const figures = await measureBrowserFigures({
      baseUrl: server.url,
      changes,
      caseId: caseIds[0] as string,
      searchTerms: terms,
      firstSyncWarmUps: repetitions.firstSyncWarmUps,
      firstSyncRuns: repetitions.firstSyncRuns,
      coldStarts: repetitions.coldStarts,
      saves: repetitions.saves,
    });
    const records = { records: changes.length };
    const syncs = figures.firstSyncs;
    const { firstSyncRuns: runs, firstSyncWarmUps: warmUps } = repetitions;
    const freshProfiles = `profile on disk, fresh per run; median of ${runs} after ${warmUps} discarded warm-up`;
    const allOf = (values: number[]) => ({
      runs: values.length,
      all: values.map((value) => Math.round(value)),
    });
    const pullMs = syncs.map((run) => run.pullMs);
    const loginMs = syncs.map((run) => run.loginMs);
    const floorMs = syncs.map((run) => run.floorMs);
    const pullMedian = median(pullMs);
    row(
      'first sync: pull into encrypted IndexedDB',
      pullMedian,
      'ms',
      `${freshProfiles}; first pull request → "Synchronisiert" shown; login excluded`,
      { ...records, ...allOf(pullMs) },
    );
    row(
      'first sync: login + key derivation',
      median(loginMs),
      'ms',
      `same runs; "Anmelden" → first pull request (login request, PBKDF2 600k, database open)`,
      allOf(loginMs),
    );
    const wholeMs = syncs.map((run) => run.loginMs + run.pullMs);
    row(
      'first sync: login → synced, Heute usable',
      median(wholeMs),
      'ms',
      'same runs; login included; what the lead waits for',
      { ...records, ...allOf(wholeMs) },
    );
    row(
      'raw IndexedDB floor, same records',
      median(floorMs),
      'ms',
      'same runs and page; one store per entity, batches of the pull size, no encryption, no indexes',
      { ...records, ...allOf(floorMs) },
    );
    row(
      'first sync (pull part) / floor',
      median(syncs.map((run) => run.pullMs / run.floorMs)),
      '×',
      'median of per-run ratios; pull excludes login',
      { target: '≤ 2' },
    );

    const pouch = await optionalModule<PouchModule>('./pouch/index.ts');
    if (pouch) {
      const docs = changes.map((change) => ({ ...change.record, entity: change.entity }));
      const result = await pouch.measurePouchFirstSync({ docs, runs, warmUps });
      row(
        'PouchDB first sync, same documents',
        result.ms,
        'ms',
        `${freshProfiles}; first request to its server → replicate() done; no login, no encryption`,
        { docs: result.docs, ...allOf(result.trials.map((trial) => trial.ms)), note: result.setup },
      );
      row(
        'PouchDB / Feldakte first sync (pull only)',
        result.ms / pullMedian,
        '×',
        'median / median, both as above; login excluded on our side',
        { target: '≥ 5' },
      );
    } else {
      row('PouchDB first sync, same documents', null, 'ms', '', { note: 'tests/bench/pouch not available' });
    }

    // Each run is a fresh device pushing its own 1,000 new notes; on this shared
    // 2-core machine one run varied by more than half between bench runs, so the
    // figure is the median of several, all of them in the conditions.
    const pushes = [];
    for (let run = 0; run < repetitions.pushRuns; run++) {
      pushes.push(
        await measurePush({
          baseUrl: server.url,
          username: firstWorker?.username as string,
          caseIds,
          mutations: repetitions.pushMutations,
        }),
      );
    }
    const stored = pushes.map((push) => push.storedMs);
    const wholeRuns = pushes.map((push) => push.syncRunMs);
    const pushRuns = `profile on disk, fresh device per run; median of ${pushes.length}, no warm-up`;
    row(
      `push: ${repetitions.pushMutations} offline mutations until stored on the device`,
      median(stored),
      'ms',
      `${pushRuns}; syncNow() → every entry acknowledged and out of the outbox, server records stored`,
      {
        ...allOf(stored),
        target: '< 3000',
        note: 'app sync engine + encrypted Dexie on IndexedDB',
      },
    );
    row(
      'push: whole sync run (push + pull after it)',
      median(wholeRuns),
      'ms',
      `${pushRuns}; syncNow() → resolved`,
      {
        ...allOf(wholeRuns),
        note: `writing them offline took ${pushes.map((push) => Math.round(push.writeMs)).join(' / ')} ms`,
      },
    );

    const { coldStart } = figures;
    const coldRuns = coldStart.totalMs.length;
    const cold = `installed app, profile on disk, offline, CPU 4×; median of ${coldRuns} on the same profile, no warm-up`;
    const coldConditions = { cpuThrottling: 4, network: 'offline', runs: coldRuns, statistic: 'median' };
    row(
      'cold start offline: navigation → lock screen',
      median(coldStart.toLockScreenMs),
      'ms',
      cold,
      coldConditions,
    );
    row(
      'cold start offline: Entsperren → Heute with data',
      median(coldStart.unlockToTodayMs),
      'ms',
      `${cold}; PBKDF2 600,000 iterations`,
      coldConditions,
    );
    row('cold start offline: sum', median(coldStart.totalMs), 'ms', cold, {
      ...coldConditions,
      target: '< 1500',
    });

    const device = 'after the last cold start, same page, CPU 1×, offline';
    row(
      'save: Speichern → note in timeline (p95)',
      percentile(figures.saveMs, 95),
      'ms',
      `${device}; p95 of ${figures.saveMs.length} saves`,
      { saves: figures.saveMs.length, median: median(figures.saveMs), target: 'p95 < 50' },
    );
    const { search } = figures;
    const typed = `${device}; index built; last key → results for the query shown (50 ms input debounce included); ${search.typedMs.length} queries typed key by key`;
    row('search: typing → results rendered (p95)', percentile(search.typedMs, 95), 'ms', typed, {
      queries: search.typedMs.length,
      target: 'p95 < 100',
    });
    row('search: typing → results rendered (p50)', median(search.typedMs), 'ms', typed, {
      queries: search.typedMs.length,
    });
    row(
      'search: first query, index built meanwhile',
      search.firstQueryMs,
      'ms',
      `${device}; Suche opened and a query typed at once; input → results, includes building the index; one run`,
    );
    row(
      'bundle: JS for the login screen (gzip)',
      (figures.firstSyncs.at(-1)?.loginScreen.bytes ?? Number.NaN) / 1024,
      'KB',
      '.js the page requested until the screen showed, gzip level 6; last first-sync run',
      { files: figures.firstSyncs.at(-1)?.loginScreen.files, target: '< 170' },
    );
    row(
      'bundle: JS for the lock screen, cold start (gzip)',
      figures.lockScreen.bytes / 1024,
      'KB',
      '.js the page requested until the screen showed, gzip level 6; first cold start',
      { files: figures.lockScreen.files, target: '< 170' },
    );
    row(
      'memory: JS heap after first sync',
      (figures.firstSyncs.at(-1)?.heapBytes ?? Number.NaN) / 1024 / 1024,
      'MB',
      'last first-sync run, after HeapProfiler.collectGarbage',
      records,
    );

    const load = await optionalModule<ServerLoadModule>('./server-load.ts');
    if (load) {
      const logins = [dataset.lead, ...dataset.workers].map((user) => ({
        username: user.username,
        password: BENCH_PASSWORD,
      }));
      const result = await load.measureServerLoad({
        baseUrl: server.url,
        logins,
        devices: repetitions.loadDevices,
        durationMs: repetitions.loadMs,
      });
      const loadConditions = {
        devices: repetitions.loadDevices,
        durationMs: repetitions.loadMs,
        requests: result.requests,
      };
      const clients = `${repetitions.loadDevices} simulated devices in node syncing for ${repetitions.loadMs / 1000} s, one run`;
      row('server: sync requests per second', result.requestsPerSecond, 'req/s', clients, loadConditions);
      row('server: p99 latency', result.p99Ms, 'ms', `${clients}; every sync request`, loadConditions);
      row('server: errors', result.errors, 'count', clients, { ...loadConditions, target: '0' });
    } else {
      row('server: sync requests per second', null, 'req/s', '', {
        note: 'tests/bench/server-load not available',
      });
    }
  } finally {
    await server.close();
  }
  return rows;
}

/** Every browser figure opens its own profile on disk; this launch only asks the version. */
async function chromiumVersion(): Promise<string> {
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  try {
    return browser.version();
  } finally {
    await browser.close();
  }
}

async function main(): Promise<void> {
  const started = Date.now();
  const base = {
    sizes,
    smoke,
    cores: availableParallelism(),
    cpu: cpus()[0]?.model ?? 'unknown',
    chromium: await chromiumVersion(),
    encryptionAtRest: true,
    date: new Date().toISOString(),
  };
  const databases: DatabaseName[] = process.env.DATABASE_URL && !smoke ? ['pglite', 'postgres'] : ['pglite'];
  const rows: ResultRow[] = [];
  for (const database of databases) rows.push(...(await benchOn(database, base)));
  console.info(`\n${formatTable(rows)}\n`);
  writeResults(outPath, rows);
  console.info(
    `[bench] ${rows.length} figures written to ${outPath} in ${Math.round((Date.now() - started) / 1000)} s`,
  );
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
