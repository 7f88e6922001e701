/**
 * One rule of the time grammar: a pattern over the lower-cased question and a builder that turns
 * its groups into a period (or null to let the words pass, e.g. "may" used as a verb).
 */
import type { RelativeRange, TimeRange } from '../../../semantic-layer/query/semantic-query-shape.ts';
import type { DateSpan } from './named-periods.ts';

export interface Period {
  range: TimeRange;
  /** The period in words, without dates: "Q3 2025", "the last 6 months". */
  words: string;
  /** A month named without a year, so "from March to June 2025" can take June's year. */
  bareMonth?: number;
}

export interface RuleEnv {
  today: string;
  fiscalYearStartMonth: number;
  /** The lower-cased question before and after the match, for context checks. */
  before: string;
  after: string;
  /** The match as written (case kept): "May" capitalised mid-sentence is the month. */
  written: string;
}

export type Groups = Record<string, string | undefined>;

export interface PeriodRule {
  pattern: RegExp;
  build(groups: Groups, env: RuleEnv): Period | null;
}

export function rule(pattern: string, build: PeriodRule['build']): PeriodRule {
  return { pattern: new RegExp(pattern, 'g'), build };
}

export function explicit(span: DateSpan | null, words: string): Period | null {
  return span === null ? null : { range: { start: span.start, end: span.end }, words };
}

export function relative(range: RelativeRange, words: string): Period {
  return { range: { relative: range }, words };
}

/** Words just before a match that make a following month or year a time phrase ("in may"). */
export const TIME_PREPOSITION =
  /\b(?:in|during|for|of|since|from|between|until|till|to|and|through|thru|vs\.?|versus|than|before|after|on|by|over)\s+(?:the\s+(?:month\s+of\s+)?)?$/;

const ORDINALS: Record<string, number> = {
  first: 1,
  '1st': 1,
  second: 2,
  '2nd': 2,
  third: 3,
  '3rd': 3,
  fourth: 4,
  '4th': 4,
};

export function ordinalValue(word: string | undefined): number {
  return ORDINALS[word ?? ''] ?? 0;
}

export const ORDINAL_PATTERN = '(?:first|second|third|fourth|1st|2nd|3rd|4th)';
