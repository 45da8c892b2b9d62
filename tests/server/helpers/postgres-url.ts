// Where the PostgreSQL variant of a suite runs. Without DATABASE_URL the
// variant is shown as skipped rather than silently left out, and under CI,
// which always provides PostgreSQL, the missing server fails the run.
import { describe, it } from 'vitest';

const HOW = 'set DATABASE_URL (e.g. postgres://postgres@127.0.0.1:5432/test)';

let skipShown = false;

/** DATABASE_URL, or undefined after registering a visible skip in the calling test file. */
export function postgresUrlOrSkip(): string | undefined {
  const url = process.env.DATABASE_URL;
  if (url) return url;
  if (process.env.CI === 'true') {
    throw new Error(`CI runs the server suites on PostgreSQL too, but DATABASE_URL is not set: ${HOW}`);
  }
  if (!skipShown) {
    skipShown = true;
    describe('on PostgreSQL', () => {
      it.skip(`skipped: ${HOW} to run this file on PostgreSQL as well`, () => {});
    });
  }
  return undefined;
}
