// The layer rules `npm run lint` enforces, tried on a small tree with one
// import of each kind: allowed imports pass, each forbidden one is named.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { cruise, type ICruiseResult, type IFlattenedRuleSet } from 'dependency-cruiser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const rules = createRequire(import.meta.url)('../../.dependency-cruiser.cjs') as IFlattenedRuleSet;

/** Each file imports the file named in its value (relative to src/). */
const tree: Record<string, string | null> = {
  'shared/schema.ts': null,
  'crypto/key.ts': 'shared/schema',
  'db/repo.ts': 'crypto/key',
  'sync/engine.ts': 'db/repo',
  'session/manager.ts': 'sync/engine',
  'i18n/texts.ts': 'shared/schema',
  'ui/button.ts': 'i18n/texts',
  'features/notes/form.ts': 'ui/button',
  'features/review/page.ts': 'session/manager',
  'app/router.ts': 'features/notes/form',
  'server/routes.ts': 'shared/schema',
  // forbidden:
  'shared/bad.ts': 'db/repo',
  'db/bad.ts': 'sync/engine',
  'ui/bad.ts': 'features/notes/form',
  'features/review/bad.ts': 'features/notes/form',
  'server/bad.ts': 'db/repo',
  'i18n/bad.ts': 'ui/button',
};

let base = '';
let result: ICruiseResult;

beforeAll(async () => {
  base = mkdtempSync(join(tmpdir(), 'feldakte-layers-'));
  for (const [file, target] of Object.entries(tree)) {
    const path = join(base, 'src', file);
    mkdirSync(dirname(path), { recursive: true });
    const from = dirname(file);
    const specifier = target ? relativeSpecifier(from, target) : null;
    writeFileSync(path, specifier ? `import '${specifier}';\nexport {};\n` : 'export {};\n');
  }
  const output = await cruise(['src'], { ruleSet: rules, validate: true, baseDir: base, outputType: 'json' });
  result = (typeof output.output === 'string' ? JSON.parse(output.output) : output.output) as ICruiseResult;
});

afterAll(() => rmSync(base, { recursive: true, force: true }));

function relativeSpecifier(fromDir: string, target: string): string {
  const up = fromDir.split('/').map(() => '..');
  return `${up.join('/')}/${target}`;
}

const violations = () =>
  result.summary.violations.map(
    (violation) => `${violation.rule.name}: ${violation.from} -> ${violation.to}`,
  );

describe('layer rules', () => {
  it('names every import against the direction, and only those', () => {
    expect(violations().sort()).toEqual(
      [
        'layer-shared: src/shared/bad.ts -> src/db/repo.ts',
        'layer-db: src/db/bad.ts -> src/sync/engine.ts',
        'layer-ui: src/ui/bad.ts -> src/features/notes/form.ts',
        'feature-to-feature: src/features/review/bad.ts -> src/features/notes/form.ts',
        'server-uses-only-shared: src/server/bad.ts -> src/db/repo.ts',
        'i18n-uses-only-shared: src/i18n/bad.ts -> src/ui/button.ts',
      ].sort(),
    );
  });
});
