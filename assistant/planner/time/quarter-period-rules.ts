/**
 * Quarters, halves and fiscal periods: with a year (Q3 2025, H1 '25, FY2025, FQ2 2025), without
 * one (the most recent that has started), and in a relative year (Q3 last year).
 */

import { MON, monthName, withYear, YY } from './calendar-words.ts';
import {
  calendarHalf,
  calendarMonth,
  calendarQuarter,
  type DateSpan,
  fiscalQuarter,
  fiscalYear,
  fiscalYearName,
  latestStarted,
} from './named-periods.ts';
import {
  explicit,
  type Groups,
  ORDINAL_PATTERN,
  ordinalValue,
  type Period,
  type PeriodRule,
  type RuleEnv,
  rule,
} from './period-rule.ts';
import { monthNumber, YEAR4 } from './phrase-text.ts';

function fiscalQ(g: Groups, env: RuleEnv): Period | null {
  const q = Number(g.q);
  const f = env.fiscalYearStartMonth;
  if (g.y !== undefined) return withYear(g, (y) => explicit(fiscalQuarter(y, q, f), `fiscal Q${q} FY${y}`));
  const span = latestStartedFiscal(env.today, (y) => fiscalQuarter(y, q, f));
  return explicit(span, `fiscal Q${q} FY${fiscalYearName(span.start, f)}`);
}

/** Fiscal years are named by their end year, so "the latest started" may be next year's name. */
function latestStartedFiscal(today: string, build: (name: number) => DateSpan): DateSpan {
  const next = build(Number(today.slice(0, 4)) + 1);
  return next.start <= today ? next : latestStarted(today, build);
}

function latestQuarter(q: number, env: RuleEnv): Period | null {
  const span = latestStarted(env.today, (y) => calendarQuarter(y, q));
  return explicit(span, `Q${q} ${span.start.slice(0, 4)}`);
}

function latestHalf(h: number, env: RuleEnv): Period | null {
  const span = latestStarted(env.today, (y) => calendarHalf(y, h));
  return explicit(span, `H${h} ${span.start.slice(0, 4)}`);
}

/** Most specific first: with a year before without one. */
export const QUARTER_PERIOD_RULES: readonly PeriodRule[] = [
  rule(
    `\\b(?:fiscal|financial)\\s+(?:q|quarter\\s*)(?<q>[1-4])(?:[\\s,\\-/]+(?:of\\s+)?(?:fy\\s*|(?:fiscal|financial)\\s+(?:year\\s+)?)?${YY})?\\b`,
    fiscalQ,
  ),
  rule(`\\bfq\\s*(?<q>[1-4])(?:[\\s,\\-/]+(?:fy\\s*)?${YY})?\\b`, fiscalQ),
  rule(`\\bq(?<q>[1-4])[\\s\\-/,]*(?:of\\s+)?fy\\s*${YY}\\b`, fiscalQ),
  rule(`\\bfy\\s*${YY}[\\s\\-/,]*q(?<q>[1-4])\\b`, fiscalQ),
  rule(
    `\\b(?:fy|fiscal(?:\\s+year)?|financial\\s+year)\\s*(?<y1>${YEAR4})\\s*[/-]\\s*(?<y>\\d{2}|${YEAR4})\\b`,
    (g, env) => {
      // "FY 2025/26" names both calendar years it spans; its name is the year it ends in.
      const first = Number(g.y1);
      const y = (g.y ?? '').length === 2 ? Math.floor(first / 100) * 100 + Number(g.y) : Number(g.y);
      if (y !== first + 1 || env.fiscalYearStartMonth === 1) return null;
      return explicit(fiscalYear(y, env.fiscalYearStartMonth), `FY${y}`);
    },
  ),
  rule(`\\b(?:fy|fiscal(?:\\s+year)?|financial\\s+year)\\s*${YY}\\b`, (g, env) =>
    withYear(g, (y) => explicit(fiscalYear(y, env.fiscalYearStartMonth), `FY${y}`)),
  ),
  rule(`\\bq(?<q>[1-4])[\\s\\-/,]*(?:of\\s+)?${YY}\\b`, (g) =>
    withYear(g, (y) => explicit(calendarQuarter(y, Number(g.q)), `Q${g.q} ${y}`)),
  ),
  rule(`\\b(?<q>[1-4])q[\\s\\-/]*${YY}\\b`, (g) =>
    withYear(g, (y) => explicit(calendarQuarter(y, Number(g.q)), `Q${g.q} ${y}`)),
  ),
  rule(`\\b(?<y>${YEAR4})[\\s\\-/]*q(?<q>[1-4])\\b`, (g) =>
    withYear(g, (y) => explicit(calendarQuarter(y, Number(g.q)), `Q${g.q} ${y}`)),
  ),
  rule(`\\b(?:the\\s+)?(?<o>${ORDINAL_PATTERN})\\s+quarter(?:\\s+(?:of|in))?\\s+(?<y>${YEAR4})\\b`, (g) =>
    withYear(g, (y) => explicit(calendarQuarter(y, ordinalValue(g.o)), `Q${ordinalValue(g.o)} ${y}`)),
  ),
  rule(`\\bh(?<h>[12])[\\s\\-/,]*(?:of\\s+)?${YY}\\b`, (g) =>
    withYear(g, (y) => explicit(calendarHalf(y, Number(g.h)), `H${g.h} ${y}`)),
  ),
  rule(`\\b(?<y>${YEAR4})[\\s\\-/]*h(?<h>[12])\\b`, (g) =>
    withYear(g, (y) => explicit(calendarHalf(y, Number(g.h)), `H${g.h} ${y}`)),
  ),
  rule(
    `\\b(?:the\\s+)?(?<o>first|second|1st|2nd)\\s+half(?:\\s+of)?(?:\\s+the\\s+year)?\\s+(?<y>${YEAR4})\\b`,
    (g) => withYear(g, (y) => explicit(calendarHalf(y, ordinalValue(g.o)), `H${ordinalValue(g.o)} ${y}`)),
  ),
  rule('\\b(?<rel>last|previous|this)\\s+q(?<q>[1-4])\\b', (g, env) => {
    // "this Q3" is this year's; "last Q2" the latest that has ended.
    const q = Number(g.q);
    const y = Number(env.today.slice(0, 4));
    const own = calendarQuarter(y, q);
    const span = g.rel === 'this' ? own : own.end < env.today ? own : calendarQuarter(y - 1, q);
    return explicit(span, `Q${q} ${span.start.slice(0, 4)}`);
  }),
  rule('\\bq(?<q>[1-4])\\b', (g, env) => latestQuarter(Number(g.q), env)),
  rule(`\\b(?:the\\s+)?(?<o>${ORDINAL_PATTERN})\\s+quarter\\b`, (g, env) =>
    latestQuarter(ordinalValue(g.o), env),
  ),
  rule('\\bh(?<h>[12])\\b', (g, env) => latestHalf(Number(g.h), env)),
  rule('\\b(?:the\\s+)?(?<o>first|second|1st|2nd)\\s+half(?:\\s+of\\s+the\\s+year)?\\b', (g, env) =>
    latestHalf(ordinalValue(g.o), env),
  ),
];

const REL_YEAR = '(?:of\\s+)?(?<rel>this|last|previous|prior|next)\\s+year\\b';
const OFFSETS: Record<string, number> = { this: 0, last: -1, previous: -1, prior: -1, next: 1 };
const anchoredYear = (g: Groups, env: RuleEnv) => Number(env.today.slice(0, 4)) + (OFFSETS[g.rel ?? ''] ?? 0);

/** A named period in a relative year ("Q3 last year", "March of this year"): before "last year" alone. */
export const ANCHORED_PERIOD_RULES: readonly PeriodRule[] = [
  rule(`\\bq(?<q>[1-4])\\s+${REL_YEAR}`, (g, env) => {
    const y = anchoredYear(g, env);
    return explicit(calendarQuarter(y, Number(g.q)), `Q${g.q} ${y}`);
  }),
  rule(`\\b(?:the\\s+)?(?<o>${ORDINAL_PATTERN})\\s+quarter\\s+${REL_YEAR}`, (g, env) => {
    const y = anchoredYear(g, env);
    return explicit(calendarQuarter(y, ordinalValue(g.o)), `Q${ordinalValue(g.o)} ${y}`);
  }),
  rule(`\\bh(?<h>[12])\\s+${REL_YEAR}`, (g, env) => {
    const y = anchoredYear(g, env);
    return explicit(calendarHalf(y, Number(g.h)), `H${g.h} ${y}`);
  }),
  rule(`\\b(?:the\\s+)?(?<o>first|second|1st|2nd)\\s+half\\s+${REL_YEAR}`, (g, env) => {
    const y = anchoredYear(g, env);
    return explicit(calendarHalf(y, ordinalValue(g.o)), `H${ordinalValue(g.o)} ${y}`);
  }),
  rule(`\\b${MON}\\s+${REL_YEAR}`, (g, env) => {
    const m = monthNumber(g.mon ?? '');
    const y = anchoredYear(g, env);
    return m === null ? null : explicit(calendarMonth(y, m), `${monthName(m)} ${y}`);
  }),
];
