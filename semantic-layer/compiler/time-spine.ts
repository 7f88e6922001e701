/**
 * The time spine: one row per period of the asked range, computed here and sent to the SQL as
 * bound dates (Redshift has no generate_series; literal rows work on every engine). Each row also
 * carries the period it is compared with and the start of each cumulative metric's window.
 * Periods that start after today are left out: a trend over "this year" must not show the months
 * to come as zeros (nothing has happened in them yet).
 */
import { CodedError, ErrorCode } from '../../core/coded-error.ts';
import type { MetricSpec } from '../model/model-file.ts';
import { addDays, addMonths, periodEnd, periodStart, periodsBetween } from '../query/calendar-dates.ts';
import type { DateRange } from '../query/resolve-time-range.ts';
import type { CompareMode, QueryGrain } from '../query/semantic-query-shape.ts';
import type { SpineRow } from './query-plan.ts';

/** More periods than this is not a chart anyone reads; ask for a coarser grain. */
export const MAX_SPINE_PERIODS = 1000;

type Cumulative = Extract<MetricSpec, { type: 'cumulative' }>;

export function buildSpine(
  grain: QueryGrain,
  range: DateRange,
  compare: { mode: CompareMode; range: DateRange } | null,
  fiscalYearStartMonth: number,
  cumulatives: readonly Cumulative[],
  today?: string,
): SpineRow[] {
  const all = periodsBetween(grain, range.start, range.end, fiscalYearStartMonth);
  // A range wholly in the future was asked for as such: it keeps its periods.
  const periods = today && range.start <= today ? all.filter((period) => period <= today) : all;
  if (periods.length > MAX_SPINE_PERIODS) {
    throw new CodedError(
      ErrorCode.SemanticQueryInvalid,
      `${range.start} to ${range.end} by ${grain} is ${periods.length} periods (at most ${MAX_SPINE_PERIODS}); ask for a coarser grain or a shorter range.`,
      { details: { periods: periods.length } },
    );
  }
  // previous_period: the n-th period of the range against the n-th before it; same_period_last_year:
  // each period against the one a year back (a week against the week 52 weeks back, ISO-aligned).
  const compared = compare
    ? periodsBetween(grain, compare.range.start, compare.range.end, fiscalYearStartMonth)
    : [];
  const yearBack = (period: string) =>
    grain === 'week'
      ? addDays(period, -364)
      : periodStart(grain, addMonths(period, -12), fiscalYearStartMonth);
  return periods.map((period, i) => {
    const end = periodEnd(grain, period);
    const last = (end < range.end ? [end] : [range.end])[0] as string;
    return {
      period,
      last,
      compare: !compare
        ? null
        : compare.mode === 'same_period_last_year'
          ? yearBack(period)
          : (compared[i] ?? null),
      windows: cumulatives.map((c) => windowStart(c, last, fiscalYearStartMonth)),
    };
  });
}

/** The first day a cumulative metric's value on `last` includes (null: since the beginning). */
export function windowStart(metric: Cumulative, last: string, fiscalYearStartMonth: number): string | null {
  if (metric.window) {
    const after = addDays(last, 1);
    const { count, grain } = metric.window;
    const months = { month: 1, quarter: 3, year: 12 } as const;
    if (grain === 'day') return addDays(after, -count);
    if (grain === 'week') return addDays(after, -7 * count);
    return addMonths(after, -count * months[grain]);
  }
  if (metric.grain_to_date) return periodStart(metric.grain_to_date, last, fiscalYearStartMonth);
  return null;
}
