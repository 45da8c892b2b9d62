// Playwright's side of the in-page probes (page-probes.ts): opening the lead's
// device with them installed, reading their marks, and the JavaScript a screen
// needed.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { BrowserContext, Page } from 'playwright-core';
import { firstPage, openProfile, TABLET } from '../e2e/support/browser';
import { type BenchMarks, installProbes, resourceTimingsIn } from './page-probes';

const DIST = join(process.cwd(), 'dist');
export const LONG = 15 * 60_000;

export async function marksOf(page: Page): Promise<BenchMarks> {
  return page.evaluate(() => ({ ...window.__bench.marks }));
}

export async function waitForMark(page: Page, name: string, timeout = LONG): Promise<number> {
  const handle = await page.waitForFunction((mark) => window.__bench?.marks[mark], name, {
    timeout,
    polling: 50,
  });
  return (await handle.jsonValue()) as number;
}

/** The lead's tablet: a browser profile on disk, as an installed app keeps its storage. */
export async function openLeadProfile(profileDir: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await openProfile(profileDir, TABLET);
  // tsx compiles with esbuild's keepNames, whose __name() wrappers travel with the
  // serialised functions: the page gets a no-op of its own.
  await context.addInitScript({ content: `var __name = (f) => f;\n(${installProbes.toString()})();` });
  return { context, page: await firstPage(context) };
}

/** gzip (level 6, what servers use by default) of exactly the .js files the page requested, read from dist. */
export async function gzippedScripts(page: Page, until: number): Promise<{ bytes: number; files: number }> {
  const timings = await page.evaluate(resourceTimingsIn);
  const paths = new Set(
    timings
      .filter((entry) => entry.startTime <= until)
      .map((entry) => new URL(entry.name).pathname)
      .filter((path) => path.endsWith('.js')),
  );
  let bytes = 0;
  for (const path of paths) bytes += gzipSync(readFileSync(join(DIST, path)), { level: 6 }).length;
  return { bytes, files: paths.size };
}
