import { describe, expect, it } from 'vitest';
import {
  dayOf,
  isoDateTime,
  isoDay,
  lastWeekday,
  nthWeekday,
  parseIsoDay,
  partsOf,
  usDay,
  weekdayOf,
} from './dates.ts';
import { Random } from './random.ts';

describe('Random', () => {
  it('repeats for a seed and label, and differs across seeds and labels', () => {
    const draw = (r: Random) => Array.from({ length: 5 }, () => r.uint32());
    expect(draw(new Random(1, 'x'))).toEqual(draw(new Random(1, 'x')));
    expect(draw(new Random(1, 'x'))).not.toEqual(draw(new Random(2, 'x')));
    expect(draw(new Random(1, 'x'))).not.toEqual(draw(new Random(1, 'y')));
    const parent = new Random(9);
    expect(draw(parent.fork('a'))).not.toEqual(draw(parent.fork('a')));
  });

  it('draws in range with sensible means', () => {
    const r = new Random(5);
    let sum = 0;
    for (let i = 0; i < 10_000; i++) {
      const v = r.int(1, 6);
      expect(v >= 1 && v <= 6).toBe(true);
      sum += r.poisson(3);
    }
    expect(sum / 10_000).toBeCloseTo(3, 0);
    const cumulative = Float64Array.from([1, 1, 4]);
    const counts = [0, 0, 0];
    for (let i = 0; i < 4000; i++) {
      const k = r.pickCumulative(cumulative);
      counts[k] = (counts[k] ?? 0) + 1;
    }
    expect(counts[1]).toBe(0);
    expect(counts[2]).toBeGreaterThan(2 * (counts[0] ?? 0));
  });
});

describe('dates', () => {
  it('parses strictly and formats without locale', () => {
    expect(parseIsoDay('2025-02-29')).toBeUndefined();
    expect(parseIsoDay('2024-02-29')).toBe(dayOf(2024, 2, 29));
    expect(parseIsoDay('2024-2-29')).toBeUndefined();
    expect(isoDay(dayOf(2025, 3, 15))).toBe('2025-03-15');
    expect(usDay(dayOf(2025, 3, 5))).toBe('03/05/2025');
    expect(isoDateTime(dayOf(2025, 3, 15), 3661)).toBe('2025-03-15 01:01:01');
    expect(partsOf(dayOf(2025, 3, 15))).toEqual({ year: 2025, month: 3, dayOfMonth: 15, weekday: 6 });
    expect(weekdayOf(dayOf(2025, 3, 15))).toBe(6);
  });

  it('finds holidays', () => {
    expect(isoDay(nthWeekday(2025, 11, 4, 4))).toBe('2025-11-27'); // Thanksgiving
    expect(isoDay(lastWeekday(2025, 5, 1))).toBe('2025-05-26'); // Memorial Day
  });
});
