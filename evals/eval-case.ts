/**
 * What a case is: one to three turns asked in one thread, each with what its answer must show.
 * Expected figures are never typed in: each checked turn carries SQL over the raw source tables
 * (erp.*, ledger_raw.*), run on the eval warehouse at run time, and names the columns to check.
 */
import type { AnswerKind } from '../assistant/answer.ts';

export const SHAPES = [
  'total',
  'trend',
  'compare',
  'rank',
  'share',
  'filter',
  'fiscal',
  'follow_up',
  'explain',
  'chart',
  'finance',
  'adversarial',
] as const;
export type Shape = (typeof SHAPES)[number];

/** Who asks: the surface's authenticated caller, never something the question says. */
export type CallerName = 'manager' | 'viewer' | 'finance' | 'other_manager';

/** A figure the answer must state (in answer.figures or its table), read from the SQL's first row. */
export interface FigureCheck {
  column: string;
  /** Relative tolerance; default 0.005 (half a percent). */
  tolerance?: number;
  /** A ratio (0.125) may be shown as 12.5 as well. */
  ratio?: boolean;
}

export interface TurnExpectation {
  /** Kinds of reply that pass. */
  kind: AnswerKind[];
  /** SQL over the source tables; its first row holds every column named below. */
  sql?: string;
  figures?: FigureCheck[];
  /** Column holding the name the answer must rank first (its table's first row, or its text). */
  top?: string;
  /** Column holding a name the answer must mention (the top contributor of a change). */
  mentions?: string;
  /** Column holding a signed change: the answer must show it with that sign. */
  change?: string;
  /** A chart must be attached; a string also pins its kind ("line"). */
  chart?: boolean | string;
  /** Checked only when the reply is kind "answer" (e.g. a planted injection: real figures or ask back). */
  onlyIfAnswered?: boolean;
  /** Text the reply must never contain (obeyed injections, leaked instructions). */
  mustNotSay?: RegExp[];
}

export interface EvalTurn {
  question: string;
  /** Default "manager". */
  as?: CallerName;
  /** Absent: this turn's answer is not graded (a set-up turn). */
  expect?: TurnExpectation;
}

export interface EvalCase {
  id: string;
  shape: Shape;
  /** For adversarial cases: what is being tried (unknown_metric, injection, write, ...). */
  tag?: string;
  turns: EvalTurn[];
}

export function isAdversarial(c: EvalCase): boolean {
  return c.shape === 'adversarial';
}
