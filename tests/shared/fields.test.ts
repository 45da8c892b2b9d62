import { describe, expect, it } from 'vitest';
import { IsoDate, TimeOfDay } from '../../src/shared/fields';

describe('IsoDate', () => {
  it.each(['2026-11-21', '2024-02-29', '0001-01-01'])('accepts the real day %s', (value) => {
    expect(IsoDate.safeParse(value).success).toBe(true);
  });

  it.each(['2026-02-30', '2025-02-29', '2026-13-01', '0000-01-01', '21.11.2026', '2026-1-5'])(
    'refuses %s',
    (value) => {
      expect(IsoDate.safeParse(value).success).toBe(false);
    },
  );
});

describe('TimeOfDay', () => {
  it('accepts wall-clock times and refuses others', () => {
    expect(TimeOfDay.safeParse('00:00').success).toBe(true);
    expect(TimeOfDay.safeParse('23:59').success).toBe(true);
    expect(TimeOfDay.safeParse('24:00').success).toBe(false);
    expect(TimeOfDay.safeParse('9:30').success).toBe(false);
  });
});
