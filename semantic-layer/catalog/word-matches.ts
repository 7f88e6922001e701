/**
 * For each word of a question, the catalog words it may stand for: the same word (after folding
 * case and accents), another inflection of it (same stem), or a typo of it (edit distance within
 * the word's budget). A word that matches some catalog word exactly or by inflection is taken as
 * meant: it is not also read as a typo of a neighbouring word ("store" is not "stone").
 * The vocabulary is prepared once per index (by stem, by length, letter masks), so a question
 * against tens of thousands of catalog words stays in milliseconds.
 */
import { bitCount, editDistance, letterMask, typoBudget } from './edit-distance.ts';
import { STOPWORDS, type Token } from './normalize-text.ts';

export type MatchKind = 'exact' | 'inflection' | 'typo';

export interface WordMatch {
  kind: MatchKind;
  /** Edits for a typo; 0 otherwise. */
  edits: number;
}

/** Per question position: catalog word (folded) -> how it matched. */
export type WordMatches = Map<string, WordMatch>[];

interface Word extends Token {
  mask: number;
  stemMask: number;
}

export interface Vocabulary {
  /** Every distinct catalog word, by folded form. */
  byNorm: ReadonlyMap<string, Token>;
  byStem: ReadonlyMap<string, readonly string[]>;
  /** Words that may take typos (letters only, five or more), by length. */
  byLength: readonly (readonly Word[])[];
}

export function buildVocabulary(byNorm: ReadonlyMap<string, Token>): Vocabulary {
  const byStem = new Map<string, string[]>();
  const byLength: Word[][] = [];
  for (const token of byNorm.values()) {
    const list = byStem.get(token.stem);
    if (list === undefined) byStem.set(token.stem, [token.norm]);
    else list.push(token.norm);
    if (token.norm.length < 5 || /\d/.test(token.norm)) continue;
    const bucket = byLength[token.norm.length] ?? [];
    bucket.push({ ...token, mask: letterMask(token.norm), stemMask: letterMask(token.stem) });
    byLength[token.norm.length] = bucket;
  }
  return { byNorm, byStem, byLength };
}

function typos(word: Token, vocabulary: Vocabulary, found: Map<string, WordMatch>): void {
  const mask = letterMask(word.norm);
  const stemMask = letterMask(word.stem);
  const widest = typoBudget(word.norm.length);
  for (let length = word.norm.length - widest; length <= word.norm.length + widest; length++) {
    for (const candidate of vocabulary.byLength[length] ?? []) {
      const budget = typoBudget(Math.min(word.norm.length, candidate.norm.length));
      if (budget === 0) continue;
      let edits = budget + 1;
      if (bitCount(mask ^ candidate.mask) <= 2 * budget)
        edits = editDistance(word.norm, candidate.norm, budget);
      if (edits > budget && bitCount(stemMask ^ candidate.stemMask) <= 2 * budget) {
        edits = editDistance(word.stem, candidate.stem, budget);
      }
      if (edits <= budget) found.set(candidate.norm, { kind: 'typo', edits });
    }
  }
}

export function matchWords(question: readonly Token[], vocabulary: Vocabulary): WordMatches {
  return question.map((word) => {
    const found = new Map<string, WordMatch>();
    if (vocabulary.byNorm.has(word.norm)) found.set(word.norm, { kind: 'exact', edits: 0 });
    for (const norm of vocabulary.byStem.get(word.stem) ?? []) {
      if (!found.has(norm)) found.set(norm, { kind: 'inflection', edits: 0 });
    }
    if (found.size > 0 || STOPWORDS.has(word.norm) || /\d/.test(word.norm)) return found;
    if (typoBudget(word.norm.length) > 0) typos(word, vocabulary, found);
    return found;
  });
}
