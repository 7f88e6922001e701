/**
 * Periods named by the calendar or the fiscal calendar: dates, months, quarters, halves, fiscal
 * years and quarters, years. Most specific first: a rule's match is taken before later rules run.
 */
import {
  calendarHalf,
  calendarMonth,
  calendarQuarter,
  calendarYear,
  type DateSpan,
  dayOf,
  fiscalQuarter,
  fiscalYear,
  fiscalYearName,
  latestCompleteMonth,
  latestDay,
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
  TIME_PREPOSITION,
} from './period-rule.ts';
import {
  isMonthAbbreviation,
  MONTH_NAMES,
  MONTH_PATTERN,
  monthNumber,
  validYear,
  YEAR4,
  yearValue,
} from './phrase-text.ts';

const MON = `(?<mon>${MONTH_PATTERN})\\b\\.?`;
const YY = `(?<y>${YEAR4}|'\\d{2}|\\d{2})`;
const ORD = '(?:st|nd|rd|th)';

const monthName = (m: number) => {
  const name = MONTH_NAMES[m - 1] ?? '';
  return name.charAt(0).toUpperCase() + name.slice(1);
};

function year(g: Groups): number | null {
  const value = yearValue(g.y ?? '');
  return validYear(value) ? value : null;
}

function day(g: Groups, y: number | null): Period | null {
  const m = monthNumber(g.mon ?? '') ?? Number(g.m);
  const d = Number(g.d);
  const date = y === null ? null : dayOf(y, m, d);
  return date === null ? null : explicit({ start: date, end: date }, `${d} ${monthName(m)} ${y}`);
}

function withYear(g: Groups, build: (y: number) => Period | null): Period | null {
  const y = year(g);
  return y === null ? null : build(y);
}

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

/** A bare number is a year only away from counting words ("top 2000", "over 2025 units"). */
const NOT_A_YEAR_BEFORE =
  /(?:\b(?:top|bottom|first|last|over|under|above|below|exceed(?:s|ed|ing)?|least|most|limit|more\s+than|less\s+than|fewer\s+than|greater\s+than|about|around|approximately)\s+|[$£€¥#]\s*|\d[.,]?\s*)$/;
const NOT_A_YEAR_AFTER =
  /^(?:[-/]\d|\s*%|\s*(?:k|m|bn|x)\b|[.,]\d|\s*(?:units?|pairs?|items?|orders?|rows?|dollars?|euros?|pounds?|percent)\b)/;

function dayWithoutYear(g: Groups, env: RuleEnv): Period | null {
  const m = monthNumber(g.mon ?? '');
  if (m === null) return null;
  // "Mar 25" is March 2025 (the month-year rule); "March 25" and "Mar 25th" are days.
  if (isMonthAbbreviation(g.mon ?? '') && g.ord === undefined && (g.d ?? '').length === 2) return null;
  const date = latestDay(env.today, m, Number(g.d));
  return date === null
    ? null
    : explicit({ start: date, end: date }, `${Number(g.d)} ${monthName(m)} ${date.slice(0, 4)}`);
}

function bareMonth(g: Groups, env: RuleEnv): Period | null {
  const word = g.mon ?? '';
  const m = monthNumber(word);
  if (m === null) return null;
  // "may" (the verb) and abbreviations need a preposition before them ("in may", "since jan"),
  // or, for May, a capital letter away from the start of a sentence ("was May better").
  const capitalised = /^[A-Z]/.test(env.written) && !/(?:^|[.!?:])\s*$/.test(env.before);
  if (word === 'may' && !capitalised && !TIME_PREPOSITION.test(env.before)) return null;
  if (isMonthAbbreviation(word) && !TIME_PREPOSITION.test(env.before)) return null;
  const span = latestCompleteMonth(env.today, m);
  return { range: span, words: `${monthName(m)} ${span.start.slice(0, 4)}`, bareMonth: m };
}

export const CALENDAR_PERIOD_RULES: readonly PeriodRule[] = [
  rule('\\b(?<y>\\d{4})-(?<m>\\d{2})-(?<d>\\d{2})\\b', (g) => day(g, year(g))),
  rule(`\\b(?<y1>${YEAR4})\\s*[-–]\\s*(?<y>${YEAR4})\\b`, (g) => {
    const first = Number(g.y1);
    const last = Number(g.y);
    if (!validYear(first) || !validYear(last) || last <= first) return null;
    return explicit({ start: calendarYear(first).start, end: calendarYear(last).end }, `${first} to ${last}`);
  }),
  rule(`\\b(?<d>\\d{1,2})${ORD}?(?:\\s+of)?[\\s\\-/]+${MON},?[\\s\\-/]+(?<y>${YEAR4})\\b`, (g) =>
    day(g, year(g)),
  ),
  rule(`\\b${MON}[\\s\\-/]+(?<d>\\d{1,2})${ORD}?(?:,\\s*|[\\s\\-/]+)(?<y>${YEAR4})\\b`, (g) =>
    day(g, year(g)),
  ),
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
  rule(`\\b${MON}(?:,?\\s*(?:of\\s+)?|[\\-/])(?<y>${YEAR4}|'\\d{2})\\b`, (g) => monthOfYear(g)),
  rule(`\\b${MON}\\s+(?<y>\\d{2})\\b(?!\\s*${ORD})`, (g) =>
    isMonthAbbreviation(g.mon ?? '') ? monthOfYear(g) : null,
  ),
  rule(`\\b${MON}\\s+(?<d>\\d{1,2})(?<ord>${ORD})?\\b`, dayWithoutYear),
  rule(`\\b(?<d>\\d{1,2})(?<ord>${ORD})?\\s+(?:of\\s+)?${MON}`, dayWithoutYear),
  rule('\\bq(?<q>[1-4])\\b', (g, env) => latestQuarter(Number(g.q), env)),
  rule(`\\b(?:the\\s+)?(?<o>${ORDINAL_PATTERN})\\s+quarter\\b`, (g, env) =>
    latestQuarter(ordinalValue(g.o), env),
  ),
  rule('\\bh(?<h>[12])\\b', (g, env) => latestHalf(Number(g.h), env)),
  rule('\\b(?:the\\s+)?(?<o>first|second|1st|2nd)\\s+half(?:\\s+of\\s+the\\s+year)?\\b', (g, env) =>
    latestHalf(ordinalValue(g.o), env),
  ),
  rule(`\\b(?<rel>last|this)\\s+${MON}`, (g, env) => {
    const m = monthNumber(g.mon ?? '');
    if (m === null) return null;
    const span =
      g.rel === 'this' ? calendarMonth(Number(env.today.slice(0, 4)), m) : latestCompleteMonth(env.today, m);
    return explicit(span, `${monthName(m)} ${span.start.slice(0, 4)}`);
  }),
  rule(`\\b(?:calendar\\s+(?:year\\s+)?|cy\\s*)?(?<y>${YEAR4})\\b`, (g, env) => {
    if (NOT_A_YEAR_BEFORE.test(env.before) || NOT_A_YEAR_AFTER.test(env.after)) return null;
    return withYear(g, (y) => explicit(calendarYear(y), String(y)));
  }),
  rule(`\\b${MON}`, bareMonth),
];

function monthOfYear(g: Groups): Period | null {
  const m = monthNumber(g.mon ?? '');
  return m === null ? null : withYear(g, (y) => explicit(calendarMonth(y, m), `${monthName(m)} ${y}`));
}

function latestQuarter(q: number, env: RuleEnv): Period | null {
  const span = latestStarted(env.today, (y) => calendarQuarter(y, q));
  return explicit(span, `Q${q} ${span.start.slice(0, 4)}`);
}

function latestHalf(h: number, env: RuleEnv): Period | null {
  const span = latestStarted(env.today, (y) => calendarHalf(y, h));
  return explicit(span, `H${h} ${span.start.slice(0, 4)}`);
}

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
