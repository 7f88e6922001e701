/**
 * Periods relative to today: to-date periods, today/yesterday, all time, "last N units", and
 * this/last/next unit. A phrase maps to the query's relative enum when one exists (so a saved
 * question keeps meaning "last quarter"), else to explicit dates by the enum's own conventions:
 * "the last N units" are the N whole units before the current one (days: before today).
 */
import {
  addDays,
  addMonths,
  nextPeriod,
  periodEnd,
  periodStart,
} from '../../../semantic-layer/query/calendar-dates.ts';
import type { QueryGrain, RelativeRange } from '../../../semantic-layer/query/semantic-query-shape.ts';
import { explicit, type Period, type PeriodRule, relative, rule } from './period-rule.ts';
import { COUNT_PATTERN, countValue } from './phrase-text.ts';

const TD = '[\\s\\-]+to[\\s\\-]+date\\b';
const FISCAL = '(?:fiscal|financial)';

type Unit = 'day' | 'week' | 'month' | 'quarter' | 'year';

function unitOf(word: string): Unit {
  if (word.startsWith('d')) return 'day';
  if (word.startsWith('w')) return 'week';
  if (word.startsWith('q')) return 'quarter';
  if (word.startsWith('y')) return 'year';
  return 'month';
}

const LAST_N_ENUMS: Partial<Record<string, RelativeRange>> = {
  'day:1': 'yesterday',
  'day:7': 'last_7_days',
  'day:28': 'last_28_days',
  'day:30': 'last_30_days',
  'day:90': 'last_90_days',
  'week:1': 'last_week',
  'week:12': 'last_12_weeks',
  'month:1': 'last_month',
  'month:3': 'last_3_months',
  'month:6': 'last_6_months',
  'month:12': 'last_12_months',
  'quarter:1': 'last_quarter',
  'year:1': 'last_year',
};

const MAX_COUNT: Record<Unit, number> = { day: 3660, week: 520, month: 240, quarter: 80, year: 30 };

/** N whole units before the current one, as resolve-time-range.ts does for its last_N ranges. */
function lastN(unit: Unit, n: number, today: string): Period | null {
  if (n < 1 || n > MAX_COUNT[unit]) return null;
  const words = `the last ${n} ${unit}${n === 1 ? '' : 's'}`;
  const known = LAST_N_ENUMS[`${unit}:${n}`];
  if (known !== undefined) return relative(known, words);
  if (unit === 'day') return explicit({ start: addDays(today, -n), end: addDays(today, -1) }, words);
  const current = periodStart(unit, today);
  const start =
    unit === 'week'
      ? addDays(current, -7 * n)
      : addMonths(current, -n * (unit === 'quarter' ? 3 : unit === 'year' ? 12 : 1));
  return explicit({ start, end: addDays(current, -1) }, words);
}

const THIS: Record<Unit, RelativeRange> = {
  day: 'today',
  week: 'this_week',
  month: 'this_month',
  quarter: 'this_quarter',
  year: 'this_year',
};
const LAST: Record<Unit, RelativeRange> = {
  day: 'yesterday',
  week: 'last_week',
  month: 'last_month',
  quarter: 'last_quarter',
  year: 'last_year',
};

function thisLastNext(
  which: string,
  fiscal: boolean,
  unitWord: string,
  today: string,
  f: number,
): Period | null {
  const isFiscal = fiscal || unitWord === 'fy' || unitWord === 'fq';
  const unit: Unit = unitWord === 'fy' ? 'year' : unitWord === 'fq' ? 'quarter' : unitOf(unitWord);
  const grain: QueryGrain =
    isFiscal && unit === 'year' ? 'fiscal_year' : isFiscal && unit === 'quarter' ? 'fiscal_quarter' : unit;
  const noun = grain === 'fiscal_year' ? 'fiscal year' : grain === 'fiscal_quarter' ? 'fiscal quarter' : unit;
  if (which === 'next' || which === 'coming') {
    const start = nextPeriod(grain, periodStart(grain, today, f));
    return explicit({ start, end: periodEnd(grain, start) }, `next ${noun}`);
  }
  const isThis = which === 'this' || which.endsWith('current');
  const word = isThis ? 'this' : 'last';
  if (grain === 'fiscal_year')
    return relative(isThis ? 'this_fiscal_year' : 'last_fiscal_year', `${word} ${noun}`);
  if (grain === 'fiscal_quarter')
    return relative(isThis ? 'this_fiscal_quarter' : 'last_fiscal_quarter', `${word} ${noun}`);
  return relative((isThis ? THIS : LAST)[unit], `${word} ${noun}`);
}

const UNIT_WORDS = '(?<u>days?|weeks?|wks?|months?|mos?|quarters?|qtrs?|years?|yrs?)';

export const RELATIVE_PERIOD_RULES: readonly PeriodRule[] = [
  rule(
    `\\b${FISCAL}\\s+(?:ytd|year${TD})|\\bf?ytd\\s+${FISCAL}\\b|\\bfytd\\b|\\bfy\\s*td\\b|\\bso\\s+far\\s+this\\s+${FISCAL}\\s+year\\b|\\bthis\\s+${FISCAL}\\s+year\\s+(?:so\\s+far|to\\s+date)\\b`,
    () => relative('fiscal_year_to_date', 'fiscal year to date'),
  ),
  rule(
    `\\bytd\\b|\\byear${TD}|\\bso\\s+far\\s+this\\s+year\\b|\\bthis\\s+year\\s+(?:so\\s+far|to\\s+date)\\b|\\bsince\\s+the\\s+(?:start|beginning)\\s+of\\s+(?:the|this)\\s+year\\b`,
    () => relative('year_to_date', 'year to date'),
  ),
  rule(
    `\\bqtd\\b|\\bquarter${TD}|\\bso\\s+far\\s+this\\s+quarter\\b|\\bthis\\s+quarter\\s+(?:so\\s+far|to\\s+date)\\b|\\bsince\\s+the\\s+(?:start|beginning)\\s+of\\s+(?:the|this)\\s+quarter\\b`,
    () => relative('quarter_to_date', 'quarter to date'),
  ),
  rule(
    `\\bmtd\\b|\\bmonth${TD}|\\bso\\s+far\\s+this\\s+month\\b|\\bthis\\s+month\\s+(?:so\\s+far|to\\s+date)\\b|\\bsince\\s+the\\s+(?:start|beginning)\\s+of\\s+(?:the|this)\\s+month\\b`,
    () => relative('month_to_date', 'month to date'),
  ),
  rule(
    `\\bwtd\\b|\\bweek${TD}|\\bso\\s+far\\s+this\\s+week\\b|\\bthis\\s+week\\s+(?:so\\s+far|to\\s+date)\\b|\\bsince\\s+the\\s+(?:start|beginning)\\s+of\\s+(?:the|this)\\s+week\\b`,
    () => relative('week_to_date', 'week to date'),
  ),
  rule('\\b(?:ltm|ttm|l12m)\\b', () => relative('last_12_months', 'the last 12 months')),
  rule('\\btoday\\b', () => relative('today', 'today')),
  rule('\\byesterday\\b', () => relative('yesterday', 'yesterday')),
  rule(
    '\\b(?:of\\s+)?all[\\s\\-]+time\\b|\\bever\\b|\\bsince\\s+(?:the\\s+)?(?:very\\s+)?(?:beginning|start)(?:\\s+of\\s+time)?\\b|\\bsince\\s+(?:inception|records\\s+began)\\b',
    () => relative('all_time', 'all time'),
  ),
  rule(
    `\\b(?:the\\s+)?(?:last|past|previous|prior|trailing|preceding|rolling)\\s+(?<n>${COUNT_PATTERN})\\s+${UNIT_WORDS}\\b`,
    (g, env) => lastN(unitOf(g.u ?? ''), countValue(g.n ?? ''), env.today),
  ),
  rule('\\b(?:the\\s+)?(?:last|past|previous|prior)\\s+fortnight\\b', (_g, env) =>
    explicit({ start: addDays(env.today, -14), end: addDays(env.today, -1) }, 'the last 14 days'),
  ),
  rule(
    `\\b(?:the\\s+)?(?<w>this\\s+past|this|current|the\\s+current|last|previous|prior|past|next|coming)[\\s\\-]+(?<f>${FISCAL}[\\s\\-]+)?(?<u>week|wk|month|mo|quarter|qtr|year|yr|fy|fq)\\b`,
    (g, env) => thisLastNext(g.w ?? '', g.f !== undefined, g.u ?? '', env.today, env.fiscalYearStartMonth),
  ),
];
