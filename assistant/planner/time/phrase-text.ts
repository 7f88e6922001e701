/**
 * The text the time grammar matches on: a lower-cased copy of the question with the same length
 * as the original (so a match's offsets blank the same characters in the remainder), and the
 * shared vocabulary (month names, number words, units) the rules are written with.
 */

/** Lower case and straight apostrophes, character by character, keeping every offset. */
export function matchableText(question: string): string {
  let out = '';
  for (const ch of question) {
    const units = ch.length;
    const lower = ch === '\u2019' || ch === '\u2018' ? "'" : ch.toLowerCase();
    // A character whose lower case is longer (Turkish dotted I) stays as written.
    out += lower.length === units ? lower : ch;
  }
  return out;
}

/** A question being parsed: what is left to match, and which characters were taken. */
export class PhraseText {
  readonly original: string;
  readonly lower: string;
  private taken: boolean[];

  constructor(question: string) {
    this.original = question;
    this.lower = matchableText(question);
    this.taken = new Array(question.length).fill(false);
  }

  /** The lower-cased text with taken characters as spaces: what later rules may still match. */
  get work(): string {
    let out = '';
    for (let i = 0; i < this.lower.length; i++) out += this.taken[i] ? ' ' : this.lower[i];
    return out;
  }

  take(start: number, end: number): void {
    for (let i = start; i < end; i++) this.taken[i] = true;
  }

  isTaken(start: number, end: number): boolean {
    for (let i = start; i < end; i++) if (this.taken[i]) return true;
    return false;
  }

  /** The original text of a span, trimmed: what the user wrote. */
  written(start: number, end: number): string {
    return this.original.slice(start, end).trim();
  }

  /** The question with every taken character replaced by a space. */
  remainder(): string {
    let out = '';
    for (let i = 0; i < this.original.length; i++) out += this.taken[i] ? ' ' : this.original[i];
    return out;
  }
}

export const MONTH_NAMES = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
] as const;

const MONTH_ABBREVIATIONS: Record<string, number> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  sept: 9,
  oct: 10,
  nov: 11,
  dec: 12,
};

/** Full names first so that "march" is not read as "mar" + "ch". */
export const MONTH_PATTERN = `(?:${MONTH_NAMES.join('|')}|sept|${Object.keys(MONTH_ABBREVIATIONS)
  .filter((a) => a !== 'sept')
  .join('|')})`;

export function monthNumber(word: string): number | null {
  const index = MONTH_NAMES.indexOf(word as (typeof MONTH_NAMES)[number]);
  if (index >= 0) return index + 1;
  return MONTH_ABBREVIATIONS[word] ?? null;
}

export function isMonthAbbreviation(word: string): boolean {
  return word in MONTH_ABBREVIATIONS;
}

export const NUMBER_WORDS: Record<string, number> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
};

export const COUNT_PATTERN = `(?:\\d{1,3}|${Object.keys(NUMBER_WORDS).join('|')})`;

export function countValue(word: string): number {
  return NUMBER_WORDS[word] ?? Number(word);
}

/** A four-digit year 1990-2100 (checked again in code), or a two-digit one with an apostrophe. */
export const YEAR4 = '(?:19\\d\\d|20\\d\\d|2100)';

export function validYear(year: number): boolean {
  return Number.isInteger(year) && year >= 1990 && year <= 2100;
}

/** "2025", "'25" or "25" (two digits mean 20xx). */
export function yearValue(text: string): number {
  const digits = text.replace(/\D/g, '');
  return digits.length === 2 ? 2000 + Number(digits) : Number(digits);
}

/** Every word the grammar can consume: the property tests draw "non-time" words outside this set. */
export const TIME_VOCABULARY: ReadonlySet<string> = new Set([
  ...MONTH_NAMES,
  ...Object.keys(MONTH_ABBREVIATIONS),
  ...Object.keys(NUMBER_WORDS),
  ...'day days daily beginning start inception week weeks weekly wk wks wtd month months monthly mo mos mtd quarter quarters quarterly qtr qtrs qtd year years yearly annually yr yrs ytd fytd fy fq fiscal financial calendar half today yesterday ever time tomorrow fortnight mom qoq yoy ltm ttm l12m h q'.split(
    ' ',
  ),
]);
