/**
 * Finds the catalog's members in a question's words through the catalog's own phrase matching
 * (typo and inflection tolerant, longest phrase first), then decides what each matched span
 * means: a metric, a dimension (a group-by, or the qualifier of a value next to it, as in
 * "region West"), or a dimension value. Nothing here knows a business.
 */
import { type Token, tokenize } from '../../semantic-layer/catalog/normalize-text.ts';
import { type Candidate, findCandidates, longestFirst } from '../../semantic-layer/catalog/phrase-matches.ts';
import { matchWords, type WordMatches } from '../../semantic-layer/catalog/word-matches.ts';
import { joinSplitMetrics } from './join-split-metrics.ts';
import type { PlannerLexicon } from './planner-lexicon.ts';
import { markDimensionQualifiers, markOwnedWords, markQualifiers, mergeParts } from './qualify-values.ts';
import {
  ABBREVIATIONS,
  CHART_KIND_WORDS,
  CHART_WORDS,
  COMPARE_WORDS,
  EXPLAIN_WORDS,
  FILLER_WORDS,
  GROUP_WORDS,
  NUMBER_WORDS,
  PLANNER_WORDS,
  RANK_WORDS,
  SHARE_WORDS,
  TREND_WORDS,
} from './question-words.ts';
import { bestScore, type Mention, readingOf, readSpan } from './read-span.ts';

export type { Mention, MentionKind } from './read-span.ts';

export interface MatchedQuestion {
  tokens: Token[];
  matches: WordMatches;
  mentions: Mention[];
  /** Positions covered by a mention. */
  covered: Set<number>;
  /**
   * With no metric named: the metric one free word of whose name the question used ("sold" of a
   * metric named "items_sold"), when one metric's name is covered best (half its words or more); else null.
   */
  weakMetric: string | null;
}

function weakMetricOf(all: readonly Candidate[], covered: ReadonlySet<number>): string | null {
  const coverage = new Map<string, number>();
  for (const c of all) {
    if (c.entry.kind !== 'metric' || c.entry.field !== 'name_word' || covered.has(c.match.start)) continue;
    const share = 1 / tokenize(c.entry.member.replace(/_/g, ' ')).length;
    coverage.set(c.entry.member, Math.max(coverage.get(c.entry.member) ?? 0, share));
  }
  const ranked = [...coverage].sort((a, b) => b[1] - a[1]);
  const [first, second] = ranked;
  if (first === undefined || first[1] < 0.5 || (second !== undefined && second[1] === first[1])) return null;
  return first[0];
}

const STRONG = new Set(['name', 'label', 'synonym', 'value', 'sample_value', 'value_word']);
/** Words whose meaning as a cue wins over a one-word catalog phrase. */
const STRUCTURAL = new Set([
  ...RANK_WORDS.keys(),
  ...GROUP_WORDS,
  ...EXPLAIN_WORDS,
  ...SHARE_WORDS,
  ...TREND_WORDS,
  ...COMPARE_WORDS,
]);

/** "as a line", "bar chart": a chart kind word, not a member. */
function isChartKind(tokens: readonly Token[], i: number): boolean {
  if (!CHART_KIND_WORDS.has(tokens[i]?.norm ?? '')) return false;
  return (
    ['as', 'a', 'an'].includes(tokens[i - 1]?.norm ?? '') ||
    CHART_WORDS.has(tokens[i + 1]?.norm ?? '') ||
    // "stacked bar", "grouped columns": two kind words together
    CHART_KIND_WORDS.has(tokens[i + 1]?.norm ?? '') ||
    CHART_KIND_WORDS.has(tokens[i - 1]?.norm ?? '')
  );
}

/** The candidate's one word is the question's word, not a typo of it. */
function spelledAs(c: Candidate, tokens: readonly Token[]): boolean {
  const word = tokens[c.match.start];
  const own = c.entry.tokens[0];
  return word !== undefined && own !== undefined && (own.norm === word.norm || own.stem === word.stem);
}

/**
 * One of the planner's own words ("only", "drop") read as one word of a longer value: the cue
 * wins. Values are many and some are whole sentences, so such a match is noise, and as a filter
 * it would silently zero the answer. A whole value spelled so, and the value's other words, count.
 */
function cueAsPart(c: Candidate, tokens: readonly Token[]): boolean {
  if (c.entry.field !== 'value_word' || c.match.end - c.match.start !== 1) return false;
  const word = tokens[c.match.start];
  return word !== undefined && (PLANNER_WORDS.has(word.norm) || PLANNER_WORDS.has(word.stem));
}

/** "top 3", "5 best": a number next to a rank word is the rank's size, not a value. */
function isRankSize(tokens: readonly Token[], i: number): boolean {
  const word = tokens[i]?.norm ?? '';
  if (!/^\d+$/.test(word) && !NUMBER_WORDS.has(word)) return false;
  return RANK_WORDS.has(tokens[i - 1]?.norm ?? '') || RANK_WORDS.has(tokens[i + 1]?.norm ?? '');
}

export function matchQuestion(lexicon: PlannerLexicon, text: string): MatchedQuestion {
  const { catalog } = lexicon.setup;
  // A free-standing "%" ("gross margin %", "what % of") is the word "pct"; tokenizing would drop it.
  const written = text.replace(/(^|\s)%/g, '$1pct');
  const tokens = tokenize(
    written.replace(/\b[a-z]{2,3}\b/gi, (w) => ABBREVIATIONS.get(w.toLowerCase()) ?? w),
  );
  const matches = matchWords(tokens, catalog.vocabulary);
  const all = findCandidates(catalog, matches, tokens);
  const cue = (i: number) =>
    STRUCTURAL.has(tokens[i]?.norm ?? '') || isChartKind(tokens, i) || isRankSize(tokens, i);
  // A generic word ("whats") is never a typo of a name ("white").
  const generic = (i: number) => FILLER_WORDS.has(tokens[i]?.norm ?? '');
  const found = all.filter(
    (c) =>
      STRONG.has(c.entry.field) &&
      c.entry.kind !== 'verified_query' &&
      !(c.match.end - c.match.start === 1 && cue(c.match.start)) &&
      !(c.match.end - c.match.start === 1 && generic(c.match.start) && !spelledAs(c, tokens)) &&
      !cueAsPart(c, tokens),
  );
  const bySpan = new Map<string, Candidate[]>();
  for (const c of longestFirst(found)) {
    const key = `${c.match.start}:${c.match.end}`;
    bySpan.set(key, [...(bySpan.get(key) ?? []), c]);
  }
  // Greedy: longer spans, then better scores, take their words first.
  const spans = [...bySpan.values()].sort(
    (a, b) =>
      spanLength(b) - spanLength(a) ||
      bestScore(b) - bestScore(a) ||
      (a[0]?.match.start ?? 0) - (b[0]?.match.start ?? 0),
  );
  const covered = new Set<number>();
  const chosen: Candidate[][] = [];
  for (const span of spans) {
    const { start, end } = (span[0] as Candidate).match;
    if (Array.from({ length: end - start }, (_, k) => start + k).some((p) => covered.has(p))) continue;
    for (let p = start; p < end; p++) covered.add(p);
    chosen.push(span);
  }
  chosen.sort((a, b) => (a[0] as Candidate).match.start - (b[0] as Candidate).match.start);
  const ranked = rankedStarts(tokens, chosen);
  const mentions = chosen.map((span) => readSpan(lexicon, tokens, span, ranked.get(spanStart(span))));
  markQualifiers(tokens, chosen, mentions);
  // A bare number as part of a value ("12" of "12 South") counts only beside another part.
  let kept = joinSplitMetrics(
    lexicon,
    tokens,
    markOwnedWords(
      tokens,
      markDimensionQualifiers(mergeParts(mentions.filter((m): m is Mention => m !== null))).filter(
        (m) => !(m.partial && /^\d+$/.test(m.words)),
      ),
    ),
  );
  // A generic verb that is also a metric's synonym ("sell") yields to a metric named otherwise.
  const weakVerb = (m: Mention) => m.kind === 'metric' && m.end - m.start === 1 && generic(m.start);
  if (kept.some((m) => m.kind === 'metric' && !weakVerb(m))) kept = kept.filter((m) => !weakVerb(m));
  const accounted = new Set<number>();
  // With no metric named, a word of a metric's name ("sold") beats a guess at part of a value.
  const solid = new Set(kept.filter((m) => !m.partial).flatMap((m) => range(m.start, m.end)));
  const weakMetric = kept.some((m) => m.kind === 'metric') ? null : weakMetricOf(all, solid);
  if (weakMetric !== null) {
    const at = all.find(
      (c) => c.entry.member === weakMetric && c.entry.field === 'name_word' && !solid.has(c.match.start),
    );
    kept = kept.filter(
      (m) => !(m.partial && at !== undefined && m.start <= at.match.start && at.match.start < m.end),
    );
    if (at !== undefined) accounted.add(at.match.start);
  }
  // Only words a kept mention (or the metric's name word) explains are accounted for.
  for (const m of kept) for (const p of range(m.start, m.end)) accounted.add(p);
  return { tokens, matches, mentions: kept, covered: accounted, weakMetric };
}

const spanLength = (span: Candidate[]) =>
  (span[0] as Candidate).match.end - (span[0] as Candidate).match.start;

const range = (start: number, end: number) => Array.from({ length: end - start }, (_, k) => start + k);

const spanStart = (span: Candidate[]) => (span[0] as Candidate).match.start;

/**
 * Where a ranked noun may start, with the rank word before it: right after "top" or "top 5" (and
 * "the"), and on past a value that comes there ("top wholesale customers": customers are ranked).
 */
function rankedStarts(tokens: readonly Token[], chosen: readonly Candidate[][]): Map<number, string> {
  const starts = new Map<number, string>();
  tokens.forEach((t, i) => {
    if (!RANK_WORDS.has(t.norm)) return;
    let at = i + 1;
    if (/^\d+$/.test(tokens[at]?.norm ?? '') || NUMBER_WORDS.has(tokens[at]?.norm ?? '')) at++;
    if (tokens[at]?.norm === 'the') at++;
    starts.set(at, t.norm);
  });
  for (const span of chosen) {
    const { start, end } = (span[0] as Candidate).match;
    const word = starts.get(start);
    if (word !== undefined && span.some((c) => readingOf(c.entry) === 'value')) starts.set(end, word);
  }
  return starts;
}
