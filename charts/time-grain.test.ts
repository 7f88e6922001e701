import { describe, expect, it } from 'vitest';
import { inferGrain, periodLabel, toTime } from './time-grain.ts';

describe('time grain', () => {
  const utc = (y: number, m: number, d = 1) => Date.UTC(y, m - 1, d);

  it('reads plain dates as UTC calendar days, timestamps as given, anything else as a gap', () => {
    expect(toTime('2025-03-01')).toBe(utc(2025, 3));
    expect(toTime('2025-03-01T12:00:00Z')).toBe(utc(2025, 3) + 12 * 3_600_000);
    expect(toTime(utc(2025, 3))).toBe(utc(2025, 3));
    expect([toTime('March'), toTime(null), toTime(true)]).toEqual([null, null, null]);
  });

  it('infers the grain from the smallest step between dates', () => {
    expect(inferGrain([utc(2025, 1, 1), utc(2025, 1, 2), utc(2025, 1, 5)])).toBe('day');
    expect(inferGrain([utc(2025, 1, 6), utc(2025, 1, 13), utc(2025, 1, 20)])).toBe('week');
    expect(inferGrain([utc(2025, 2), utc(2025, 3), utc(2025, 4)])).toBe('month');
    expect(inferGrain([utc(2025, 1), utc(2025, 4), utc(2025, 7)])).toBe('quarter');
    expect(inferGrain([utc(2023, 1), utc(2024, 1), utc(2025, 1)])).toBe('year');
  });

  it('labels periods as people say them', () => {
    expect(periodLabel(utc(2025, 8), 'month')).toBe('Aug 2025');
    expect(periodLabel(utc(2025, 8), 'quarter')).toBe('Q3 2025');
    expect(periodLabel(utc(2025, 8), 'year')).toBe('2025');
    expect(periodLabel(utc(2025, 8, 5), 'day')).toBe('5 Aug 2025');
  });
});
