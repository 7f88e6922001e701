/**
 * Phrases that modify a period rather than name one: comparisons ("vs last year", "MoM"),
 * follow-up shifts ("same for last year", "the month before"), and grains ("by month", "weekly").
 * They run before the period rules so that "last year" in "vs last year" is not read as a range.
 */
import type { CompareMode, QueryGrain } from '../../../semantic-layer/query/semantic-query-shape.ts';

export type Modifier =
  | { kind: 'compare'; mode: CompareMode }
  | { kind: 'shift'; mode: CompareMode }
  | { kind: 'grain'; grain: QueryGrain };

export interface ModifierRule {
  pattern: RegExp;
  modifier: (groups: Record<string, string | undefined>) => Modifier | null;
}

const VERSUS =
  '(?:vs\\.?|versus|v\\.|against|compare[ds]?\\s+(?:with|to)|comparing\\s+(?:with|to)|relative\\s+to|than)';
const PERIOD_NOUN = '(?:period|time|months?|quarters?|weeks?|days?|fortnight)';
const LAST = '(?:last|previous|prior|preceding)';
const SPLY: CompareMode = 'same_period_last_year';
const PP: CompareMode = 'previous_period';

const r = (source: string) => new RegExp(source, 'g');
const compare = (mode: CompareMode) => () => ({ kind: 'compare', mode }) as const;
const shift = (mode: CompareMode) => () => ({ kind: 'shift', mode }) as const;

const GRAINS: Record<string, QueryGrain> = {
  day: 'day',
  daily: 'day',
  week: 'week',
  weekly: 'week',
  wk: 'week',
  month: 'month',
  monthly: 'month',
  quarter: 'quarter',
  quarterly: 'quarter',
  qtr: 'quarter',
  year: 'year',
  yearly: 'year',
  annually: 'year',
  'fiscal quarter': 'fiscal_quarter',
  fq: 'fiscal_quarter',
  'fiscal year': 'fiscal_year',
  fy: 'fiscal_year',
};

function grain(word: string | undefined): Modifier | null {
  const key = (word ?? '').replace(/\s+/g, ' ').replace('financial', 'fiscal').replace(/s$/, '');
  const found = GRAINS[key];
  return found === undefined ? null : { kind: 'grain', grain: found };
}

export const MODIFIER_RULES: readonly ModifierRule[] = [
  {
    pattern: r(
      `\\b${VERSUS}\\s+(?:the\\s+)?(?:same\\s+${PERIOD_NOUN}\\s+(?:of\\s+|in\\s+)?)?(?:(?:the\\s+)?${LAST}|a)\\s+year(?:'s)?(?:\\s+(?:ago|before|earlier|prior))?\\b`,
    ),
    modifier: compare(SPLY),
  },
  {
    pattern: r(
      `\\b${VERSUS}\\s+(?:the\\s+)?(?:year|same\\s+${PERIOD_NOUN}(?:\\s+a\\s+year)?)\\s+(?:before|earlier|prior|ago)\\b`,
    ),
    modifier: compare(SPLY),
  },
  {
    pattern: r('\\b(?:year[\\s\\-]*(?:over|on)[\\s\\-]*year|yoy|y/y|y-o-y)(?![\\w/])'),
    modifier: compare(SPLY),
  },
  {
    pattern: r(
      `\\b${VERSUS}\\s+(?:the\\s+)?(?:${LAST}\\s+(?:period|month|quarter|week|day|fortnight)|(?:period|month|quarter|week|day|(?:fiscal|financial)\\s+(?:year|quarter))\\s+(?:before|earlier|prior))\\b`,
    ),
    modifier: compare(PP),
  },
  {
    pattern: r(
      '\\b(?:(?:day|week|month|quarter|period)[\\s\\-]*(?:over|on)[\\s\\-]*(?:day|week|month|quarter|period)|mom|qoq|m/m|q/q|w/w)(?![\\w/])',
    ),
    modifier: compare(PP),
  },
  {
    pattern: r(
      `\\b(?:the\\s+)?same\\s+(?:(?:${PERIOD_NOUN}|thing|numbers?|figures?|again)\\s+)?(?:but\\s+)?(?:for\\s+|in\\s+|of\\s+)?(?:the\\s+)?(?:${LAST}|a)\\s+year(?:\\s+instead)?\\b`,
    ),
    modifier: shift(SPLY),
  },
  {
    pattern: r(
      '\\b(?:for\\s+)?the\\s+(?:year|same\\s+period\\s+a\\s+year)\\s+(?:before|earlier)(?:\\s+instead)?\\b',
    ),
    modifier: shift(SPLY),
  },
  {
    pattern: r(
      `\\b(?:the\\s+)?(?:${LAST}\\s+period(?:\\s+instead)?|${LAST}\\s+(?:month|quarter|week|year)\\s+instead|(?:month|quarter|week|period)\\s+before(?:\\s+instead)?)\\b`,
    ),
    modifier: shift(PP),
  },
  {
    pattern: r('\\b(?<g>day|week|month|quarter|year)[\\s\\-]+(?:by|after)[\\s\\-]+\\k<g>\\b'),
    modifier: (g) => grain(g.g),
  },
  {
    pattern: r(
      '\\b(?:by|per|each|every|for\\s+each|broken\\s+down\\s+by|split\\s+by|grouped\\s+by)\\s+(?:the\\s+)?(?<g>(?:fiscal|financial)\\s+(?:quarter|year)|day|week|wk|month|quarter|qtr|year|fy|fq)s?\\b',
    ),
    modifier: (g) => grain(g.g),
  },
  { pattern: r('\\b(?<g>daily|weekly|monthly|quarterly|yearly|annually)\\b'), modifier: (g) => grain(g.g) },
];
