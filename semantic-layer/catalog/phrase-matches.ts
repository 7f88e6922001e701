/**
 * Finds the catalog's phrases in a question's words and scores each occurrence: field weight x
 * how well the words matched (exact, inflection, typo) x a bonus for longer phrases. Then keeps
 * the longest phrases first, so "gross margin" is not also read as "margin".
 */
import type { CatalogEntry, CatalogField, CatalogIndex } from './catalog-index.ts';
import type { Token } from './normalize-text.ts';
import type { MatchKind, WordMatches } from './word-matches.ts';

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
const NUMBER_FACTOR = 0.3;

function matchFactor(kind: MatchKind, edits: number): number {
  if (kind === 'exact') return 1;
  if (kind === 'inflection') return 0.9;
  return edits <= 1 ? 0.75 : 0.6;
}

export interface Candidate {
  entry: CatalogEntry;
  match: CatalogMatch;
}

/** Every place an entry's phrase occurs in the question. */
export function findCandidates(
  index: CatalogIndex,
  matches: WordMatches,
  question: readonly Token[],
): Candidate[] {
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
        if (entry.verbatimOnly === true && !verbatim) continue;
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
export function longestFirst(candidates: Candidate[]): Candidate[] {
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
