/** Calendar arithmetic, for any day from 1990 to 2060, every grain and every fiscal start month. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, isMonthEnd, nextPeriod, periodEnd, periodStart, periodsBetween } from './calendar-dates.ts';
import { compareRange } from './resolve-time-range.ts';
import { QUERY_GRAINS } from './semantic-query-shape.ts';

const day = fc.integer({ min: 0, max: 25_567 }).map((n) => addDays('1990-01-01', n));
const grain = fc.constantFrom(...QUERY_GRAINS);
const fiscal = fc.integer({ min: 1, max: 12 });

describe('calendar dates', () => {
  it('a period contains its day, starts where its start starts, and ends the day before the next', () => {
    fc.assert(
      fc.property(day, grain, fiscal, (d, g, f) => {
        const start = periodStart(g, d, f);
        expect(start <= d && d <= periodEnd(g, start)).toBe(true);
        expect(periodStart(g, start, f)).toBe(start);
        expect(periodStart(g, nextPeriod(g, start), f)).toBe(nextPeriod(g, start));
        if (g === 'fiscal_year') expect(Number(start.slice(5, 7))).toBe(f);
        if (g === 'week') expect(new Date(`${start}T00:00:00Z`).getUTCDay()).toBe(1);
      }),
    );
  });

  it('the periods of a range are contiguous and cover it', () => {
    fc.assert(
      fc.property(day, fc.integer({ min: 0, max: 400 }), grain, fiscal, (start, length, g, f) => {
        const end = addDays(start, length);
        const periods = periodsBetween(g, start, end, f);
        expect(periods[0]).toBe(periodStart(g, start, f));
        expect(periodEnd(g, periods[periods.length - 1] as string) >= end).toBe(true);
        for (let i = 1; i < periods.length; i++)
          expect(periods[i]).toBe(nextPeriod(g, periods[i - 1] as string));
      }),
    );
  });

  it('same period last year keeps whole months whole, and previous period is as long in months or days', () => {
    fc.assert(
      fc.property(day, fc.integer({ min: 0, max: 30 }), (start, months) => {
        const first = periodStart('month', start);
        const whole = {
          start: first,
          end: periodEnd('month', periodStart('month', addDays(first, months * 31))),
        };
        const last = compareRange(whole, 'same_period_last_year');
        expect(last.start.slice(8)).toBe('01');
        expect(isMonthEnd(last.end)).toBe(true);
        const previous = compareRange(whole, 'previous_period');
        expect(addDays(previous.end, 1)).toBe(whole.start);
      }),
    );
  });
});
