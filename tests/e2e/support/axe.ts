// axe-core inside the page under test: the accessibility rules of WCAG 2.1 A and AA
// (which BITV 2.0 builds on), run on the whole document as it is on screen.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const require = createRequire(import.meta.url);
let axeSource: string | null = null;

function source(): string {
  axeSource ??= readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  return axeSource;
}

export const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  helpUrl: string;
  targets: string[];
}

/** Runs axe on the page (injecting it once per document) and returns its violations. */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  const injected = await page.evaluate(() => 'axe' in window);
  // Evaluated through the DevTools protocol rather than added as a <script>: the
  // app's Content-Security-Policy (rightly) refuses inline scripts.
  if (!injected) await page.evaluate(source());
  return page.evaluate(async (runOnly) => {
    // biome-ignore lint/suspicious/noExplicitAny: axe is the global its script defines
    const axe = (window as any).axe;
    const result = await axe.run(document, { runOnly, resultTypes: ['violations'] });
    // A scan that checked nothing (blank page, axe not loaded) must not pass as clean.
    if (result.passes.length === 0) throw new Error('axe-core found nothing to check on this page');
    return (
      result.violations as {
        id: string;
        impact: string | null;
        help: string;
        helpUrl: string;
        nodes: { target: unknown[]; failureSummary?: string }[];
      }[]
    ).map((violation) => ({
      id: violation.id,
      impact: violation.impact,
      help: violation.help,
      helpUrl: violation.helpUrl,
      targets: violation.nodes.map(
        (node) => `${node.target.map(String).join(' ')} — ${node.failureSummary ?? ''}`,
      ),
    }));
  }, WCAG_21_AA);
}

/** Violations as readable lines: rule id, impact, help, then each offending element. */
export function formatViolations(screen: string, violations: AxeViolation[]): string {
  return violations
    .map(
      (violation) =>
        `[${screen}] ${violation.id} (${violation.impact ?? 'n/a'}): ${violation.help}\n` +
        violation.targets.map((target) => `    ${target.replace(/\n/g, ' ')}`).join('\n'),
    )
    .join('\n');
}
