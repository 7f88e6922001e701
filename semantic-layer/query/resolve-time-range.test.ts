import { describe, expect, it } from 'vitest';
import { fixedClock } from '../../core/clock.ts';
import { isCodedError } from '../../core/coded-error.ts';
import { periodStart, periodsBetween } from './calendar-dates.ts';
import { RELATIVE_RANGE_EXAMPLES } from './relative-range-examples.ts';
import { compareRange, resolveRelativeRange, resolveTimeRange } from './resolve-time-range.ts';

const at = (day: string, fiscal = 1) => ({
  clock: fixedClock(new Date(`${day}T15:30:00Z`)),
  fiscalYearStartMonth: fiscal,
});

describe('relative ranges', () => {
  // 2025-03-15 is a Saturday; the fiscal year starts in July.
  const table = [...RELATIVE_RANGE_EXAMPLES];
  it.each(table)('%s on 2025-03-15 (fiscal year from July) is %s to %s', (range, start, end) => {
    const resolved = resolveRelativeRange(range, at('2025-03-15', 7));
    expect(resolved === null ? [null, null] : [resolved.start, resolved.end]).toEqual([start, end]);
  });

  it('on January 1st, last_month is December and year_to_date is one day', () => {
    expect(resolveRelativeRange('last_month', at('2025-01-01'))).toEqual({
      start: '2024-12-01',
      end: '2024-12-31',
    });
    expect(resolveRelativeRange('year_to_date', at('2025-01-01'))).toEqual({
      start: '2025-01-01',
      end: '2025-01-01',
    });
    expect(resolveRelativeRange('last_week', at('2025-01-01'))).toEqual({
      start: '2024-12-23',
      end: '2024-12-29',
    });
  });

  it('on a leap day, last_month is January and this_month ends on the 29th', () => {
    expect(resolveRelativeRange('this_month', at('2024-02-29'))).toEqual({
      start: '2024-02-01',
      end: '2024-02-29',
    });
    expect(resolveRelativeRange('last_12_months', at('2024-02-29'))).toEqual({
      start: '2023-02-01',
      end: '2024-01-31',
    });
  });

  it('on a quarter end and the first day of a fiscal year (July)', () => {
    expect(resolveRelativeRange('this_quarter', at('2024-06-30'))).toEqual({
      start: '2024-04-01',
      end: '2024-06-30',
    });
    expect(resolveRelativeRange('this_fiscal_year', at('2024-07-01', 7))).toEqual({
      start: '2024-07-01',
      end: '2025-06-30',
    });
    expect(resolveRelativeRange('last_fiscal_quarter', at('2024-07-01', 7))).toEqual({
      start: '2024-04-01',
      end: '2024-06-30',
    });
    expect(resolveRelativeRange('this_fiscal_quarter', at('2024-06-30', 4))).toEqual({
      start: '2024-04-01',
      end: '2024-06-30',
    });
  });

  it('in ISO week 53 (2020-12-28 to 2021-01-03), this_week spans the two years', () => {
    expect(resolveRelativeRange('this_week', at('2021-01-02'))).toEqual({
      start: '2020-12-28',
      end: '2021-01-03',
    });
    expect(periodsBetween('week', '2020-12-20', '2021-01-10')).toEqual([
      '2020-12-14',
      '2020-12-21',
      '2020-12-28',
      '2021-01-04',
    ]);
  });
});

describe('explicit ranges', () => {
  it('keeps real dates and refuses impossible ones and reversed ranges', () => {
    expect(resolveTimeRange({ start: '2024-02-29', end: '2024-03-01' }, at('2025-01-01'))).toEqual({
      start: '2024-02-29',
      end: '2024-03-01',
    });
    for (const [start, end] of [
      ['2023-02-29', '2023-03-01'],
      ['2024-13-01', '2024-12-31'],
      ['2024-05-01', '2024-04-30'],
    ] as const) {
      let thrown: unknown;
      try {
        resolveTimeRange({ start, end }, at('2025-01-01'));
      } catch (error) {
        thrown = error;
      }
      expect(isCodedError(thrown, 'SEMANTIC_BAD_RANGE'), `${start}..${end}`).toBe(true);
    }
  });
});

describe('comparison ranges', () => {
  it('previous_period: whole months shift by months, other ranges by their length in days', () => {
    expect(compareRange({ start: '2025-01-01', end: '2025-03-31' }, 'previous_period')).toEqual({
      start: '2024-10-01',
      end: '2024-12-31',
    });
    expect(compareRange({ start: '2024-03-01', end: '2024-03-31' }, 'previous_period')).toEqual({
      start: '2024-02-01',
      end: '2024-02-29',
    });
    expect(compareRange({ start: '2025-03-08', end: '2025-03-14' }, 'previous_period')).toEqual({
      start: '2025-03-01',
      end: '2025-03-07',
    });
  });

  it('same_period_last_year keeps month ends: February 2025 → February 2024 with its leap day', () => {
    expect(compareRange({ start: '2025-02-01', end: '2025-02-28' }, 'same_period_last_year')).toEqual({
      start: '2024-02-01',
      end: '2024-02-29',
    });
    expect(compareRange({ start: '2024-02-29', end: '2024-02-29' }, 'same_period_last_year')).toEqual({
      start: '2023-02-28',
      end: '2023-02-28',
    });
    expect(compareRange({ start: '2024-01-10', end: '2024-03-05' }, 'same_period_last_year')).toEqual({
      start: '2023-01-10',
      end: '2023-03-05',
    });
  });

  it('refuses to compare all_time', () => {
    expect(() => compareRange(null, 'previous_period')).toThrow(/bounded period/);
  });
});

describe('period starts', () => {
  it('fiscal quarters and years follow the fiscal start month', () => {
    expect(periodStart('fiscal_year', '2024-06-30', 7)).toBe('2023-07-01');
    expect(periodStart('fiscal_year', '2024-07-01', 7)).toBe('2024-07-01');
    expect(periodStart('fiscal_quarter', '2024-09-30', 7)).toBe('2024-07-01');
    expect(periodStart('fiscal_quarter', '2024-12-01', 2)).toBe('2024-11-01');
    expect(periodStart('fiscal_year', '2024-01-15', 2)).toBe('2023-02-01');
    expect(periodStart('week', '2021-01-03')).toBe('2020-12-28');
  });
});
