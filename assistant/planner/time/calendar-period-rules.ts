/**
 * Periods named by the calendar: dates, months, years, with the quarter and fiscal rules in their
 * place. Most specific first: a rule's match is taken before later rules run.
 */

import { MON, monthName, monthOfYear, ORD, withYear, year } from './calendar-words.ts';
import { calendarMonth, calendarYear, dayOf, latestCompleteMonth, latestDay } from './named-periods.ts';
import {
  explicit,
  type Groups,
  type Period,
  type PeriodRule,
  type RuleEnv,
  rule,
  TIME_PREPOSITION,
} from './period-rule.ts';
import { isMonthAbbreviation, monthNumber, validYear, YEAR4 } from './phrase-text.ts';
import { QUARTER_PERIOD_RULES } from './quarter-period-rules.ts';

function day(g: Groups, y: number | null): Period | null {
  const m = monthNumber(g.mon ?? '') ?? Number(g.m);
  const d = Number(g.d);
  const date = y === null ? null : dayOf(y, m, d);
  return date === null ? null : explicit({ start: date, end: date }, `${d} ${monthName(m)} ${y}`);
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
  ...QUARTER_PERIOD_RULES,
  rule(`\\b${MON}(?:,?\\s*(?:of\\s+)?|[\\-/])(?<y>${YEAR4}|'\\d{2})\\b`, (g) => monthOfYear(g)),
  rule(`\\b${MON}\\s+(?<y>\\d{2})\\b(?!\\s*${ORD})`, (g) =>
    isMonthAbbreviation(g.mon ?? '') ? monthOfYear(g) : null,
  ),
  rule(`\\b${MON}\\s+(?<d>\\d{1,2})(?<ord>${ORD})?\\b`, dayWithoutYear),
  rule(`\\b(?<d>\\d{1,2})(?<ord>${ORD})?\\s+(?:of\\s+)?${MON}`, dayWithoutYear),
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
