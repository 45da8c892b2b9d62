// Push: 1,000 offline mutations from one worker's device until their outcome is
// stored on the device, measured in Debian's Chromium on a browser profile on
// disk, as the installed app keeps its data on a phone.
//
// How, and why this is fair: the app has no way (rightly, no test hook in src/)
// to make 1,000 notes in Chromium other than typing them, which would measure the
// typing. So a bench-only page runs the app's own modules in Chromium:
// push-in-page/entry.ts imports the real API client, sync engine, encrypted
// FeldakteDb (a fresh data key, on the browser's real IndexedDB) and createNote,
// and vite bundles it into a temp directory (never into dist/). The page is
// served at the server's own origin through page.route(), so the API calls are
// same-origin as the app's are, against the same server. The device logs in,
// first syncs what it holds, then writes the notes through createNote
// (validation, record + outbox in one transaction, sealed at rest), exactly as
// the UI writes, "offline": the engine is not running, so nothing is sent while
// it writes. The clock runs in the page from syncNow() until the push's outcome
// is stored: the engine pushes the outbox in order, in batches, settles every
// answer in IndexedDB (entries removed from the outbox, the server's records
// stored) and only then pulls, so the clock stops at the run's first pull call.
// The whole run including the pull that follows is reported as well. The notes'
// fields are made in node from the bench's seed and handed to the page, outside
// any clock.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'vite';
import { createProfileDir, firstPage, openProfile } from '../e2e/support/browser';
import { createPrng } from '../faults/support/prng';
import { BENCH_PASSWORD, benchNoteFields, dayFrom } from './dataset';
import type { InPagePushArguments, InPagePushFigure } from './push-in-page/entry';

export type PushFigure = InPagePushFigure;

const ENTRY = join(import.meta.dirname, 'push-in-page', 'entry.ts');
const PAGE_PATH = '/__bench/push.html';
const SCRIPT_PATH = '/__bench/push.js';
const PAGE = `<!doctype html>
<html lang="de"><head><meta charset="utf-8"><title>Feldakte push bench</title>
<script type="module" src="${SCRIPT_PATH}"></script></head><body></body></html>`;

/** Built once per bench run: every push run (a fresh device each) loads the same script. */
let bundled: Promise<string> | undefined;

/** The in-page device as one ES module, built by vite into a temp directory and read back. */
async function bundleEntry(): Promise<string> {
  const outDir = mkdtempSync(join(tmpdir(), 'feldakte-bench-push-'));
  try {
    await build({
      configFile: false,
      publicDir: false,
      logLevel: 'warn',
      define: { 'process.env.NODE_ENV': JSON.stringify('production') },
      build: {
        outDir,
        emptyOutDir: true,
        target: 'es2022',
        minify: true,
        lib: { entry: ENTRY, formats: ['es'], fileName: () => 'push.js' },
      },
    });
    return readFileSync(join(outDir, 'push.js'), 'utf8');
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}

export async function measurePush(options: {
  baseUrl: string;
  username: string;
  caseIds: string[];
  mutations: number;
}): Promise<PushFigure> {
  bundled ??= bundleEntry();
  const script = await bundled;
  const prng = createPrng(1_000);
  const notes = Array.from({ length: options.mutations }, (_, i) =>
    benchNoteFields(prng, options.caseIds[i % options.caseIds.length] as string, dayFrom(0)),
  );

  const profileDir = createProfileDir();
  const context = await openProfile(profileDir);
  try {
    // Routed answers are ours: the harness page gets no CSP, the API calls still reach the server.
    await context.route(`${options.baseUrl}${PAGE_PATH}`, (route) =>
      route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: PAGE }),
    );
    await context.route(`${options.baseUrl}${SCRIPT_PATH}`, (route) =>
      route.fulfill({ status: 200, contentType: 'text/javascript; charset=utf-8', body: script }),
    );
    const page = await firstPage(context);
    await page.goto(`${options.baseUrl}${PAGE_PATH}`);
    await page.waitForFunction(() => 'feldaktePushBench' in window);
    const args: InPagePushArguments = { username: options.username, password: BENCH_PASSWORD, notes };
    return await page.evaluate(
      (pageArgs) =>
        (
          window as unknown as { feldaktePushBench(a: InPagePushArguments): Promise<InPagePushFigure> }
        ).feldaktePushBench(pageArgs),
      args,
    );
  } finally {
    await context.close();
    rmSync(profileDir, { recursive: true, force: true });
  }
}
