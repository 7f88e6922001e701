/**
 * Slots + cues + time phrases -> the intent, the semantic query and the tool calls. Rules:
 * "why" explains a change; top/bottom N with a dimension ranks; share words ask for each member's
 * share of the total; a comparison (vs last year, two periods) compares; a grain or "trend" makes a
 * trend; a dimension alone a breakdown; otherwise a total. Periods not named take the defaults of
 * time-defaults.ts. Only queries that compile are emitted.
 */
import type { ChartKind } from '../../charts/chart-choice.ts';
import { METRIC_TIME } from '../../semantic-layer/query/model-members.ts';
import type { SemanticQuery, TimeRange } from '../../semantic-layer/query/semantic-query-shape.ts';
import { describeQuery, filtersInWords } from './describe-query.ts';
import { placeholderFilters } from './leave-out-placeholders.ts';
import type { Plan, PlanIntent } from './plan.ts';
import { dimensionWords, metricWords, type PlannerLexicon } from './planner-lexicon.ts';
import type { Cues } from './read-cues.ts';
import type { Slots } from './resolve-slots.ts';
import { asRunningTotal } from './running-total.ts';
import {
  baselineOf,
  DEFAULT_RANGE,
  DEFAULT_TREND_RANGE,
  describeRange,
  untilToday,
} from './time-defaults.ts';
import type { TimePhrases } from './time-phrases.ts';

export const DEFAULT_LIMIT = 100;
const TREND_LIMIT = 1000;

export function chartFor(
  intent: PlanIntent,
  query: SemanticQuery,
  asked: Cues['chart'],
): ChartKind | 'auto' | null {
  if (asked !== null) return asked;
  if (['trend', 'breakdown', 'rank', 'share'].includes(intent)) return 'auto';
  if (intent === 'compare' && (query.dimensions.length > 0 || query.time?.grain)) return 'auto';
  return null;
}

function intentOf(slots: Slots, cues: Cues, time: TimePhrases): PlanIntent {
  if (cues.explain) return 'explain';
  if (cues.rank !== null && (slots.dimensions.length > 0 || cues.grainNoun !== null)) return 'rank';
  if (cues.share && (slots.dimensions.length > 0 || slots.valueDimensions.length > 0)) return 'share';
  if (time.compare !== null || time.baseline !== null || cues.compare) return 'compare';
  if (time.grain !== null || cues.trend) return 'trend';
  if (slots.dimensions.length > 0) return 'breakdown';
  return 'total';
}

/** Rank size: N when given; else one for "which store" (singular), ten for "top stores". */
function rankSize(cues: Cues, pluralDimension: boolean): number {
  return cues.rank?.n ?? (pluralDimension ? 10 : 1);
}

/** The plan, or why the composed query does not compile. */
export type Composed = { plan: Plan; failure: null } | { plan: null; failure: string };

export function composePlan(
  lexicon: PlannerLexicon,
  slots: Slots,
  cues: Cues,
  time: TimePhrases,
  pluralDimension: boolean,
): Composed {
  const intent = intentOf(slots, cues, time);
  const ctx = { clock: lexicon.setup.clock, fiscalYearStartMonth: lexicon.setup.fiscalYearStartMonth };
  let dimensions = [...slots.dimensions];
  let filters = [...slots.filters];
  let focus: { dimension: string; values: string[] } | undefined;
  if (intent === 'share' && dimensions.length === 0) {
    // "what percent of sales came from online": the share among that dimension's members, the
    // asked one named first in the answer.
    dimensions = [...slots.valueDimensions];
    const asked = filters.find((f) => f.dimension === dimensions[0] && ['equals', 'in'].includes(f.operator));
    if (asked !== undefined) focus = { dimension: asked.dimension, values: asked.values.map(String) };
    filters = filters.filter((f) => !dimensions.includes(f.dimension));
  }
  if (
    intent === 'compare' &&
    cues.compare &&
    time.compare === null &&
    time.baseline === null &&
    dimensions.length === 0
  ) {
    // "A vs B" of one dimension: compare the members side by side.
    const several = filters.find((f) => f.operator === 'in');
    if (several !== undefined) dimensions = [several.dimension];
  }
  const named = time.range;
  // "best month for sales": rank the periods themselves.
  const periodRank = intent === 'rank' && slots.dimensions.length === 0 ? cues.grainNoun : null;
  const range: TimeRange =
    named ?? (intent === 'trend' || periodRank !== null ? DEFAULT_TREND_RANGE : DEFAULT_RANGE);
  const grain = time.grain ?? periodRank ?? (intent === 'trend' ? 'month' : null);
  const metric = slots.metrics[0] as string;
  const compare =
    time.compare ??
    (intent === 'compare' && time.baseline === null && dimensions.length === slots.dimensions.length
      ? 'previous_period'
      : null);
  const query: SemanticQuery = {
    metrics: slots.metrics.slice(0, 8),
    dimensions: dimensions.slice(0, 4),
    time: { dimension: METRIC_TIME, grain, range },
    filters,
    compare: intent === 'explain' ? null : compare,
    share_of_total: intent === 'share',
    include_others: false,
    order: [],
    limit: DEFAULT_LIMIT,
  };
  if (intent === 'rank') {
    const spec = lexicon.metrics.get(metric);
    const word = cues.rank?.direction ?? 'high';
    const high =
      word === 'high' ||
      (word === 'best' && spec?.higher_is_better !== false) ||
      (word === 'worst' && spec?.higher_is_better === false);
    query.order = [{ by: metric, direction: high ? 'desc' : 'asc' }];
    query.limit = rankSize(cues, pluralDimension && periodRank === null);
    query.filters = [...filters, ...placeholderFilters(lexicon, query.dimensions, filters)];
  } else if (grain !== null) {
    query.order = [{ by: METRIC_TIME, direction: 'asc' }];
    query.limit = TREND_LIMIT;
  } else if (query.dimensions.length > 0) {
    query.order = [{ by: metric, direction: 'desc' }];
  }
  const running = intent === 'total' ? asRunningTotal(lexicon, query, named) : null;
  if (!lexicon.compiles(query)) return { plan: null, failure: whyNot(lexicon, query) };
  const timeLabel = named === null ? null : time.label;
  if (intent === 'explain') {
    // A period still running ("this year") is compared to date with the same span before it.
    const current = untilToday(range, ctx);
    const baseline =
      time.baseline ?? baselineOf(current, time.compare ?? time.shiftOnly ?? 'previous_period', ctx);
    const understood = [
      `Why ${metricWords(lexicon, metric)} changed: ${current === range && timeLabel !== null && !/ vs /.test(timeLabel) ? timeLabel : describeRange(current, ctx)} against ${describeRange(baseline, ctx)}`,
      ...filtersInWords(lexicon, filters),
    ].join(', ');
    const args = {
      metric,
      current,
      baseline,
      dimensions: query.dimensions.length ? query.dimensions : null,
      filters,
      top: null,
    };
    return {
      plan: {
        kind: 'tools',
        intent,
        calls: [{ tool: 'explain_change', arguments: args }],
        query,
        chart: cues.chart,
        understood,
      },
      failure: null,
    };
  }
  const calls = [{ tool: 'query_metrics', arguments: query as unknown as Record<string, unknown> }];
  let understood = running?.understood ?? describeQuery(lexicon, query, intent, timeLabel);
  if (time.baseline !== null) {
    const second: SemanticQuery = {
      ...query,
      time: { ...(query.time as NonNullable<SemanticQuery['time']>), range: time.baseline },
    };
    calls.push({ tool: 'query_metrics', arguments: second as unknown as Record<string, unknown> });
    if (timeLabel === null || !/ vs /.test(timeLabel))
      understood += `, against ${describeRange(time.baseline, ctx)}`;
  }
  return {
    plan: {
      kind: 'tools',
      intent,
      calls,
      query,
      chart: chartFor(intent, query, cues.chart),
      understood,
      ...(focus ? { focus } : {}),
    },
    failure: null,
  };
}

/** Which part makes the query fail: a dimension the metric cannot be sliced by, usually. */
function whyNot(lexicon: PlannerLexicon, query: SemanticQuery): string {
  for (const d of [...query.dimensions, ...query.filters.map((f) => f.dimension)]) {
    if (
      !lexicon.compiles({
        ...query,
        dimensions: [d],
        filters: [],
        order: [],
        compare: null,
        share_of_total: false,
      })
    ) {
      return `${query.metrics.map((m) => metricWords(lexicon, m)).join(' and ')} cannot be broken down by ${dimensionWords(lexicon, d)}`;
    }
  }
  return `${query.metrics.map((m) => metricWords(lexicon, m)).join(' and ')} cannot be asked this way`;
}
