/**
 * What one matched span of a question means. The words a span matched may name a metric, a
 * dimension (or a semantic model, standing for its main dimension), a value, or part of a value;
 * the context decides: after "by", "per", "which", "top 5" a dimension; otherwise a metric first,
 * then a value or a dimension by which fits the words better.
 */
import type { CatalogEntry } from '../../semantic-layer/catalog/catalog-index.ts';
import type { Token } from '../../semantic-layer/catalog/normalize-text.ts';
import type { Candidate } from '../../semantic-layer/catalog/phrase-matches.ts';
import type { PlannerLexicon } from './planner-lexicon.ts';
import { GROUP_WORDS, RANK_WORDS } from './question-words.ts';

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
  /** For a dimension read in a grouping context: the metric the same words name, if any. */
  metricToo?: string;
  /** A dimension word that only qualifies an adjacent value ("region" in "region West"). */
  qualifier: boolean;
  /** The rank word the mention follows ("top" of "top wholesale customers"), if any. */
  rankWord?: string;
  start: number;
  end: number;
  score: number;
  /** The question's words, as written. */
  words: string;
}

/** "list the stores", "all regions": the next member is a dimension to list. */
const LIST_CONTEXT = new Set(['list', 'all']);

export type Reading = 'metric' | 'dimension' | 'model' | 'value' | 'part';

export function readingOf(entry: CatalogEntry): Reading {
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

export const bestScore = (span: Candidate[]) => Math.max(...span.map((c) => c.match.score));

/**
 * `rankWord`: the rank word the span comes after, when the caller found one further back than the
 * previous word ("top" before "wholesale customers").
 */
export function readSpan(
  lexicon: PlannerLexicon,
  tokens: readonly Token[],
  span: Candidate[],
  rankWord?: string,
): Mention | null {
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
    ...(rankWord !== undefined ? { rankWord } : {}),
  };
  const previous = previousWord(tokens, start) ?? '';
  const grouping = GROUP_WORDS.has(previous) || LIST_CONTEXT.has(previous);
  // After "top 5" / "most": the thing ranked ("top 5 stores"). When the words also name a metric,
  // resolve-slots reads them as the metric after "most" with no other metric named ("most
  // rides"), and keeps them ranked after "top" or "best" ("top customers").
  const ranking = rankWord !== undefined || RANK_WORDS.has(previous) || /^\d+$/.test(previous);
  const top = bestScore(span);
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
  const order: Reading[] =
    grouping || ranking
      ? ['dimension', 'model', 'metric', 'value', 'part']
      : valueFirst
        ? ['metric', 'value', 'dimension', 'model', 'part']
        : ['metric', 'dimension', 'model', 'value', 'part'];
  // Part of a value's name counts only when the word is the value's own, not the model's prose.
  const distinctive = tokens
    .slice(start, end)
    .some((t) => /\p{L}/u.test(t.norm) && !lexicon.proseWords.has(t.norm));
  for (const reading of order) {
    if (reading === 'part' && !distinctive && end - start === 1 && !/^\d+$/.test(tokens[start]?.norm ?? ''))
      continue;
    const of = span.filter((c) => readingOf(c.entry) === reading && memberOf(lexicon, c) !== undefined);
    if (of.length === 0) continue;
    const bestScore = Math.max(...of.map((c) => c.match.score));
    if (bestScore < 0.7 * top) continue;
    const leaders = of.filter((c) => c.match.score === bestScore);
    const members = [...new Set(leaders.map((c) => memberOf(lexicon, c) as string))].sort();
    const [member, ...alternatives] = members as [string, ...string[]];
    if (reading === 'metric' || reading === 'dimension' || reading === 'model') {
      const metric = span.find((c) => readingOf(c.entry) === 'metric')?.entry.member;
      return {
        ...base,
        kind: reading === 'metric' ? 'metric' : 'dimension',
        member,
        alternatives,
        values: [],
        score: bestScore,
        ...(reading !== 'metric' && metric !== undefined ? { metricToo: metric } : {}),
      };
    }
    // Values: prefer warehouse values, then those written as asked (case included: "online" over
    // "ONLINE"); one dimension, its values (several when only a part was named).
    const stored = leaders.filter((c) => c.entry.source === 'warehouse');
    const fromStore = stored.length > 0 ? stored : leaders;
    const verbatim = fromStore.filter((c) => c.match.match === 'exact');
    const pool = verbatim.length > 0 ? verbatim : fromStore;
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
