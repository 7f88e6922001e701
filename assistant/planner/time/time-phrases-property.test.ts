import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fixedClock } from '../../../core/clock.ts';
import { parseTimePhrases } from '../time-phrases.ts';
import { TIME_VOCABULARY } from './phrase-text.ts';

const context = { clock: fixedClock(new Date('2026-06-30T14:00:00Z')), fiscalYearStartMonth: 2 };

const BUSINESS_WORDS = [
  'revenue',
  'top',
  'stores',
  'returns',
  'by',
  'region',
  'margin',
  'what',
  'is',
  'the',
  'of',
  'in',
  'and',
  'vs',
  'for',
  'expense',
  'record',
  'drop',
  'why',
  'did',
  'best',
  'last',
  'this',
  'same',
  'to',
];

/** Random lower-case words outside the grammar's vocabulary, with a random capital now and then. */
const word = fc.oneof(
  fc.constantFrom(...BUSINESS_WORDS),
  fc
    .stringMatching(/^[a-z]{1,10}$/)
    .filter((w) => !TIME_VOCABULARY.has(w))
    .map((w) => (w.length > 3 && w.charCodeAt(0) % 3 === 0 ? w[0]?.toUpperCase() + w.slice(1) : w)),
  // Numbers that cannot be years: 0-999 and past 2100.
  fc.oneof(fc.integer({ min: 0, max: 999 }), fc.integer({ min: 2101, max: 99_999 })).map(String),
);
const question = fc
  .array(fc.tuple(word, fc.constantFrom(' ', '  ', ', ', '? ', ' - ')), { minLength: 1, maxLength: 12 })
  .map((parts) =>
    parts
      .map(([w, sep]) => w + sep)
      .join('')
      .trim(),
  );

describe('parseTimePhrases on words that name no period', () => {
  it('finds no range, comparison, grain or shift, and leaves the question whole', () => {
    fc.assert(
      fc.property(question, (q) => {
        const found = parseTimePhrases(q, context);
        expect(found.range).toBeNull();
        expect(found.compare).toBeNull();
        expect(found.grain).toBeNull();
        expect(found.shiftOnly).toBeNull();
        expect(found.matched).toEqual([]);
        expect(found.remainder).toBe(q);
      }),
      { numRuns: 500 },
    );
  });

  it('never throws on any text, and blanks only what it matched', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (text) => {
        const found = parseTimePhrases(text, context);
        expect(found.remainder.length).toBe(text.length);
        for (let i = 0; i < text.length; i++) {
          if (found.remainder[i] !== text[i]) expect(found.remainder[i]).toBe(' ');
        }
      }),
      { numRuns: 300 },
    );
  });

  it('reads a period the same wherever it stands among other words', () => {
    const phrase = fc.constantFrom(
      'last month',
      'Q3 2025',
      'FY2025',
      'the last 6 months',
      'between March and June 2025',
      'since 3 March 2025',
      'YTD',
      'H1 2025',
      'in March',
      'last fiscal year',
      '2025 vs 2024',
      'past 12 weeks',
    );
    // Not "top": "top 2025" is a count, by design.
    const plain = fc.array(
      fc.constantFrom(
        'revenue',
        'stores',
        'returns',
        'region',
        'margin',
        'why',
        'did',
        'drop',
        'show',
        'best',
      ),
      { maxLength: 4 },
    );
    fc.assert(
      fc.property(plain, phrase, plain, (before, p, after) => {
        const alone = parseTimePhrases(p, context);
        const inside = parseTimePhrases([...before, p, ...after].join(' '), context);
        expect(inside.range).toEqual(alone.range);
        expect(inside.compare).toEqual(alone.compare);
        expect(inside.remainder.split(/\s+/).filter((w) => w !== '')).toEqual([...before, ...after]);
      }),
      { numRuns: 300 },
    );
  });
});
