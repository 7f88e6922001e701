/**
 * Ranks catalog members against a question's words. Phrases are matched on the folded, stemmed
 * words with typo tolerance (word-matches.ts); the longest phrases win their words first, so
 * "gross margin" is not also read as "margin". Each member scores its best phrase plus a little
 * for every other word it explains; verified questions score by the words they share. Ranking is
 * deterministic: score, then name.
 */
import type { CatalogField, CatalogIndex, CatalogMemberKind } from './catalog-index.ts';
import { tokenize } from './normalize-text.ts';
import { type CatalogMatch, findCandidates, longestFirst } from './phrase-matches.ts';
import { matchWords, type WordMatches } from './word-matches.ts';

export type { CatalogMatch } from './phrase-matches.ts';

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

const VERIFIED_WEIGHT = 70;

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
