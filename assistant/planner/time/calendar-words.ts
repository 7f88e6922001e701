/**
 * Pieces shared by the calendar rules: the month and year sub-patterns and the month's name.
 */
import { calendarMonth } from './named-periods.ts';
import { explicit, type Groups, type Period } from './period-rule.ts';
import { MONTH_NAMES, MONTH_PATTERN, monthNumber, validYear, YEAR4, yearValue } from './phrase-text.ts';

export const MON = `(?<mon>${MONTH_PATTERN})\\b\\.?`;
export const YY = `(?<y>${YEAR4}|'\\d{2}|\\d{2})`;
export const ORD = '(?:st|nd|rd|th)';

export function monthName(m: number): string {
  const name = MONTH_NAMES[m - 1] ?? '';
  return name.charAt(0).toUpperCase() + name.slice(1);
}

export function year(g: Groups): number | null {
  const value = yearValue(g.y ?? '');
  return validYear(value) ? value : null;
}

export function withYear(g: Groups, build: (y: number) => Period | null): Period | null {
  const y = year(g);
  return y === null ? null : build(y);
}

export function monthOfYear(g: Groups): Period | null {
  const m = monthNumber(g.mon ?? '');
  return m === null ? null : withYear(g, (y) => explicit(calendarMonth(y, m), `${monthName(m)} ${y}`));
}
