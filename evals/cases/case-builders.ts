/** Short builders for the case files: one question and its expectation, or a thread of turns. */
import type { CallerName, EvalCase, FigureCheck, Shape, TurnExpectation } from '../eval-case.ts';

/** A figure-bearing answer whose figures come from `sql`. */
export function answer(sql: string, more: Omit<TurnExpectation, 'kind' | 'sql'> = {}): TurnExpectation {
  return { kind: ['answer'], sql, ...more };
}

/** Plain figures, by column. */
export const figs = (...columns: string[]): FigureCheck[] => columns.map((column) => ({ column }));

/** A ratio figure (0.125 or 12.5 both pass). */
export const pct = (column: string): FigureCheck => ({ column, ratio: true });

export function golden(
  id: string,
  shape: Shape,
  question: string,
  expect: TurnExpectation,
  as?: CallerName,
): EvalCase {
  return { id, shape, turns: [{ question, expect, ...(as ? { as } : {}) }] };
}

/** Turns asked in one thread; a turn without an expectation only sets the thread up. */
export function thread(
  id: string,
  shape: Shape,
  turns: [question: string, expect?: TurnExpectation, as?: CallerName][],
): EvalCase {
  return {
    id,
    shape,
    turns: turns.map(([question, expect, as]) => ({
      question,
      ...(expect ? { expect } : {}),
      ...(as ? { as } : {}),
    })),
  };
}
