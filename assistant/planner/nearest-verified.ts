/**
 * The nearest verified query: the model's verified questions and those saved from feedback,
 * compared with the question by Jaccard similarity over content words (time phrases and filler
 * removed, typos and inflections allowed). At 0.8 or more its query is used, with the period,
 * grain and comparison the question names put in place of the verified ones.
 */
import { METRIC_TIME } from '../../semantic-layer/query/model-members.ts';
import type { SemanticQuery } from '../../semantic-layer/query/semantic-query-shape.ts';
import { chartFor } from './compose-plan.ts';
import { describeQuery, intentOfQuery } from './describe-query.ts';
import type { MatchedQuestion } from './match-question.ts';
import type { Plan } from './plan.ts';
import type { PlannerLexicon } from './planner-lexicon.ts';
import type { Cues } from './read-cues.ts';
import type { Slots } from './resolve-slots.ts';
import type { TimePhrases } from './time-phrases.ts';
import { similarity } from './verified-words.ts';

export const VERIFIED_THRESHOLD = 0.8;

export function nearestVerified(
  lexicon: PlannerLexicon,
  matched: MatchedQuestion,
  slots: Slots,
  time: TimePhrases,
  cues: Cues,
): Plan | null {
  // Members the question names must all be in the verified query: near words are not enough.
  const within = (v: SemanticQuery) =>
    (slots.metrics.length === 0 ||
      (slots.metrics.length === v.metrics.length && slots.metrics.every((m) => v.metrics.includes(m)))) &&
    slots.dimensions.every((d) => v.dimensions.includes(d)) &&
    slots.filters.every((f) =>
      v.filters.some((g) => g.dimension === f.dimension && g.values.join() === f.values.join()),
    );
  // Same shape only: a trend is not a total, a comparison not a single period.
  const grain = time.grain !== null || cues.trend;
  const compare = time.compare !== null || time.baseline !== null || cues.compare;
  let best: { score: number; index: number } | null = null;
  lexicon.verified.forEach((v, index) => {
    if ((v.query.time?.grain != null) !== grain || (v.query.compare !== null) !== compare || !within(v.query))
      return;
    const score = similarity(matched.tokens, matched.matches, v.words, lexicon.setup.catalog.vocabulary);
    if (score >= VERIFIED_THRESHOLD && (best === null || score > best.score)) best = { score, index };
  });
  if (best === null) return null;
  const chosen = lexicon.verified[(best as { index: number }).index];
  if (chosen === undefined) return null;
  const query: SemanticQuery = structuredClone(chosen.query);
  if (time.range !== null || time.grain !== null) {
    const base = query.time ?? {
      dimension: METRIC_TIME,
      grain: null,
      range: time.range ?? { relative: 'all_time' },
    };
    query.time = { ...base, range: time.range ?? base.range, grain: time.grain ?? base.grain };
  }
  if (time.compare !== null) query.compare = time.compare;
  if (!lexicon.compiles(query)) return null;
  const intent = intentOfQuery(query, cues.rank !== null);
  const label = time.range !== null ? time.label : null;
  return {
    kind: 'tools',
    intent,
    calls: [{ tool: 'query_metrics', arguments: query as unknown as Record<string, unknown> }],
    query,
    chart: chartFor(intent, query, cues.chart),
    understood: `${describeQuery(lexicon, query, intent, label)} (${time.range === null ? 'as' : 'the period you named, otherwise as'} the verified question "${chosen.question}")`,
  };
}
