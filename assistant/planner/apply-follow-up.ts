/**
 * Follow-ups change the thread's last query instead of starting over: a metric replaces the
 * metrics ("what about units?"), a dimension is added as a group-by ("and by store?"), a value
 * replaces the filter on its dimension ("what about the West?"), a period replaces the range
 * ("and in Q2?") or shifts it ("same for last year"), top N ranks ("top 3 of those"), a share
 * word asks for shares, a chart kind redraws ("as a bar chart instead").
 */
import { METRIC_TIME } from '../../semantic-layer/query/model-members.ts';
import type { SemanticQuery } from '../../semantic-layer/query/semantic-query-shape.ts';
import { DEFAULT_LIMIT } from './compose-plan.ts';
import { intentOfQuery } from './describe-query.ts';
import type { PlanIntent, ThreadContext } from './plan.ts';
import type { PlannerLexicon } from './planner-lexicon.ts';
import type { Cues } from './read-cues.ts';
import type { Slots } from './resolve-slots.ts';
import { DEFAULT_RANGE, shiftRange } from './time-defaults.ts';
import type { TimePhrases } from './time-phrases.ts';

/** Whether the question carries anything a follow-up can apply. */
export function hasFollowUpChange(slots: Slots, cues: Cues, time: TimePhrases): boolean {
  return (
    slots.metrics.length > 0 ||
    slots.dimensions.length > 0 ||
    slots.filters.length > 0 ||
    time.range !== null ||
    time.shiftOnly !== null ||
    time.compare !== null ||
    time.grain !== null ||
    cues.chart !== null ||
    cues.rank !== null ||
    cues.share ||
    cues.trend
  );
}

export function applyFollowUp(
  lexicon: PlannerLexicon,
  thread: ThreadContext,
  slots: Slots,
  cues: Cues,
  time: TimePhrases,
): { query: SemanticQuery; intent: PlanIntent } {
  const last = thread.lastQuery as SemanticQuery;
  const ctx = { clock: lexicon.setup.clock, fiscalYearStartMonth: lexicon.setup.fiscalYearStartMonth };
  const q: SemanticQuery = structuredClone(last);
  if (slots.metrics.length > 0) {
    q.metrics = slots.metrics.slice(0, 8);
    q.order = q.order.map((o) => (last.metrics.includes(o.by) ? { ...o, by: q.metrics[0] as string } : o));
  }
  for (const d of slots.dimensions)
    if (!q.dimensions.includes(d) && q.dimensions.length < 4) q.dimensions.push(d);
  for (const f of slots.filters) q.filters = [...q.filters.filter((x) => x.dimension !== f.dimension), f];
  const lastTime = q.time ?? { dimension: METRIC_TIME, grain: null, range: DEFAULT_RANGE };
  if (time.range !== null) q.time = { ...lastTime, range: time.range };
  else if (time.shiftOnly !== null)
    q.time = { ...lastTime, range: shiftRange(lastTime.range, time.shiftOnly, ctx) };
  if (time.grain !== null || cues.trend) {
    q.time = { ...(q.time ?? lastTime), grain: time.grain ?? q.time?.grain ?? 'month' };
    q.order = [{ by: METRIC_TIME, direction: 'asc' }];
    q.limit = 1000;
  }
  if (time.compare !== null) q.compare = time.compare;
  if (cues.share) q.share_of_total = true;
  const metric = q.metrics[0] as string;
  if (cues.rank !== null && q.dimensions.length > 0) {
    const spec = lexicon.metrics.get(metric);
    const w = cues.rank.direction;
    const high =
      w === 'high' ||
      (w === 'best' && spec?.higher_is_better !== false) ||
      (w === 'worst' && spec?.higher_is_better === false);
    q.order = [{ by: metric, direction: high ? 'desc' : 'asc' }];
    q.limit = cues.rank.n ?? Math.min(last.limit, 10);
    return { query: q, intent: 'rank' };
  }
  if (slots.dimensions.length > 0 && q.order.length === 0) q.order = [{ by: metric, direction: 'desc' }];
  if (q.order.length === 0 && q.limit !== DEFAULT_LIMIT) q.limit = DEFAULT_LIMIT;
  const intent =
    cues.chart !== null && !hasDataChange(slots, cues, time) && thread.lastIntent
      ? thread.lastIntent
      : intentOfQuery(q, thread.lastIntent === 'rank');
  return { query: q, intent };
}

function hasDataChange(slots: Slots, cues: Cues, time: TimePhrases): boolean {
  return hasFollowUpChange(slots, { ...cues, chart: null }, time);
}

/**
 * "why?" / "why did it drop?" after a question: explain the last query's first metric over its
 * period (or the one now named), with its filters, against its comparison or the period before.
 */
export function explainLast(
  thread: ThreadContext,
  slots: Slots,
  time: TimePhrases,
): { slots: Slots; time: TimePhrases } {
  const last = thread.lastQuery as SemanticQuery;
  const filters = [
    ...last.filters.filter((f) => !slots.filters.some((g) => g.dimension === f.dimension)),
    ...slots.filters,
  ];
  return {
    slots: { ...slots, metrics: last.metrics.slice(0, 1), filters },
    time: {
      ...time,
      range: time.range ?? last.time?.range ?? null,
      compare: time.compare ?? last.compare,
      label: time.range === null ? null : time.label,
    },
  };
}
