import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { screenQuestion } from './screen-question.ts';

const printable = (minLength: number, maxLength: number) =>
  fc.string({
    unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)),
    minLength,
    maxLength,
  });

describe('screenQuestion on noise', () => {
  it('refuses 10,000 characters of random printable noise without throwing', () => {
    fc.assert(
      fc.property(printable(10_000, 10_000), (noise) => {
        expect(screenQuestion(noise)).toMatchObject({ kind: 'refuse', reason: 'too_long' });
      }),
      { numRuns: 50 },
    );
  });

  it('refuses shorter runs of printable noise (40 to 2,000 characters) as garbled', () => {
    fc.assert(
      fc.property(printable(40, 2000), (noise) => {
        expect(screenQuestion(noise)).toMatchObject({ kind: 'refuse' });
      }),
      { numRuns: 200 },
    );
  });

  it('never throws on any Unicode text, and answers with a plan or null', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 3000 }), (text) => {
        const plan = screenQuestion(text);
        expect(plan === null || plan.kind === 'refuse' || plan.kind === 'help').toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('lets generated business questions through (openers x measures x groupings x periods)', () => {
    const opener = fc.constantFrom(
      '',
      'show',
      'show me',
      'what was',
      'what were',
      'why did',
      'how did',
      'compare',
      'list',
      'top 5',
      'please show',
      'can you show',
      'give me',
      'update me on',
      'explain the',
    );
    const measure = fc.constantFrom(
      'revenue',
      'returns',
      'gross margin',
      'expenses',
      'units sold',
      'average order value',
      'the drop in sales',
      'the change in revenue',
      'net income',
      'refunds',
      'stock value',
      'the data',
      'the figures',
    );
    const grouping = fc.constantFrom(
      '',
      'by store',
      'by region',
      'per category',
      'for each channel',
      'by month',
      'in Madrid',
      'for the Delete Street store',
      "at Maria's Boutique",
    );
    const period = fc.constantFrom(
      '',
      'last month',
      'in March',
      'Q3 2025',
      'this year vs last year',
      'since 2024',
      'over the last 12 weeks',
      'YTD',
      'compared with the year before',
    );
    const ending = fc.constantFrom('', '?', '.', '!');
    fc.assert(
      fc.property(opener, measure, grouping, period, ending, (o, m, g, p, e) => {
        const question = `${[o, m, g, p].filter((part) => part !== '').join(' ')}${e}`;
        expect(screenQuestion(question)).toBeNull();
      }),
      { numRuns: 400 },
    );
  });
});
