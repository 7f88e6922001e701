/**
 * The words that make two questions "the same question": content words (no stopwords, no filler,
 * no time phrases), folded and stemmed. Used to find the nearest verified query by token-set
 * similarity (Jaccard), with the catalog's typo tolerance on the question's side.
 */
import { isContentWord, type Token, tokenize } from '../../semantic-layer/catalog/normalize-text.ts';
import type { Vocabulary, WordMatches } from '../../semantic-layer/catalog/word-matches.ts';
import type { PlannerSetup } from './plan.ts';
import { FILLER_WORDS } from './question-words.ts';
import { parseTimePhrases } from './time-phrases.ts';

export function isMeaningful(token: Token): boolean {
  return isContentWord(token) && !FILLER_WORDS.has(token.norm);
}

/** Content words of a question with its time phrases removed, as stems, each once. */
export function contentWordsOf(
  question: string,
  setup: Pick<PlannerSetup, 'clock' | 'fiscalYearStartMonth'>,
): string[] {
  let text = question;
  try {
    text = parseTimePhrases(question, setup).remainder;
  } catch {
    // A question the time grammar cannot read is compared on all its words.
  }
  return [
    ...new Set(
      tokenize(text)
        .filter(isMeaningful)
        .map((t) => t.stem),
    ),
  ];
}

/**
 * Jaccard similarity of a question's meaningful words (with their catalog matches, so a typo or
 * an inflection still counts) and a verified question's words.
 */
export function similarity(
  question: readonly Token[],
  matches: WordMatches,
  verified: readonly string[],
  vocabulary: Vocabulary,
): number {
  const positions = question
    .map((t, i) => ({
      t,
      i,
      stems: new Set([t.stem, ...[...(matches[i]?.keys() ?? [])].map((n) => vocabulary.byNorm.get(n)?.stem)]),
    }))
    .filter(({ t }) => isMeaningful(t));
  if (positions.length === 0 || verified.length === 0) return 0;
  const used = new Set<number>();
  let shared = 0;
  for (const stem of verified) {
    const hit = positions.find(({ i, stems }) => !used.has(i) && stems.has(stem));
    if (hit !== undefined) {
      used.add(hit.i);
      shared++;
    }
  }
  const uniqueQuestion = new Set(positions.map(({ t }) => t.stem)).size;
  return shared / (verified.length + uniqueQuestion - shared);
}
