/**
 * Relative ranges and comparison periods, resolved against an injected clock into inclusive
 * [start, end] ISO dates. "this_X" is the whole period containing today; "X_to_date" runs from its
 * start to today; "last_X" is the whole period before; "last_N_days/weeks/months" are the N whole
 * days, ISO weeks or months before the current one (today is usually not loaded yet).
 */
import type { Clock } from '../../core/clock.ts';
import { isoDate } from '../../core/clock.ts';
import { CodedError, ErrorCode } from '../../core/coded-error.ts';
import {
  addDays,
  addMonths,
  daysBetween,
  isMonthEnd,
  isRealDate,
  periodEnd,
  periodStart,
} from './calendar-dates.ts';
import type { CompareMode, QueryGrain, RelativeRange, TimeRange } from './semantic-query-shape.ts';

export interface DateRange {
  start: string;
  end: string;
}

/** null for all_time: no bounds at all. */
export type ResolvedRange = DateRange | null;

export interface RangeContext {
  clock: Clock;
  fiscalYearStartMonth: number;
}

function whole(grain: QueryGrain, date: string, fiscal: number): DateRange {
  const start = periodStart(grain, date, fiscal);
  return { start, end: periodEnd(grain, start) };
}

function previousWhole(grain: QueryGrain, today: string, fiscal: number): DateRange {
  return whole(grain, addDays(periodStart(grain, today, fiscal), -1), fiscal);
}

function toDate(grain: QueryGrain, today: string, fiscal: number): DateRange {
  return { start: periodStart(grain, today, fiscal), end: today };
}

function lastDays(today: string, days: number): DateRange {
  return { start: addDays(today, -days), end: addDays(today, -1) };
}

function lastWhole(grain: 'week' | 'month', today: string, count: number): DateRange {
  const current = periodStart(grain, today);
  const start = grain === 'week' ? addDays(current, -7 * count) : addMonths(current, -count);
  return { start, end: addDays(current, -1) };
}

export function resolveRelativeRange(range: RelativeRange, context: RangeContext): ResolvedRange {
  const today = isoDate(context.clock.now());
  const f = context.fiscalYearStartMonth;
  const table: Record<RelativeRange, () => ResolvedRange> = {
    today: () => ({ start: today, end: today }),
    yesterday: () => ({ start: addDays(today, -1), end: addDays(today, -1) }),
    this_week: () => whole('week', today, f),
    last_week: () => previousWhole('week', today, f),
    week_to_date: () => toDate('week', today, f),
    this_month: () => whole('month', today, f),
    last_month: () => previousWhole('month', today, f),
    month_to_date: () => toDate('month', today, f),
    this_quarter: () => whole('quarter', today, f),
    last_quarter: () => previousWhole('quarter', today, f),
    quarter_to_date: () => toDate('quarter', today, f),
    this_year: () => whole('year', today, f),
    last_year: () => previousWhole('year', today, f),
    year_to_date: () => toDate('year', today, f),
    this_fiscal_quarter: () => whole('fiscal_quarter', today, f),
    last_fiscal_quarter: () => previousWhole('fiscal_quarter', today, f),
    this_fiscal_year: () => whole('fiscal_year', today, f),
    last_fiscal_year: () => previousWhole('fiscal_year', today, f),
    fiscal_year_to_date: () => toDate('fiscal_year', today, f),
    last_7_days: () => lastDays(today, 7),
    last_28_days: () => lastDays(today, 28),
    last_30_days: () => lastDays(today, 30),
    last_90_days: () => lastDays(today, 90),
    last_12_weeks: () => lastWhole('week', today, 12),
    last_3_months: () => lastWhole('month', today, 3),
    last_6_months: () => lastWhole('month', today, 6),
    last_12_months: () => lastWhole('month', today, 12),
    all_time: () => null,
  };
  return table[range]();
}

/** Refuses an explicit range with an impossible date or an end before its start. */
export function checkExplicitRange(start: string, end: string): void {
  for (const [side, value] of [
    ['start', start],
    ['end', end],
  ] as const) {
    if (!isRealDate(value)) {
      throw new CodedError(
        ErrorCode.SemanticBadRange,
        `time.range.${side} "${value}" is not a real calendar date; give YYYY-MM-DD (2024-02-29 exists, 2023-02-29 does not).`,
        { details: { [side]: value } },
      );
    }
  }
  if (end < start) {
    throw new CodedError(
      ErrorCode.SemanticBadRange,
      `time.range ends (${end}) before it starts (${start}); swap the two dates or ask for a relative range such as last_quarter.`,
      { details: { start, end } },
    );
  }
}

/** A query's range: relative ones against the clock, explicit ones checked (real dates, start <= end). */
export function resolveTimeRange(range: TimeRange, context: RangeContext): ResolvedRange {
  if ('relative' in range) return resolveRelativeRange(range.relative, context);
  checkExplicitRange(range.start, range.end);
  return { start: range.start, end: range.end };
}

/** Whole months (first of a month to the end of a month): shifted by months, not days. */
function monthSpan(range: DateRange): number | null {
  if (range.start.slice(8) !== '01' || !isMonthEnd(range.end)) return null;
  const [sy, sm] = range.start.split('-').map(Number) as [number, number];
  const [ey, em] = range.end.split('-').map(Number) as [number, number];
  return (ey - sy) * 12 + (em - sm) + 1;
}

function shiftMonths(range: DateRange, months: number): DateRange {
  const start = addMonths(range.start, months);
  // A month end stays a month end: Feb 28 2025 - 1 year is Feb 29 2024, not Feb 28.
  const end = isMonthEnd(range.end)
    ? addDays(addMonths(addDays(range.end, 1), months), -1)
    : addMonths(range.end, months);
  return { start, end };
}

/**
 * The period a comparison looks at. previous_period: the same number of whole months (or days)
 * just before; same_period_last_year: one year back, Feb 29 becoming Feb 28 and month ends kept.
 */
export function compareRange(range: ResolvedRange, mode: CompareMode): DateRange {
  if (range === null) {
    throw new CodedError(
      ErrorCode.SemanticBadRange,
      'A comparison needs a bounded period; replace all_time with a range such as last_year or two dates.',
    );
  }
  if (mode === 'same_period_last_year') return shiftMonths(range, -12);
  const months = monthSpan(range);
  if (months !== null) return shiftMonths(range, -months);
  const days = daysBetween(range.start, range.end) + 1;
  return { start: addDays(range.start, -days), end: addDays(range.end, -days) };
}
