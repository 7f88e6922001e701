/**
 * Calendar and fiscal periods named by number (March 2025, Q3 2025, H1, FY2025, fiscal Q2) as
 * inclusive ISO date ranges, built on the semantic layer's calendar arithmetic.
 *
 * Conventions (docs/planner-time-phrases.md):
 * - FY2025 is the fiscal year that ENDS in 2025 (with a February start: 2024-02-01 to 2025-01-31);
 *   with a January start it is the calendar year 2025.
 * - A quarter, half or fiscal quarter named without a year is the most recent one that has started
 *   (today's own Q3 when today is in Q3).
 * - A month named without a year is the latest COMPLETE one (in March, "March" is last year's).
 */
import {
  addDays,
  addMonths,
  isRealDate,
  periodEnd,
  periodStart,
} from '../../../semantic-layer/query/calendar-dates.ts';

export interface DateSpan {
  start: string;
  end: string;
}

const pad = (n: number) => String(n).padStart(2, '0');

export function firstOfMonth(year: number, month: number): string {
  return `${String(year).padStart(4, '0')}-${pad(month)}-01`;
}

export function monthsSpan(start: string, months: number): DateSpan {
  return { start, end: addDays(addMonths(start, months), -1) };
}

export function calendarMonth(year: number, month: number): DateSpan {
  return monthsSpan(firstOfMonth(year, month), 1);
}

export function calendarQuarter(year: number, quarter: number): DateSpan {
  return monthsSpan(firstOfMonth(year, quarter * 3 - 2), 3);
}

export function calendarHalf(year: number, half: number): DateSpan {
  return monthsSpan(firstOfMonth(year, half * 6 - 5), 6);
}

export function calendarYear(year: number): DateSpan {
  return monthsSpan(firstOfMonth(year, 1), 12);
}

/** The fiscal year named by the calendar year it ends in. */
export function fiscalYear(name: number, fiscalStartMonth: number): DateSpan {
  const startYear = fiscalStartMonth === 1 ? name : name - 1;
  return monthsSpan(firstOfMonth(startYear, fiscalStartMonth), 12);
}

export function fiscalQuarter(name: number, quarter: number, fiscalStartMonth: number): DateSpan {
  return monthsSpan(addMonths(fiscalYear(name, fiscalStartMonth).start, (quarter - 1) * 3), 3);
}

/** The name (year it ends in) of the fiscal year containing `date`. */
export function fiscalYearName(date: string, fiscalStartMonth: number): number {
  const end = periodEnd('fiscal_year', periodStart('fiscal_year', date, fiscalStartMonth));
  return Number(end.slice(0, 4));
}

const yearOf = (date: string) => Number(date.slice(0, 4));

/** The most recent period (of those `build` gives per year) that has started by today. */
export function latestStarted(today: string, build: (year: number) => DateSpan): DateSpan {
  const thisYear = build(yearOf(today));
  return thisYear.start <= today ? thisYear : build(yearOf(today) - 1);
}

/** The latest whole month `month` that has ended before today. */
export function latestCompleteMonth(today: string, month: number): DateSpan {
  const thisYear = calendarMonth(yearOf(today), month);
  return thisYear.end < today ? thisYear : calendarMonth(yearOf(today) - 1, month);
}

/** A day named without a year: the latest one not after today (Feb 29 looks back to a leap year). */
export function latestDay(today: string, month: number, day: number): string | null {
  for (let year = yearOf(today); year > yearOf(today) - 8; year--) {
    const date = `${year}-${pad(month)}-${pad(day)}`;
    if (isRealDate(date) && date <= today) return date;
  }
  return null;
}

export function dayOf(year: number, month: number, day: number): string | null {
  const date = `${String(year).padStart(4, '0')}-${pad(month)}-${pad(day)}`;
  return isRealDate(date) ? date : null;
}
