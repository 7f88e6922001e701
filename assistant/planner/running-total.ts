/**
 * A running total (a cumulative metric: a balance, a year-to-date figure) asked as one figure is
 * its value on the period's last day, up to today; with no period named, today's ("how much cash
 * do we have"). The query becomes that one day: by day, latest first, one row.
 */
import { METRIC_TIME } from '../../semantic-layer/query/model-members.ts';
import type { SemanticQuery, TimeRange } from '../../semantic-layer/query/semantic-query-shape.ts';
import { filtersInWords } from './describe-query.ts';
import { metricWords, type PlannerLexicon } from './planner-lexicon.ts';
import { describeRange, untilToday } from './time-defaults.ts';

/** Turns `query` into its last day's value when it asks a running total as a total; else null. */
export function asRunningTotal(
  lexicon: PlannerLexicon,
  query: SemanticQuery,
  named: TimeRange | null,
): { understood: string } | null {
  const running = query.metrics.some((m) => lexicon.metrics.get(m)?.type === 'cumulative');
  if (!running || query.time?.grain != null || query.dimensions.length > 0 || lexicon.compiles(query))
    return null;
  const ctx = { clock: lexicon.setup.clock, fiscalYearStartMonth: lexicon.setup.fiscalYearStartMonth };
  const until = untilToday(named ?? { relative: 'this_month' }, ctx);
  query.time = { dimension: METRIC_TIME, grain: 'day', range: until };
  query.order = [{ by: METRIC_TIME, direction: 'desc' }];
  query.limit = 1;
  const understood = [
    `${query.metrics.map((m) => metricWords(lexicon, m)).join(' and ')} on the last day of ${describeRange(until, ctx)}`,
    ...filtersInWords(lexicon, query.filters),
  ].join(', ');
  return { understood: understood.replace(/^./, (c) => c.toUpperCase()) };
}
