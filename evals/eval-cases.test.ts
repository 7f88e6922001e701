/** The case set itself: big enough, every shape covered, ids unique, every graded turn checkable. */
import { describe, expect, it } from 'vitest';
import { adversarialCases, allCases, goldenCases } from './cases/all-cases.ts';
import { SHAPES } from './eval-case.ts';
import { selectCases } from './run-evals.ts';

describe('the eval cases', () => {
  it('has at least 120 golden and 25 adversarial cases with unique ids', () => {
    expect(goldenCases.length).toBeGreaterThanOrEqual(120);
    expect(adversarialCases.length).toBeGreaterThanOrEqual(25);
    expect(new Set(allCases.map((c) => c.id)).size).toBe(allCases.length);
  });

  it('covers every shape, with follow-ups of two or three turns', () => {
    for (const shape of SHAPES)
      expect(
        allCases.some((c) => c.shape === shape),
        shape,
      ).toBe(true);
    const followUps = goldenCases.filter((c) => c.shape === 'follow_up');
    expect(followUps.length).toBeGreaterThanOrEqual(10);
    expect(followUps.every((c) => c.turns.length >= 2 && c.turns.length <= 3)).toBe(true);
  });

  it('grades every golden turn on figures from source SQL, never on the curated views', () => {
    for (const c of goldenCases) {
      for (const turn of c.turns) {
        expect(turn.expect?.sql, c.id).toBeTruthy();
        const checks =
          (turn.expect?.figures?.length ?? 0) +
          (turn.expect?.top ? 1 : 0) +
          (turn.expect?.change ? 1 : 0) +
          (turn.expect?.mentions ? 1 : 0);
        expect(checks, c.id).toBeGreaterThan(0);
      }
    }
    for (const c of allCases) {
      for (const turn of c.turns) expect(turn.expect?.sql ?? '', c.id).not.toMatch(/\b(curated|dw)\./);
    }
  });

  it('selects by id, shape, tag or set', () => {
    expect(selectCases(allCases, 'total-rev-abbrev').map((c) => c.id)).toEqual(['total-rev-abbrev']);
    expect(selectCases(allCases, 'follow_up').every((c) => c.shape === 'follow_up')).toBe(true);
    expect(selectCases(allCases, 'injection').length).toBeGreaterThanOrEqual(3);
    expect(selectCases(allCases, 'golden')).toHaveLength(goldenCases.length);
    expect(selectCases(allCases, 'adversarial')).toHaveLength(adversarialCases.length);
  });
});
