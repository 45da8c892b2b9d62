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
  ? { coldStarts: 1, saves: 2, searches: 2, pushMutations: 150, pushRuns: 1, loadMs: 1_000, loadDevices: 5 }
  : {
      coldStarts: 3,
      saves: 20,
      searches: 20,
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
    browser: import('playwright-core').Browser;
    docs: Array<Record<string, unknown>>;
  }): Promise<{ ms: number; docs: number; setup: string }>;
}

interface ServerLoadModule {
  measureServerLoad(options: {
    baseUrl: string;
    logins: Array<{ username: string; password: string }>;
    devices: number;
    durationMs: number;
  }): Promise<{ requestsPerSecond: number; p99Ms: number; errors: number; requests: number }>;
}

async function benchOn(
  database: DatabaseName,
  browser: import('playwright-core').Browser,
  base: Record<string, unknown>,
): Promise<ResultRow[]> {
  const rows: ResultRow[] = [];
  const row = (
    figure: string,
    value: number | null,
    unit: string,
    conditions: Record<string, unknown> = {},
  ) => rows.push({ figure, value, unit, database, conditions: { ...base, ...conditions } });

  const server = await startOn(database);
  try {
    const dataset = await seedDataset({ db: server.db, baseUrl: server.url, sizes });
    console.info(
      `[bench] ${database}: seeded ${JSON.stringify(sizes)} through the push API in ${Math.round(dataset.seedMs)} ms`,
    );
    row(`seeding (${sizes.workers} devices pushing in parallel)`, dataset.seedMs, 'ms', {
      note: 'setup, not a target',
    });

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
      coldStarts: repetitions.coldStarts,
      saves: repetitions.saves,
    });
    const records = { records: changes.length };
    const { firstSync } = figures;
    row('first sync: login → synced, Heute usable', firstSync.totalMs, 'ms', {
      ...records,
      target: '≤ 2× floor; ≥ 5× faster than PouchDB',
    });
    row('first sync: login + key derivation', firstSync.loginAndKeyMs, 'ms', {
      note: 'submit → first pull request (login request, PBKDF2 600k wrap, database open)',
    });
    row('first sync: pull into encrypted IndexedDB', firstSync.pullMs, 'ms', records);
    row('raw IndexedDB floor, same records', firstSync.floorMs, 'ms', {
      ...records,
      note: 'one store per entity, batches of the pull size, same page',
    });
    row('first sync (pull part) / floor', firstSync.pullMs / firstSync.floorMs, '×', { target: '≤ 2' });
    row('first sync (whole, incl. login) / floor', firstSync.totalMs / firstSync.floorMs, '×', {
      target: '≤ 2',
    });

    const pouch = await optionalModule<PouchModule>('./pouch/index.ts');
    if (pouch) {
      const docs = changes.map((change) => ({ ...change.record, entity: change.entity }));
      const result = await pouch.measurePouchFirstSync({ browser, docs });
      row('PouchDB first sync, same documents', result.ms, 'ms', { docs: result.docs, note: result.setup });
      row('PouchDB / Feldakte first sync', result.ms / firstSync.totalMs, '×', { target: '≥ 5' });
    } else {
      row('PouchDB first sync, same documents', null, 'ms', { note: 'tests/bench/pouch not available' });
    }

    // Each run is a fresh device pushing its own 1,000 new notes; on this shared
    // 2-core machine one run varied by more than half between bench runs, so the
    // figure is the median of several, all of them in the conditions.
    const pushes = [];
    for (let run = 0; run < repetitions.pushRuns; run++) {
      pushes.push(
        await measurePush({
          browser,
          baseUrl: server.url,
          username: firstWorker?.username as string,
          caseIds,
          mutations: repetitions.pushMutations,
        }),
      );
    }
    const acknowledged = pushes.map((push) => push.acknowledgedMs);
    const wholeRuns = pushes.map((push) => push.syncRunMs);
    const medianOf = (values: number[]) => ({
      runs: values.length,
      statistic: 'median',
      all: values.map((value) => Math.round(value)),
    });
    row(
      `push: ${repetitions.pushMutations} offline mutations until acknowledged`,
      median(acknowledged),
      'ms',
      {
        ...medianOf(acknowledged),
        target: '< 3000',
        note: 'Chromium: app sync engine + encrypted Dexie on IndexedDB',
      },
    );
    row('push: whole sync run (push + pull after it)', median(wholeRuns), 'ms', {
      ...medianOf(wholeRuns),
      note: `writing them offline took ${pushes.map((push) => Math.round(push.writeMs)).join(' / ')} ms`,
    });

    const { coldStart } = figures;
    const cold = {
      cpuThrottling: 4,
      network: 'offline',
      runs: coldStart.totalMs.length,
      statistic: 'median',
    };
    row('cold start offline: navigation → lock screen', median(coldStart.toLockScreenMs), 'ms', cold);
    row('cold start offline: Entsperren → Heute with data', median(coldStart.unlockToTodayMs), 'ms', {
      ...cold,
      note: 'PBKDF2 600,000 iterations (issue 5)',
    });
    row('cold start offline: sum', median(coldStart.totalMs), 'ms', { ...cold, target: '< 1500' });

    row('save: Speichern → note in timeline (p95)', percentile(figures.saveMs, 95), 'ms', {
      saves: figures.saveMs.length,
      median: median(figures.saveMs),
      target: 'p95 < 50',
    });
    row('search: typing → results rendered (p95)', percentile(figures.searchMs, 95), 'ms', {
      queries: figures.searchMs.length,
      median: median(figures.searchMs),
      target: 'p95 < 100',
      note: 'includes the screen’s input debounce (50 ms, src/features/search/use-search.ts)',
    });
    row('bundle: JS for the login screen (gzip)', figures.bundle.loginScreenGzipBytes / 1024, 'KB', {
      files: figures.bundle.loginFiles,
      target: '< 170',
    });
    row(
      'bundle: JS for the lock screen, cold start (gzip)',
      figures.bundle.lockScreenGzipBytes / 1024,
      'KB',
      {
        files: figures.bundle.lockFiles,
        target: '< 170',
      },
    );
    row('memory: JS heap after first sync', figures.heapBytes / 1024 / 1024, 'MB', {
      ...records,
      note: 'after HeapProfiler.collectGarbage',
    });

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
      row('server: sync requests per second', result.requestsPerSecond, 'req/s', loadConditions);
      row('server: p99 latency', result.p99Ms, 'ms', loadConditions);
      row('server: errors', result.errors, 'count', { ...loadConditions, target: '0' });
    } else {
      row('server: sync requests per second', null, 'req/s', {
        note: 'tests/bench/server-load not available',
      });
    }
  } finally {
    await server.close();
  }
  return rows;
}

async function main(): Promise<void> {
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  const started = Date.now();
  try {
    const base = {
      sizes,
      smoke,
      cores: availableParallelism(),
      cpu: cpus()[0]?.model ?? 'unknown',
      chromium: browser.version(),
      encryptionAtRest: true,
      date: new Date().toISOString(),
    };
    const databases: DatabaseName[] =
      process.env.DATABASE_URL && !smoke ? ['pglite', 'postgres'] : ['pglite'];
    const rows: ResultRow[] = [];
    for (const database of databases) rows.push(...(await benchOn(database, browser, base)));
    console.info(`\n${formatTable(rows)}\n`);
    writeResults(outPath, rows);
    console.info(
      `[bench] ${rows.length} figures written to ${outPath} in ${Math.round((Date.now() - started) / 1000)} s`,
    );
  } finally {
    await browser.close();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
