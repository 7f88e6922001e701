/**
 * The period in words with its resolved dates, for the planner's "understood" line:
 * "Q3 2025 (2025-07-01 to 2025-09-30), vs the same period a year earlier (2024-07-01 to 2024-09-30)".
 */
import {
  compareRange,
  type RangeContext,
  resolveTimeRange,
} from '../../../semantic-layer/query/resolve-time-range.ts';
import type { CompareMode, TimeRange } from '../../../semantic-layer/query/semantic-query-shape.ts';
import type { Period } from './period-rule.ts';

function dates(span: { start: string; end: string }): string {
  return span.start === span.end ? span.start : `${span.start} to ${span.end}`;
}

export function describePeriod(words: string, range: TimeRange, context: RangeContext): string {
  const resolved = resolveTimeRange(range, context);
  return resolved === null ? words : `${words} (${dates(resolved)})`;
}

export function describeComparison(
  range: TimeRange,
  compare: CompareMode | null,
  baseline: Period | null,
  context: RangeContext,
): string {
  if (baseline !== null) return `, vs ${describePeriod(baseline.words, baseline.range, context)}`;
  const resolved = resolveTimeRange(range, context);
  if (compare === null || resolved === null) return '';
  const words =
    compare === 'same_period_last_year' ? 'the same period a year earlier' : 'the previous period';
  return `, vs ${words} (${dates(compareRange(resolved, compare))})`;
}
