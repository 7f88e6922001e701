/**
 * Calendar arithmetic on ISO dates (YYYY-MM-DD, UTC, no time of day). The compiler resolves every
 * period, spine row and comparison in TypeScript with these, so the SQL only ever receives dates
 * as bound values; the SQL-side truncation (the dialect adapters) must agree with `periodStart`.
 */
import { CodedError, ErrorCode } from '../../core/coded-error.ts';
import type { QueryGrain } from './semantic-query-shape.ts';

const DAY_MS = 86_400_000;

function toUtc(date: string): Date {
  return new Date(`${date}T00:00:00Z`);
}

function fromUtc(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** True for a real calendar date in YYYY-MM-DD (no 2023-02-29, no month 13). */
export function isRealDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const parsed = toUtc(text);
  return !Number.isNaN(parsed.getTime()) && fromUtc(parsed) === text;
}

export function parseDate(text: string): string {
  if (!isRealDate(text)) {
    throw new CodedError(ErrorCode.SemanticBadRange, `"${text}" is not a real date; write YYYY-MM-DD.`);
  }
  return text;
}

export function addDays(date: string, days: number): string {
  return fromUtc(new Date(toUtc(date).getTime() + days * DAY_MS));
}

/** Adds months, clamping the day to the target month's length (Jan 31 + 1 month = Feb 28/29). */
export function addMonths(date: string, months: number): string {
  const d = toUtc(date);
  const first = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, 1));
  const last = monthLength(first.getUTCFullYear(), first.getUTCMonth());
  first.setUTCDate(Math.min(d.getUTCDate(), last));
  return fromUtc(first);
}

function monthLength(year: number, monthIndex: number): number {
  return new Date(Date.UTC(year, monthIndex + 1, 0)).getUTCDate();
}

export function isMonthEnd(date: string): boolean {
  return addDays(date, 1).slice(8) === '01';
}

export function daysBetween(start: string, end: string): number {
  return Math.round((toUtc(end).getTime() - toUtc(start).getTime()) / DAY_MS);
}

/** Months a fiscal year starting in `fiscalStartMonth` (1-12) is shifted from the calendar. */
export function fiscalOffset(fiscalStartMonth: number): number {
  if (!Number.isInteger(fiscalStartMonth) || fiscalStartMonth < 1 || fiscalStartMonth > 12) {
    throw new CodedError(ErrorCode.ConfigInvalid, 'FISCAL_YEAR_START_MONTH must be a whole number 1-12.');
  }
  return fiscalStartMonth - 1;
}

/** The first day of the period of `grain` containing `date` (weeks start on Monday, ISO). */
export function periodStart(grain: QueryGrain, date: string, fiscalStartMonth = 1): string {
  const d = toUtc(date);
  const year = d.getUTCFullYear();
  const month = d.getUTCMonth();
  switch (grain) {
    case 'day':
      return date;
    case 'week':
      return addDays(date, -((d.getUTCDay() + 6) % 7));
    case 'month':
      return fromUtc(new Date(Date.UTC(year, month, 1)));
    case 'quarter':
      return fromUtc(new Date(Date.UTC(year, month - (month % 3), 1)));
    case 'year':
      return `${String(year).padStart(4, '0')}-01-01`;
    case 'fiscal_quarter':
    case 'fiscal_year': {
      const offset = fiscalOffset(fiscalStartMonth);
      const calendar = grain === 'fiscal_quarter' ? 'quarter' : 'year';
      return addMonths(
        periodStart(calendar, addMonths(fromUtc(new Date(Date.UTC(year, month, 1))), -offset)),
        offset,
      );
    }
  }
}

/** The first day of the next period after the one starting at `start`. */
export function nextPeriod(grain: QueryGrain, start: string): string {
  switch (grain) {
    case 'day':
      return addDays(start, 1);
    case 'week':
      return addDays(start, 7);
    case 'month':
      return addMonths(start, 1);
    case 'quarter':
    case 'fiscal_quarter':
      return addMonths(start, 3);
    case 'year':
    case 'fiscal_year':
      return addMonths(start, 12);
  }
}

export function periodEnd(grain: QueryGrain, start: string): string {
  return addDays(nextPeriod(grain, start), -1);
}

/** Every period of `grain` overlapping [start, end], by their first day. */
export function periodsBetween(
  grain: QueryGrain,
  start: string,
  end: string,
  fiscalStartMonth = 1,
): string[] {
  const periods: string[] = [];
  for (let p = periodStart(grain, start, fiscalStartMonth); p <= end; p = nextPeriod(grain, p))
    periods.push(p);
  return periods;
}
