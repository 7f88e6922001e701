/**
 * The periods the dashboard offers, as explicit date ranges from the clock: the period itself,
 * the period just before (same length, in months) and the same period a year earlier. Periods
 * that run to today are compared with the same days of the earlier periods, never a whole month.
 */
import { addDays, addMonths, periodStart } from '../../semantic-layer/query/calendar-dates.ts';
import type { DateRange } from '../../semantic-layer/query/resolve-time-range.ts';

export const DASHBOARD_PERIODS = [
  'this_month',
  'last_month',
  'this_quarter',
  'last_quarter',
  'year_to_date',
  'last_12_months',
] as const;
export type DashboardPeriod = (typeof DASHBOARD_PERIODS)[number];

export const PERIOD_LABELS: Record<DashboardPeriod, { label: string; phrase: string }> = {
  this_month: { label: 'This month', phrase: 'this month' },
  last_month: { label: 'Last month', phrase: 'last month' },
  this_quarter: { label: 'This quarter', phrase: 'this quarter' },
  last_quarter: { label: 'Last quarter', phrase: 'last quarter' },
  year_to_date: { label: 'Year to date', phrase: 'year to date' },
  last_12_months: { label: 'Last 12 months', phrase: 'in the last 12 months' },
};

export interface PeriodRanges {
  period: DashboardPeriod;
  current: DateRange;
  /** null where the period before is last year's or means little (year to date, last 12 months). */
  previous: DateRange | null;
  lastYear: DateRange;
}

export function isDashboardPeriod(value: unknown): value is DashboardPeriod {
  return typeof value === 'string' && (DASHBOARD_PERIODS as readonly string[]).includes(value);
}

function shift(range: DateRange, months: number, whole: boolean): DateRange {
  const start = addMonths(range.start, months);
  if (!whole) return { start, end: addMonths(range.end, months) };
  const length = monthsIn(range);
  return { start, end: addDays(addMonths(start, length), -1) };
}

function monthsIn(range: DateRange): number {
  const [sy, sm] = range.start.split('-').map(Number) as [number, number];
  const [ey, em] = range.end.split('-').map(Number) as [number, number];
  return (ey - sy) * 12 + (em - sm) + 1;
}

export function periodRanges(period: DashboardPeriod, today: string): PeriodRanges {
  const month = periodStart('month', today);
  const quarter = periodStart('quarter', today);
  const table: Record<DashboardPeriod, { current: DateRange; whole: boolean; step: number | null }> = {
    this_month: { current: { start: month, end: today }, whole: false, step: 1 },
    last_month: { current: { start: addMonths(month, -1), end: addDays(month, -1) }, whole: true, step: 1 },
    this_quarter: { current: { start: quarter, end: today }, whole: false, step: 3 },
    last_quarter: {
      current: { start: addMonths(quarter, -3), end: addDays(quarter, -1) },
      whole: true,
      step: 3,
    },
    year_to_date: { current: { start: periodStart('year', today), end: today }, whole: false, step: null },
    last_12_months: {
      current: { start: addMonths(month, -12), end: addDays(month, -1) },
      whole: true,
      step: null,
    },
  };
  const { current, whole, step } = table[period];
  return {
    period,
    current,
    previous: step === null ? null : shift(current, -step, whole),
    lastYear: shift(current, -12, whole),
  };
}

/** The last complete month on or before `range.end`, as [first day, last day]. */
export function lastCompleteMonthEnd(range: DateRange): string {
  const next = addDays(range.end, 1);
  return next.slice(8) === '01' ? range.end : addDays(periodStart('month', range.end), -1);
}
