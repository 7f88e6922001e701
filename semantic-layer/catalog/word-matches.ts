/**
 * For each word of a question, the catalog words it may stand for: the same word (after folding
 * case and accents), another inflection of it (same stem), or a typo of it (edit distance within
 * the word's budget). A word that matches some catalog word exactly or by inflection is taken as
 * meant: it is not also read as a typo of a neighbouring word ("store" is not "stone").
 */
import { editDistance, typoBudget } from './edit-distance.ts';
import { STOPWORDS, type Token } from './normalize-text.ts';

export type MatchKind = 'exact' | 'inflection' | 'typo';

export interface WordMatch {
  kind: MatchKind;
  /** Edits for a typo; 0 otherwise. */
  edits: number;
}

/** Per question position: catalog word (folded) -> how it matched. */
export type WordMatches = Map<string, WordMatch>[];

export function matchWords(question: readonly Token[], vocabulary: ReadonlyMap<string, Token>): WordMatches {
  const byStem = new Map<string, string[]>();
  for (const token of vocabulary.values()) {
    const list = byStem.get(token.stem);
    if (list === undefined) byStem.set(token.stem, [token.norm]);
    else list.push(token.norm);
  }
  return question.map((word) => {
    const found = new Map<string, WordMatch>();
    if (vocabulary.has(word.norm)) found.set(word.norm, { kind: 'exact', edits: 0 });
    for (const norm of byStem.get(word.stem) ?? []) {
      if (!found.has(norm)) found.set(norm, { kind: 'inflection', edits: 0 });
    }
    if (found.size > 0 || STOPWORDS.has(word.norm) || /\d/.test(word.norm)) return found;
    for (const candidate of vocabulary.values()) {
      const budget = typoBudget(Math.min(word.norm.length, candidate.norm.length));
      if (budget === 0 || /\d/.test(candidate.norm)) continue;
      const edits = Math.min(
        editDistance(word.norm, candidate.norm, budget),
        editDistance(word.stem, candidate.stem, budget),
      );
      if (edits <= budget) found.set(candidate.norm, { kind: 'typo', edits });
    }
    return found;
  });
}
