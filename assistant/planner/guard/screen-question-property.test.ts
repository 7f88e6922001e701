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
});
