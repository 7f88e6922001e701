/**
 * Reads the intent cues of a question's words that no catalog member took: top/bottom N, share,
 * trend, comparison, "why", listing, a chart kind, a follow-up opener. Each cue word counts as
 * accounted for; what is left and is neither a stopword nor filler is "not understood".
 */

import type { ChartKind } from '../../charts/chart-choice.ts';
import { parseKind } from '../../charts/chart-choice.ts';
import { STOPWORDS, type Token } from '../../semantic-layer/catalog/normalize-text.ts';
import {
  CHANGE_WORDS,
  CHART_KIND_WORDS,
  CHART_WORDS,
  COMPARE_WORDS,
  EXPLAIN_WORDS,
  FILLER_WORDS,
  FOLLOW_UP_WORDS,
  GRAIN_NOUNS,
  GROUP_WORDS,
  LIST_WORDS,
  NEGATION_WORDS,
  NUMBER_WORDS,
  RANK_WORDS,
  SHARE_WORDS,
  TREND_WORDS,
} from './question-words.ts';

export interface Cues {
  rank: { direction: 'high' | 'low' | 'best' | 'worst'; n: number | null } | null;
  share: boolean;
  trend: boolean;
  compare: boolean;
  explain: boolean;
  list: boolean;
  /** A chart kind asked for ("as a bar chart"); 'auto' for "chart it" with no kind. */
  chart: ChartKind | 'auto' | null;
  /** "best month": with a rank, the period noun to rank by; else null. */
  grainNoun: 'day' | 'week' | 'month' | 'quarter' | 'year' | null;
  /** Opens like a follow-up: "and ...", "what about ...", "same ...", "instead". */
  followUp: boolean;
  /** Words neither matched, cues, stopwords nor filler, as written. */
  unknown: { index: number; raw: string }[];
}

const numberOf = (t: Token | undefined): number | null => {
  if (t === undefined) return null;
  if (/^\d+$/.test(t.norm)) return Number(t.norm);
  return NUMBER_WORDS.get(t.norm) ?? null;
};

export function readCues(tokens: readonly Token[], covered: ReadonlySet<number>): Cues {
  const used = new Set<number>(covered);
  const free = (i: number) => !covered.has(i);
  const has = (set: ReadonlySet<string>) => {
    let hit = false;
    tokens.forEach((t, i) => {
      if (free(i) && set.has(t.norm)) {
        used.add(i);
        hit = true;
      }
    });
    return hit;
  };
  let rank: Cues['rank'] = null;
  tokens.forEach((t, i) => {
    const direction = RANK_WORDS.get(t.norm);
    if (rank !== null || direction === undefined || !free(i)) return;
    used.add(i);
    // "top 5", "5 best", "worst three"
    for (const j of [i + 1, i - 1]) {
      const n = free(j) ? numberOf(tokens[j]) : null;
      if (n !== null && n > 0 && n <= 1000) {
        used.add(j);
        rank = { direction, n };
        return;
      }
    }
    rank = { direction, n: null };
  });
  // "which 3 stores had the lowest ...": a number right after "which"/"what" sizes the ranking.
  if (rank !== null && (rank as NonNullable<Cues['rank']>).n === null) {
    const at = tokens.findIndex(
      (t, i) =>
        free(i) && i > 0 && ['which', 'what'].includes(tokens[i - 1]?.norm ?? '') && numberOf(t) !== null,
    );
    const n = at >= 0 ? numberOf(tokens[at]) : null;
    if (n !== null && n > 0 && n <= 1000) {
      used.add(at);
      rank = { ...(rank as NonNullable<Cues['rank']>), n };
    }
  }
  let grainNoun: Cues['grainNoun'] = null;
  if (rank !== null) {
    const at = tokens.findIndex((t, i) => free(i) && GRAIN_NOUNS.has(t.stem));
    if (at >= 0) {
      used.add(at);
      grainNoun = GRAIN_NOUNS.get(tokens[at]?.stem ?? '') ?? null;
    }
  }
  // "how much of our revenue ...", "how many of the orders ...": a part of a whole.
  const partOf = tokens.some(
    (t, i) =>
      free(i) &&
      ['much', 'many'].includes(t.norm) &&
      tokens[i + 1]?.norm === 'of' &&
      free(i + 1) &&
      !GROUP_WORDS.has(tokens[i + 2]?.norm ?? ''), // "how many of each product" is a breakdown
  );
  const share = has(SHARE_WORDS) || partOf;
  const trend = has(TREND_WORDS);
  const compare = has(COMPARE_WORDS);
  const explain = has(EXPLAIN_WORDS);
  // Movement verbs are accounted for with or without "why" ("how has margin moved by month").
  has(CHANGE_WORDS);
  const list = has(LIST_WORDS);
  has(NEGATION_WORDS);
  has(GROUP_WORDS);
  const [first, second] = tokens.filter((_, i) => free(i)).map((t) => t.norm);
  const followUp =
    (first !== undefined && FOLLOW_UP_WORDS.has(first)) ||
    ((first === 'what' || first === 'how') && second === 'about') ||
    tokens.some((t, i) => free(i) && ['instead', 'same', 'those', 'these', 'them'].includes(t.norm));
  has(FOLLOW_UP_WORDS);
  let chart: Cues['chart'] = null;
  const chartWord = tokens.some((t, i) => free(i) && CHART_WORDS.has(t.norm));
  const kindAt = tokens.findIndex((t, i) => free(i) && CHART_KIND_WORDS.has(t.norm));
  const asA =
    (kindAt >= 1 && ['as', 'a', 'an'].includes(tokens[kindAt - 1]?.norm ?? '')) ||
    (kindAt >= 0 && free(kindAt + 1) && CHART_KIND_WORDS.has(tokens[kindAt + 1]?.norm ?? '')); // "stacked bar"
  if (kindAt >= 0 && (chartWord || asA)) chart = parseKind(tokens[kindAt]?.norm).kind ?? 'auto';
  else if (chartWord) chart = 'auto';
  if (chart !== null) {
    has(CHART_WORDS);
    has(CHART_KIND_WORDS);
    has(new Set(['as', 'a', 'an']));
  }
  const unknown = tokens.flatMap((t, i) =>
    used.has(i) || STOPWORDS.has(t.norm) || FILLER_WORDS.has(t.norm) ? [] : [{ index: i, raw: t.raw }],
  );
  return { rank, grainNoun, share, trend, compare, explain, list, chart, followUp, unknown };
}
