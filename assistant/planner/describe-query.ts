/**
 * The plan's `understood`: what the planner read, in words, with the period and its dates, e.g.
 * "Revenue by region, last quarter (2025-10-01 to 2025-12-31), compared with the same period last year".
 */
import type { SemanticQuery } from '../../semantic-layer/query/semantic-query-shape.ts';
import type { PlanIntent } from './plan.ts';
import { dimensionWords, metricWords, type PlannerLexicon } from './planner-lexicon.ts';
import { describeRange } from './time-defaults.ts';

const capital = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

export function describeQuery(
  lexicon: PlannerLexicon,
  query: SemanticQuery,
  intent: PlanIntent,
  timeLabel?: string | null,
): string {
  const parts: string[] = [];
  const metrics = query.metrics.map((m) => metricWords(lexicon, m)).join(' and ');
  const dims = query.dimensions.map((d) => dimensionWords(lexicon, d)).join(' and ');
  parts.push(capital(metrics) + (dims === '' ? '' : ` by ${dims}`));
  if (query.time?.grain) parts.push(`by ${query.time.grain.replace('_', ' ')}`);
  parts.push(...filtersInWords(lexicon, query.filters));
  const { clock, fiscalYearStartMonth } = lexicon.setup;
  parts.push(
    query.time === null
      ? 'all time'
      : (timeLabel ?? describeRange(query.time.range, { clock, fiscalYearStartMonth })),
  );
  // A period label from the question already says what it is compared with.
  const labelled = timeLabel != null && / vs /.test(timeLabel);
  if (!labelled && query.compare === 'previous_period') parts.push('compared with the previous period');
  if (!labelled && query.compare === 'same_period_last_year')
    parts.push('compared with the same period last year');
  if (intent === 'rank') {
    const direction = query.order[0]?.direction === 'asc' ? 'bottom' : 'top';
    parts.push(`${direction} ${query.limit}`);
  }
  if (query.share_of_total) parts.push('as a share of the total');
  return parts.join(', ');
}

/** The intent a finished query answers (for verified queries and follow-ups); `ranked`: a rank was asked. */
export function intentOfQuery(query: SemanticQuery, ranked: boolean): PlanIntent {
  if (query.compare !== null) return 'compare';
  if (query.share_of_total) return 'share';
  const byMetric = query.order.some((o) => query.metrics.includes(o.by));
  // A short list ordered by the metric is a ranking only when the question asked for one.
  if (ranked && query.dimensions.length > 0 && byMetric && query.limit <= 25) return 'rank';
  if (query.time?.grain) return 'trend';
  if (query.dimensions.length > 0) return 'breakdown';
  return 'total';
}

export function filtersInWords(lexicon: PlannerLexicon, filters: SemanticQuery['filters']): string[] {
  return filters.map((f) => {
    const values = f.values.map(String).join(f.operator === 'in' ? ' or ' : ', ');
    const not = f.operator === 'not_equals' || f.operator === 'not_in' ? 'not ' : '';
    return `${dimensionWords(lexicon, f.dimension)} ${not}${values}`;
  });
}
