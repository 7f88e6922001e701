/**
 * Ranks catalog members against a question's words. Phrases are matched on the folded, stemmed
 * words with typo tolerance (word-matches.ts); the longest phrases win their words first, so
 * "gross margin" is not also read as "margin". Each member scores its best phrase plus a little
 * for every other word it explains; verified questions score by the words they share. Ranking is
 * deterministic: score, then name.
 */
import type { CatalogEntry, CatalogField, CatalogIndex, CatalogMemberKind } from './catalog-index.ts';
import { type Token, tokenize } from './normalize-text.ts';
import { type MatchKind, matchWords, type WordMatches } from './word-matches.ts';

export interface CatalogMatch {
  field: CatalogField;
  /** The phrase as written in the model, or the value as stored in the warehouse. */
  text: string;
  /**
   * "folded": equal after folding case, accents and punctuation, but not verbatim; "partial": the
   * question named only some words of a multi-word value.
   */
  match: MatchKind | 'folded' | 'partial';
  /** For values: where the value came from. */
  source?: 'warehouse' | 'sample';
  /** Question word positions [start, end) over tokenize(question). */
  start: number;
  end: number;
  /** The question's words that matched, folded. */
  words: string;
  score: number;
}

export interface ValueHit {
  /** The value exactly as stored (or as written in sample_values). */
  value: string;
  source: 'warehouse' | 'sample';
  match: CatalogMatch['match'];
  words: string;
}

export interface CatalogHit {
  kind: CatalogMemberKind;
  /** Metric name, "<model>.<dimension>", semantic model name, or the verified question. */
  name: string;
  score: number;
  /** Why it ranked, e.g. "synonym 'takings' of metric revenue". */
  reason: string;
  matches: CatalogMatch[];
  /** For dimensions: the values the question named, best first. */
  values: ValueHit[];
}

const FIELD_WEIGHT: Record<CatalogField, number> = {
  name: 100,
  label: 95,
  synonym: 90,
  value: 85,
  sample_value: 80,
  value_word: 55,
  name_word: 50,
  description: 20,
};
const VERIFIED_WEIGHT = 70;
const NUMBER_FACTOR = 0.3;

function matchFactor(kind: MatchKind, edits: number): number {
  if (kind === 'exact') return 1;
  if (kind === 'inflection') return 0.9;
  return edits <= 1 ? 0.75 : 0.6;
}

interface Candidate {
  entry: CatalogEntry;
  match: CatalogMatch;
}

/** Every place an entry's phrase occurs in the question. */
function findCandidates(index: CatalogIndex, matches: WordMatches, question: readonly Token[]): Candidate[] {
  const found: Candidate[] = [];
  matches.forEach((atStart, start) => {
    for (const firstWord of atStart.keys()) {
      for (const entry of index.byFirstWord.get(firstWord) ?? []) {
        const end = start + entry.tokens.length;
        if (end > matches.length) continue;
        let factor = 0;
        let worst: MatchKind = 'exact';
        let ok = true;
        entry.tokens.forEach((token, k) => {
          const hit = matches[start + k]?.get(token.norm);
          if (hit === undefined) ok = false;
          else {
            factor += matchFactor(hit.kind, hit.edits);
            if (hit.kind === 'typo' || (hit.kind === 'inflection' && worst === 'exact')) worst = hit.kind;
          }
        });
        if (!ok) continue;
        const length = entry.tokens.length;
        const isValue = entry.source !== undefined;
        const verbatim = entry.tokens.every((t, k) => t.raw === question[start + k]?.raw);
        // A bare number in a question is more often a top-N, a year or an amount than a value.
        const numeric = entry.tokens.every((t) => /^\d+$/.test(t.norm)) ? NUMBER_FACTOR : 1;
        const score = FIELD_WEIGHT[entry.field] * (factor / length) * (1 + 0.25 * (length - 1)) * numeric;
        found.push({
          entry,
          match: {
            field: entry.field,
            text: entry.text,
            match:
              entry.field === 'value_word'
                ? 'partial'
                : worst === 'exact' && isValue && !verbatim
                  ? 'folded'
                  : worst,
            start,
            end,
            words: '',
            score: Math.round(score * 100) / 100,
            ...(entry.source === undefined ? {} : { source: entry.source }),
          },
        });
      }
    }
  });
  return found;
}

/** Longest first: a phrase is dropped when a longer accepted phrase overlaps its words. */
function longestFirst(candidates: Candidate[]): Candidate[] {
  const sorted = [...candidates].sort(
    (a, b) => b.match.end - b.match.start - (a.match.end - a.match.start) || b.match.score - a.match.score,
  );
  const accepted: Candidate[] = [];
  for (const c of sorted) {
    const length = c.match.end - c.match.start;
    const blocked = accepted.some(
      (a) =>
        a.match.end - a.match.start > length && a.match.start < c.match.end && c.match.start < a.match.end,
    );
    if (!blocked) accepted.push(c);
  }
  return accepted;
}

const KIND_WORD: Record<CatalogMemberKind, string> = {
  metric: 'metric',
  dimension: 'dimension',
  semantic_model: 'semantic model',
  verified_query: 'verified question',
};

function reasonFor(kind: CatalogMemberKind, name: string, m: CatalogMatch): string {
  const of = `${KIND_WORD[kind]} ${name}`;
  const base: Record<CatalogField, string> = {
    name: `name of ${of}`,
    name_word: `word '${m.text}' of the name of ${of}`,
    label: `label '${m.text}' of ${of}`,
    synonym: `synonym '${m.text}' of ${of}`,
    value: `value '${m.text}' of ${of}`,
    sample_value: `sample value '${m.text}' of ${of}`,
    value_word: `part of value '${m.text}' of ${of}`,
    description: `description of ${of} mentions '${m.text}'`,
  };
  const how = m.match === 'exact' ? '' : ` (${m.match}: '${m.words}')`;
  return `${base[m.field]}${how}`;
}

export function searchCatalog(
  index: CatalogIndex,
  text: string,
  options: { limit?: number } = {},
): CatalogHit[] {
  const tokens = tokenize(text);
  const matches = matchWords(tokens, index.vocabulary);
  const accepted = longestFirst(findCandidates(index, matches, tokens));
  const byMember = new Map<string, { kind: CatalogMemberKind; name: string; list: CatalogMatch[] }>();
  for (const { entry, match } of accepted) {
    match.words = tokens
      .slice(match.start, match.end)
      .map((t) => t.norm)
      .join(' ');
    const key = `${entry.kind}:${entry.member}`;
    const group = byMember.get(key) ?? { kind: entry.kind, name: entry.member, list: [] };
    group.list.push(match);
    byMember.set(key, group);
  }
  const hits: CatalogHit[] = [...byMember.values()].map(({ kind, name, list }) => {
    const sorted = list.sort((a, b) => b.score - a.score || a.start - b.start || (a.text < b.text ? -1 : 1));
    const best = sorted[0] as CatalogMatch;
    // Other words the member explains add a little; the same words matched twice do not.
    const covered = new Set<number>();
    let extra = 0;
    for (const m of sorted) {
      const fresh = Array.from({ length: m.end - m.start }, (_, k) => m.start + k).filter(
        (p) => !covered.has(p),
      );
      if (m !== best && fresh.length > 0) extra += 0.1 * m.score;
      for (const p of fresh) covered.add(p);
    }
    const values = sorted
      .filter((m) => m.source !== undefined)
      .map((m) => ({
        value: m.text,
        source: m.source as ValueHit['source'],
        match: m.match,
        words: m.words,
      }));
    return {
      kind,
      name,
      score: Math.round((best.score + extra) * 100) / 100,
      reason: reasonFor(kind, name, best),
      matches: sorted,
      values,
    };
  });
  hits.push(...verifiedHits(index, matches));
  hits.sort(
    (a, b) => b.score - a.score || (a.name < b.name ? -1 : a.name > b.name ? 1 : a.kind < b.kind ? -1 : 1),
  );
  return hits.slice(0, options.limit ?? 10);
}

/** Verified questions by shared words (Jaccard over content words, typos and inflections allowed). */
function verifiedHits(index: CatalogIndex, matches: WordMatches): CatalogHit[] {
  const contentPositions = matches.filter((m) => m.size > 0).length;
  const hits: CatalogHit[] = [];
  for (const vq of index.verifiedQuestions) {
    const shared = vq.words.filter((w) => matches.some((m) => m.has(w.norm))).length;
    if (shared === 0 || vq.words.length === 0) continue;
    const union = vq.words.length + Math.max(contentPositions, shared) - shared;
    const score = Math.round(VERIFIED_WEIGHT * (shared / Math.max(union, 1)) * 100) / 100;
    hits.push({
      kind: 'verified_query',
      name: vq.question,
      score,
      reason: `verified question '${vq.question}' shares ${shared} of its ${vq.words.length} words`,
      matches: [],
      values: [],
    });
  }
  return hits;
}
