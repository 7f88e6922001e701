/**
 * "Mostly noise": too few of the message's tokens look like words or numbers. A word has a vowel,
 * no run of five consonants and no letter three times in a row; numbers, amounts and short codes
 * (SKU-104) count as words too. Only Latin-script text is judged here (other scripts are a
 * language question).
 */
const NUMBER = /^[$£€¥]?[-+]?\d[\d,.]*(?:%|k|m|bn)?$/;
const CODE = /^[a-z0-9]+(?:[-_/.][a-z0-9]+)*$/;
const WORD = /^[a-z\u00c0-\u024f]+(?:['-][a-z\u00c0-\u024f]+)*$/;

function isWordLike(raw: string): boolean {
  const token = raw.replace(/^[^\p{L}\p{N}$£€¥]+|[^\p{L}\p{N}%]+$/gu, '');
  if (token.length === 0) return false;
  if (NUMBER.test(token)) return true;
  if (token.length > 30) return false;
  if (WORD.test(token)) {
    return (
      /[aeiouy\u00e0-\u00ff]/.test(token) && !/[b-df-hj-np-tv-xz]{5}/.test(token) && !/(.)\1\1/.test(token)
    );
  }
  return CODE.test(token) && /\d/.test(token);
}

export function looksLikeNoise(text: string): boolean {
  const tokens = text
    .toLowerCase()
    .split(/\s+/)
    .filter((t) => t.length > 0);
  if (tokens.length === 0) return false;
  if (!/[\p{L}\p{N}]/u.test(text)) return true;
  const letters = (text.match(/[\p{L}\p{N}\s]/gu) ?? []).length;
  if (text.length >= 40 && letters / text.length < 0.6) return true;
  // Weighted by length, so one long run of random characters outweighs a few short words.
  const total = tokens.reduce((sum, t) => sum + t.length, 0);
  const wordy = tokens.filter(isWordLike).reduce((sum, t) => sum + t.length, 0);
  if (total <= 12) return false;
  return wordy / total < 0.5 || tokens.filter(isWordLike).length / tokens.length < 0.4;
}
