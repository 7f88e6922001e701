/**
 * Finds the catalog's members in a question's words through the catalog's own phrase matching
 * (typo and inflection tolerant, longest phrase first), then decides what each matched span
 * means: a metric, a dimension (a group-by, or the qualifier of a value next to it, as in
 * "region West"), or a dimension value. Nothing here knows a business.
 */
import type { CatalogEntry } from '../../semantic-layer/catalog/catalog-index.ts';
import { type Token, tokenize } from '../../semantic-layer/catalog/normalize-text.ts';
import { type Candidate, findCandidates, longestFirst } from '../../semantic-layer/catalog/phrase-matches.ts';
import { matchWords, type WordMatches } from '../../semantic-layer/catalog/word-matches.ts';
import type { PlannerLexicon } from './planner-lexicon.ts';
import {
  CHART_KIND_WORDS,
  CHART_WORDS,
  COMPARE_WORDS,
  EXPLAIN_WORDS,
  GROUP_WORDS,
  NUMBER_WORDS,
  RANK_WORDS,
  SHARE_WORDS,
  TREND_WORDS,
} from './question-words.ts';

export type MentionKind = 'metric' | 'dimension' | 'value';

export interface Mention {
  kind: MentionKind;
  /** Metric name or qualified dimension. */
  member: string;
  /** For values: the value as stored; several when only part of a value was named. */
  values: string[];
  /** For values: the values each dimension that fits would take (member and alternatives). */
  valuesByDimension: Record<string, string[]>;
  partial: boolean;
  /** Other members that fit the same words equally well. */
  alternatives: string[];
  /** A dimension word that only qualifies an adjacent value ("region" in "region West"). */
  qualifier: boolean;
  start: number;
  end: number;
  score: number;
  /** The question's words, as written. */
  words: string;
}

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

/** "list the stores", "all regions": the next member is a dimension to list. */
const LIST_CONTEXT = new Set(['list', 'all']);

/** "as a line", "bar chart": a chart kind word, not a member. */
function isChartKind(tokens: readonly Token[], i: number): boolean {
  if (!CHART_KIND_WORDS.has(tokens[i]?.norm ?? '')) return false;
  return ['as', 'a', 'an'].includes(tokens[i - 1]?.norm ?? '') || CHART_WORDS.has(tokens[i + 1]?.norm ?? '');
}

/** "top 3", "5 best": a number next to a rank word is the rank's size, not a value. */
function isRankSize(tokens: readonly Token[], i: number): boolean {
  const word = tokens[i]?.norm ?? '';
  if (!/^\d+$/.test(word) && !NUMBER_WORDS.has(word)) return false;
  return RANK_WORDS.has(tokens[i - 1]?.norm ?? '') || RANK_WORDS.has(tokens[i + 1]?.norm ?? '');
}

type Reading = 'metric' | 'dimension' | 'model' | 'value' | 'part';

function readingOf(entry: CatalogEntry): Reading {
  if (entry.kind === 'metric') return 'metric';
  if (entry.kind === 'semantic_model') return 'model';
  if (entry.field === 'value' || entry.field === 'sample_value') return 'value';
  if (entry.field === 'value_word') return 'part';
  return 'dimension';
}

function memberOf(lexicon: PlannerLexicon, c: Candidate): string | undefined {
  return readingOf(c.entry) === 'model' ? lexicon.modelDimension.get(c.entry.member) : c.entry.member;
}

/** Previous word, skipping "the". */
function previousWord(tokens: readonly Token[], start: number): string | undefined {
  let i = start - 1;
  if (tokens[i]?.norm === 'the') i--;
  return tokens[i]?.norm;
}

export function matchQuestion(lexicon: PlannerLexicon, text: string): MatchedQuestion {
  const { catalog } = lexicon.setup;
  const tokens = tokenize(text);
  const matches = matchWords(tokens, catalog.vocabulary);
  const all = findCandidates(catalog, matches, tokens);
  const cue = (i: number) =>
    STRUCTURAL.has(tokens[i]?.norm ?? '') || isChartKind(tokens, i) || isRankSize(tokens, i);
  const found = all.filter(
    (c) =>
      STRONG.has(c.entry.field) &&
      c.entry.kind !== 'verified_query' &&
      !(c.match.end - c.match.start === 1 && cue(c.match.start)),
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
      best(b) - best(a) ||
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
  const mentions = chosen.map((span) => interpret(lexicon, tokens, span));
  // A dimension word beside a value of that dimension only says which dimension the value is of.
  chosen.forEach((span, k) => {
    const mention = mentions[k];
    if (mention === null || mention === undefined) return;
    // A metric word qualifies a value only when another metric is named ("refunds for defective returns").
    if (mention.kind === 'metric' && !mentions.some((m, j) => j !== k && m?.kind === 'metric')) return;
    for (const j of [k - 1, k + 1]) {
      const other = mentions[j];
      const near = chosen[j];
      if (other?.kind !== 'value' || near === undefined || !adjacent(tokens, span, near)) continue;
      const dims = [other.member, ...other.alternatives];
      const qualifying = dims.filter((d) =>
        span.some(
          (c) =>
            (readingOf(c.entry) === 'dimension' && c.entry.member === d) ||
            (readingOf(c.entry) === 'model' && d.startsWith(`${c.entry.member}.`)),
        ),
      );
      const [member, ...alternatives] = qualifying;
      if (member === undefined) continue;
      mentions[k] = { ...mention, kind: 'dimension', member, values: [], alternatives, qualifier: true };
      return;
    }
  });
  let kept = mergeParts(mentions.filter((m): m is Mention => m !== null));
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
  }
  return { tokens, matches, mentions: kept, covered, weakMetric };
}

const spanLength = (span: Candidate[]) =>
  (span[0] as Candidate).match.end - (span[0] as Candidate).match.start;
const best = (span: Candidate[]) => Math.max(...span.map((c) => c.match.score));

/** Next to each other, allowing one "the"/"of"/"in" between. */
function adjacent(tokens: readonly Token[], a: Candidate[], b: Candidate[]): boolean {
  const [first, second] = [(a[0] as Candidate).match, (b[0] as Candidate).match].sort(
    (x, y) => x.start - y.start,
  ) as [Candidate['match'], Candidate['match']];
  const gap = second.start - first.end;
  return gap === 0 || (gap === 1 && ['the', 'of', 'in'].includes(tokens[first.end]?.norm ?? ''));
}

function interpret(lexicon: PlannerLexicon, tokens: readonly Token[], span: Candidate[]): Mention | null {
  const { start, end } = (span[0] as Candidate).match;
  const words = tokens
    .slice(start, end)
    .map((t) => t.raw)
    .join(' ');
  const base = {
    start,
    end,
    words,
    partial: false,
    qualifier: false,
    alternatives: [] as string[],
    valuesByDimension: {},
  };
  const previous = previousWord(tokens, start) ?? '';
  const grouping =
    GROUP_WORDS.has(previous) ||
    LIST_CONTEXT.has(previous) ||
    RANK_WORDS.has(previous) ||
    /^\d+$/.test(previous);
  const top = best(span);
  const bestOf = (r: Reading) =>
    Math.max(0, ...span.filter((c) => readingOf(c.entry) === r).map((c) => c.match.score));
  // Out of a grouping context a value wins over a dimension only when it fits the words better.
  // A word that names a dimension and is also one of its values ("womens") is the value.
  const valueOfItsOwnDimension = span.some(
    (c) =>
      readingOf(c.entry) === 'value' &&
      span.some((d) => readingOf(d.entry) === 'dimension' && d.entry.member === c.entry.member),
  );
  const valueFirst =
    valueOfItsOwnDimension || bestOf('value') > Math.max(bestOf('dimension'), bestOf('model'));
  const order: Reading[] = grouping
    ? ['dimension', 'model', 'metric', 'value', 'part']
    : valueFirst
      ? ['metric', 'value', 'dimension', 'model', 'part']
      : ['metric', 'dimension', 'model', 'value', 'part'];
  for (const reading of order) {
    const of = span.filter((c) => readingOf(c.entry) === reading && memberOf(lexicon, c) !== undefined);
    if (of.length === 0) continue;
    const bestScore = Math.max(...of.map((c) => c.match.score));
    if (bestScore < 0.7 * top) continue;
    const leaders = of.filter((c) => c.match.score === bestScore);
    const members = [...new Set(leaders.map((c) => memberOf(lexicon, c) as string))].sort();
    const [member, ...alternatives] = members as [string, ...string[]];
    if (reading === 'metric' || reading === 'dimension' || reading === 'model') {
      return {
        ...base,
        kind: reading === 'metric' ? 'metric' : 'dimension',
        member,
        alternatives,
        values: [],
        score: bestScore,
      };
    }
    // Values: prefer warehouse values; one dimension, its values (several when only a part was named).
    const preferred = leaders.filter((c) => c.entry.source === 'warehouse');
    const pool = preferred.length > 0 ? preferred : leaders;
    const dims = [...new Set(pool.map((c) => c.entry.member))].sort();
    const valuesOf = (d: string) =>
      [...new Set(pool.filter((c) => c.entry.member === d).map((c) => c.entry.text))].sort();
    const dimension = dims[0] as string;
    const values = valuesOf(dimension);
    return {
      ...base,
      kind: 'value',
      member: dimension,
      alternatives: dims.slice(1),
      values,
      valuesByDimension: Object.fromEntries(dims.map((d) => [d, valuesOf(d)])),
      partial: reading === 'part',
      score: bestScore,
    };
  }
  return null;
}

const range = (start: number, end: number) => Array.from({ length: end - start }, (_, k) => start + k);

/** Neighbouring parts of the same dimension's values ("12" "south") narrow each other down. */
function mergeParts(mentions: Mention[]): Mention[] {
  const out: Mention[] = [];
  for (const m of mentions) {
    const last = out[out.length - 1];
    if (last?.kind === 'value' && m.kind === 'value' && last.end === m.start && (last.partial || m.partial)) {
      const dims = [last.member, ...last.alternatives].filter((d) =>
        [m.member, ...m.alternatives].includes(d),
      );
      for (const d of dims) {
        const both = (last.valuesByDimension[d] ?? []).filter((v) =>
          (m.valuesByDimension[d] ?? []).includes(v),
        );
        if (both.length === 0) continue;
        out[out.length - 1] = {
          ...last,
          member: d,
          alternatives: [],
          values: both,
          valuesByDimension: { [d]: both },
          partial: both.length > 1,
          end: m.end,
          words: `${last.words} ${m.words}`,
          score: Math.max(last.score, m.score),
        };
        break;
      }
      if (out[out.length - 1] !== last) continue;
    }
    out.push(m);
  }
  return out;
}
