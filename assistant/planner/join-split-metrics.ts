/**
 * A metric's phrase split by a few generic words: "pairs were returned" is "pairs returned",
 * "cash do we have in the bank" is "cash in bank". Two neighbouring mentions (the first a metric)
 * with only stopwords or filler between them are one metric when their words together are
 * exactly the content words of one metric's name, label or synonym.
 */
import { STOPWORDS, type Token } from '../../semantic-layer/catalog/normalize-text.ts';
import { contentKey, type PlannerLexicon } from './planner-lexicon.ts';
import { FILLER_WORDS } from './question-words.ts';
import type { Mention } from './read-span.ts';

const MAX_GAP = 5;

export function joinSplitMetrics(
  lexicon: PlannerLexicon,
  tokens: readonly Token[],
  mentions: Mention[],
): Mention[] {
  const out: Mention[] = [];
  for (const m of mentions) {
    const last = out[out.length - 1];
    const joined = last === undefined ? null : joined2(lexicon, tokens, last, m);
    if (joined !== null) out[out.length - 1] = joined;
    else out.push(m);
  }
  return out;
}

function joined2(lexicon: PlannerLexicon, tokens: readonly Token[], a: Mention, b: Mention): Mention | null {
  if (a.kind !== 'metric' || a.qualifier || b.qualifier || b.start - a.end > MAX_GAP) return null;
  const gap = tokens.slice(a.end, b.start);
  if (!gap.every((t) => STOPWORDS.has(t.norm) || FILLER_WORDS.has(t.norm))) return null;
  const key = contentKey([...tokens.slice(a.start, a.end), ...tokens.slice(b.start, b.end)]);
  const metrics = lexicon.metricsByWords.get(key);
  if (metrics === undefined || metrics.length !== 1) return null;
  return {
    ...a,
    kind: 'metric',
    member: metrics[0] as string,
    alternatives: [],
    values: [],
    valuesByDimension: {},
    partial: false,
    end: b.end,
    words: `${a.words} ${b.words}`,
    score: Math.max(a.score, b.score),
  };
}
