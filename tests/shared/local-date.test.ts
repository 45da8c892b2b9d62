import { describe, expect, it } from 'vitest';
import { localIsoDate } from '../../src/shared/local-date';

describe('localIsoDate', () => {
  it('writes the local calendar day with zero-padded month and day', () => {
    expect(localIsoDate(new Date(2026, 0, 5))).toBe('2026-01-05');
    expect(localIsoDate(new Date(2026, 10, 21, 15, 30))).toBe('2026-11-21');
  });

  it('gives the local day at both ends of it, not the UTC day', () => {
    expect(localIsoDate(new Date(2026, 2, 29, 0, 0, 0))).toBe('2026-03-29');
    expect(localIsoDate(new Date(2026, 2, 29, 23, 59, 59))).toBe('2026-03-29');
  });
});
