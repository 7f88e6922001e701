/**
 * Periods the question did not name, and periods in words. With no period named the planner
 * uses the last twelve months for a trend and the last complete month otherwise, and always says
 * which period it used (with its dates) in the plan's `understood`, so the user sees it.
 */
import { isoDate } from '../../core/clock.ts';
import { compareRange, resolveTimeRange } from '../../semantic-layer/query/resolve-time-range.ts';
import type { CompareMode, TimeRange } from '../../semantic-layer/query/semantic-query-shape.ts';
import type { PlannerSetup } from './plan.ts';

export const DEFAULT_TREND_RANGE: TimeRange = { relative: 'last_12_months' };
export const DEFAULT_RANGE: TimeRange = { relative: 'last_month' };

type Context = Pick<PlannerSetup, 'clock' | 'fiscalYearStartMonth'>;

/** "last month (2025-02-01 to 2025-02-28)", "2025-01-01 to 2025-03-31", "all time". */
export function describeRange(range: TimeRange, context: Context): string {
  const resolved = resolveTimeRange(range, context);
  const dates = resolved === null ? '' : `${resolved.start} to ${resolved.end}`;
  if ('relative' in range) {
    const words = range.relative.replace(/_/g, ' ');
    return resolved === null ? words : `${words} (${dates})`;
  }
  return dates;
}

/** The period a range is compared with, as dates: the previous period or the same one a year back. */
export function baselineOf(range: TimeRange, mode: CompareMode, context: Context): TimeRange {
  const bounded = resolveTimeRange(range, context) === null ? DEFAULT_RANGE : range;
  return compareRange(resolveTimeRange(bounded, context), mode);
}

/** A range moved back: "same for last year" on last quarter gives last quarter a year earlier. */
export function shiftRange(range: TimeRange, mode: CompareMode, context: Context): TimeRange {
  return baselineOf(range, mode, context);
}

/** The range cut at today when it runs past it ("this year" on 30 June: 1 January to 30 June). */
export function untilToday(range: TimeRange, ctx: Context): TimeRange {
  const resolved = resolveTimeRange(range, ctx);
  const today = isoDate(ctx.clock.now());
  if (resolved === null || resolved.end <= today || resolved.start > today) return range;
  return { start: resolved.start, end: today };
}
