/**
 * From the mentions found in a question to the query's slots: metrics, group-by dimensions and
 * filters. Where words fit several members equally (a value stored in two dimensions, a synonym
 * two metrics share), the members that compile together win; a tie that remains is reported,
 * never guessed.
 */
import type { QueryFilter, SemanticQuery } from '../../semantic-layer/query/semantic-query-shape.ts';
import type { MatchedQuestion, Mention } from './match-question.ts';
import type { PlannerLexicon } from './planner-lexicon.ts';
import { MEMBER_RANK_WORDS, NEGATION_WORDS, PERCENT_WORDS } from './question-words.ts';

export interface Slots {
  metrics: string[];
  dimensions: string[];
  filters: QueryFilter[];
  /** Words that fit several metrics equally, and those metrics. */
  metricTie: { words: string; metrics: string[] } | null;
  /** Only part of a value was named and several values have it. */
  ambiguousValue: { words: string; dimension: string; values: string[] } | null;
  /** Value mentions (after qualifiers), kept for follow-ups and share questions. */
  valueDimensions: string[];
}

export function probeQuery(metrics: string[], dimensions: string[], filterDims: string[]): SemanticQuery {
  return {
    metrics,
    dimensions,
    time: null,
    filters: filterDims.map((dimension) => ({ dimension, operator: 'is_not_null', values: [] })),
    compare: null,
    share_of_total: false,
    include_others: false,
    order: [],
    limit: 1,
  };
}

/**
 * `threadMetrics`: the last query's metrics, so that a follow-up's dimension or value is one those
 * metrics can be sliced by ("only online" after a revenue question).
 */
export function resolveSlots(
  lexicon: PlannerLexicon,
  matched: MatchedQuestion,
  threadMetrics: readonly string[] = [],
): Slots {
  const mentions = matched.mentions.map((m) => ({ ...m }));
  // A qualifier next to a value fixes the value's dimension ("region West").
  for (const q of mentions.filter((m) => m.qualifier)) {
    for (const v of mentions.filter((m) => m.kind === 'value')) {
      const near = v.start === q.end || v.end === q.start || v.start === q.end + 1 || v.end + 1 === q.start;
      const dims = [q.member, ...q.alternatives].filter((d) => v.valuesByDimension[d] !== undefined);
      if (near && dims.length > 0) {
        Object.assign(v, {
          member: dims[0],
          values: v.valuesByDimension[dims[0] as string],
          alternatives: dims.slice(1),
        });
      }
    }
  }
  // "which station had the most rides": with no metric elsewhere, words that also name a metric
  // are it; not after "top" or "best", which rank members ("top customers": by the headline metric).
  if (!mentions.some((m) => m.kind === 'metric')) {
    const both = mentions.find(
      (m) =>
        m.kind === 'dimension' &&
        !m.qualifier &&
        m.metricToo !== undefined &&
        !MEMBER_RANK_WORDS.has(m.rankWord ?? ''),
    );
    if (both !== undefined) Object.assign(both, { kind: 'metric', member: both.metricToo, alternatives: [] });
  }
  const metricMentions = mentions.filter((m) => m.kind === 'metric');
  let metrics = [...new Set(metricMentions.map((m) => m.member))];
  if (metrics.length === 0 && matched.weakMetric !== null) metrics = [matched.weakMetric];
  const compatible = (ms: string[], ds: string[], fs: string[]) => {
    const tested = ms.length > 0 ? ms : [...threadMetrics];
    return tested.length === 0 ? true : lexicon.compiles(probeQuery(tested, ds, fs));
  };
  const isTime = (d: string) => lexicon.dimensions.get(d)?.spec.type === 'time';
  const pick = (m: Mention, fits: (member: string) => boolean): string => {
    // With no metric to test against, the dimension with data in the index is the likelier one.
    const options = [m.member, ...m.alternatives].sort((a, b) =>
      metrics.length === 0 && threadMetrics.length === 0 ? lexicon.valueCount(b) - lexicon.valueCount(a) : 0,
    );
    return options.find(fits) ?? m.member;
  };
  const dimensions: string[] = [];
  for (const m of mentions.filter((x) => x.kind === 'dimension' && !x.qualifier)) {
    const d = pick(m, (o) => !isTime(o) && compatible(metrics, [o], []));
    if (!isTime(d) && !dimensions.includes(d)) dimensions.push(d);
  }
  // "top wholesale customers": "customers" qualifies "wholesale" (the segment) and is also what is
  // ranked, by its model's own dimension (the customer's name).
  for (const m of mentions.filter((x) => x.qualifier && MEMBER_RANK_WORDS.has(x.rankWord ?? ''))) {
    const owner = lexicon.dimensions.get(m.member)?.semanticModel;
    const ranked = owner === undefined ? undefined : lexicon.modelDimension.get(owner);
    if (ranked !== undefined && !dimensions.includes(ranked)) dimensions.push(ranked);
  }
  const byDimension = new Map<string, string[]>();
  const excluded = new Map<string, string[]>();
  let lastExcludedEnd = -1;
  let ambiguousValue: Slots['ambiguousValue'] = null;
  for (const m of mentions.filter((x) => x.kind === 'value')) {
    const d = pick(m, (o) => compatible(metrics, dimensions, [o]));
    const values = m.valuesByDimension[d] ?? m.values;
    if (m.partial && (values.length > 1 || m.alternatives.length > 0)) {
      // Only part of a value, and several values (maybe of several dimensions) have it: ask.
      const all = [m.member, ...m.alternatives].flatMap((x) => m.valuesByDimension[x] ?? []);
      ambiguousValue ??= { words: m.words, dimension: d, values: [...new Set(all)] };
      continue;
    }
    const joined =
      lastExcludedEnd >= 0 &&
      matched.tokens
        .slice(lastExcludedEnd, m.start)
        .every((t) => ['and', 'or', 'the', 'nor'].includes(t.norm));
    const into = joined || negated(matched, m.start) ? excluded : byDimension;
    lastExcludedEnd = into === excluded ? m.end : -1;
    into.set(d, [...new Set([...(into.get(d) ?? []), ...values])]);
  }
  const filters: QueryFilter[] = [
    ...[...byDimension].map(([dimension, values]) => ({
      dimension,
      operator: values.length === 1 ? ('equals' as const) : ('in' as const),
      values,
    })),
    ...[...excluded].map(([dimension, values]) => ({
      dimension,
      operator: values.length === 1 ? ('not_equals' as const) : ('not_in' as const),
      values,
    })),
  ];
  let metricTie: Slots['metricTie'] = null;
  for (const m of metricMentions.filter((x) => x.alternatives.length > 0)) {
    const others = metrics.filter((x) => x !== m.member);
    let fits = [m.member, ...m.alternatives].filter((o) =>
      compatible([...others, o], dimensions, [...byDimension.keys()]),
    );
    // A percentage and an amount share the words ("net profit", "returned"): without a word
    // asking for a percentage, the amount is meant ("how many pairs were returned").
    const amounts = fits.filter((o) => lexicon.metrics.get(o)?.format !== 'percent');
    if (!asksPercent(matched) && amounts.length > 0) fits = amounts;
    if (fits.length > 1) metricTie ??= { words: m.words, metrics: fits };
    else if (fits.length === 1) metrics = metrics.map((x) => (x === m.member ? (fits[0] as string) : x));
  }
  return {
    metrics,
    dimensions,
    filters,
    metricTie,
    ambiguousValue,
    valueDimensions: [...byDimension.keys()],
  };
}

/** A value right after "excluding", "except", "without", "not (including)" is left out. */
function negated(matched: MatchedQuestion, start: number): boolean {
  for (let i = start - 1; i >= Math.max(0, start - 3); i--) {
    const word = matched.tokens[i]?.norm ?? '';
    if (NEGATION_WORDS.has(word)) return true;
    if (!['the', 'for', 'including', 'include', 'any', 'and', 'or'].includes(word)) return false;
  }
  return false;
}

/** The question asks for a percentage ("%" is read as "pct" before matching). */
function asksPercent(matched: MatchedQuestion): boolean {
  return matched.tokens.some((t) => PERCENT_WORDS.has(t.norm));
}
