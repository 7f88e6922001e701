/**
 * Text folding shared by the catalog's index and its queries, so both sides see the same words:
 * lower case, accents removed, punctuation as spaces, apostrophes dropped ("men's" -> "mens"),
 * "&" read as "and", and a small English stemmer for plurals and simple inflections (stores/store,
 * categories/category, rented/renting/rent). Deliberately small: it only has to make two spellings
 * of the same word meet, not produce dictionary roots.
 */

export interface Token {
  /** Folded form: lower case, no accents. */
  norm: string;
  /** Stem of `norm`, for plural and inflection tolerance. */
  stem: string;
  /** The word as written (NFC), to tell a verbatim match from a folded one. */
  raw: string;
}

/** Letters with no decomposition that NFD would leave alone. */
const SPECIAL_LETTERS: Record<string, string> = { ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', đ: 'd', ł: 'l', ı: 'i' };

export function foldText(text: string): string {
  return text
    .toLowerCase()
    .replace(/&/g, ' and ')
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/[ßæœøđłı]/g, (ch) => SPECIAL_LETTERS[ch] ?? ch)
    .replace(/['’`´]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

const VOWEL = /[aeiouy]/;

/** Strips one English plural or inflection suffix; then a final "e", so "price" and "priced" meet. */
export function stem(word: string): string {
  if (word.length <= 3 || /\d/.test(word)) return word;
  let w = word;
  if (w.endsWith('ies') && w.length > 4) w = `${w.slice(0, -3)}y`;
  else if (w.endsWith('ied') && w.length > 4) w = `${w.slice(0, -3)}y`;
  else if (w.endsWith('sses')) w = w.slice(0, -2);
  else if (/(xes|ches|shes|zes)$/.test(w)) w = w.slice(0, -2);
  else if (w.endsWith('s') && !/(ss|us|is)$/.test(w)) w = w.slice(0, -1);
  else if (w.endsWith('ing') && w.length > 5 && VOWEL.test(w.slice(0, -3))) w = undouble(w.slice(0, -3));
  else if (w.endsWith('ed') && w.length > 4 && VOWEL.test(w.slice(0, -2))) w = undouble(w.slice(0, -2));
  if (w.endsWith('e') && w.length > 3) w = w.slice(0, -1);
  return w;
}

/** "runn" -> "run", "stopp" -> "stop"; l, s and z double in roots ("bill", "press"). */
function undouble(w: string): string {
  const last = w[w.length - 1];
  return last !== undefined && last === w[w.length - 2] && !/[lsz]/.test(last) ? w.slice(0, -1) : w;
}

export function tokenize(text: string): Token[] {
  const words = text
    .normalize('NFC')
    .replace(/&/g, ' and ')
    .replace(/['’`´]/g, '')
    .split(/[^\p{L}\p{N}\p{M}]+/u);
  return words.flatMap((raw) => {
    const folded = foldText(raw);
    return folded === '' ? [] : folded.split(' ').map((norm) => ({ norm, stem: stem(norm), raw }));
  });
}

/** Words that carry no meaning on their own: never matched alone, but allowed inside phrases. */
export const STOPWORDS: ReadonlySet<string> = new Set(
  (
    'a an and are as at be by did do does for from had has have how i in is it its me my of on or our ' +
    'per show than that the their them there these this those to us was we were what when where which ' +
    'who why will with you your all any each every give list much many get got over into about vs versus ' +
    'tell please can could would should'
  ).split(' '),
);

/** A token that is worth matching on its own (descriptions' key words, single-word values). */
export function isContentWord(token: Token): boolean {
  return !STOPWORDS.has(token.norm) && (token.norm.length >= 3 || /^\d+$/.test(token.norm));
}
