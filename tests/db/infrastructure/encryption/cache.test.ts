// The memory of opened values on its own: a value comes back only for the blob
// it came from, always as a copy, and the memory stays bounded.
import { describe, expect, it } from 'vitest';
import { createOpenedValues } from '../../../../src/db/infrastructure/encryption/cache';

const iv = (...bytes: number[]) => new Uint8Array(bytes);

describe('opened values', () => {
  it('recall a value for the same place and the same IV', () => {
    const opened = createOpenedValues();
    opened.remember('notes\u0000"a"', iv(1, 2, 3), { text: 'Hausbesuch' });

    expect(opened.recall('notes\u0000"a"', iv(1, 2, 3))).toEqual({ text: 'Hausbesuch' });
  });

  it('know nothing for another IV (the record was written anew) or another place', () => {
    const opened = createOpenedValues();
    opened.remember('notes\u0000"a"', iv(1, 2, 3), { text: 'Hausbesuch' });

    expect(opened.recall('notes\u0000"a"', iv(1, 2, 4))).toBeUndefined();
    expect(opened.recall('notes\u0000"a"', iv(1, 2))).toBeUndefined();
    expect(opened.recall('notes\u0000"b"', iv(1, 2, 3))).toBeUndefined();
  });

  it('keep and hand out copies, so editing one changes neither the memory nor the next', () => {
    const opened = createOpenedValues();
    const value = { text: 'Hausbesuch', tags: ['Schule'] };
    opened.remember('p', iv(9), value);
    value.tags.push('danach geändert');

    const first = opened.recall('p', iv(9)) as { tags: string[] };
    expect(first).toEqual({ text: 'Hausbesuch', tags: ['Schule'] });
    first.tags.push('vom Leser geändert');
    expect(opened.recall('p', iv(9))).toEqual({ text: 'Hausbesuch', tags: ['Schule'] });
  });

  it('start afresh once the limit of places is reached', () => {
    const opened = createOpenedValues(2);
    opened.remember('a', iv(1), { n: 1 });
    opened.remember('b', iv(2), { n: 2 });
    expect(opened.recall('a', iv(1))).toEqual({ n: 1 });

    opened.remember('c', iv(4), { n: 4 });
    expect(opened.recall('a', iv(1))).toBeUndefined();
    expect(opened.recall('b', iv(2))).toBeUndefined();
    expect(opened.recall('c', iv(4))).toEqual({ n: 4 });
  });
});
