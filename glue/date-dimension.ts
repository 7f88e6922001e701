/**
 * The rows of dw.dim_date, computed here rather than in SQL so that every dialect gets identical
 * rows (Redshift has no generate_series to build them with) and holidays follow tested rules.
 */

import { MONTH_NAMES, WEEKDAY_NAMES } from '../core/calendar-names.ts';
import { CodedError, ErrorCode } from '../core/coded-error.ts';
import { holidayCalendar } from './us-federal-holidays.ts';

export interface DateDimensionOptions {
  /** First and last day, YYYY-MM-DD, inclusive. */
  from: string;
  to: string;
  /** Month (1-12) the fiscal year starts in; a fiscal year is named after the year it ends in. */
  fiscalYearStartMonth: number;
}

/** Column order of the CSV and of dw.dim_date. */
export const DATE_DIMENSION_COLUMNS = [
  'date_key',
  'full_date',
  'week_start_date',
  'iso_week',
  'iso_year',
  'month_number',
  'month_name',
  'month_start_date',
  'year_month',
  'quarter_number',
  'year_number',
  'fiscal_year',
  'fiscal_quarter',
  'fiscal_period',
  'weekday_number',
  'weekday_name',
  'is_weekend',
  'is_holiday',
  'holiday_name',
  'is_trading_day',
] as const;

export type DateRow = Record<(typeof DATE_DIMENSION_COLUMNS)[number], string | number | boolean | null>;

const DAY_MS = 86_400_000;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export function dateDimensionRows(options: DateDimensionOptions): DateRow[] {
  const { from, to, fiscalYearStartMonth: start } = options;
  if (!Number.isInteger(start) || start < 1 || start > 12) {
    throw new CodedError(
      ErrorCode.BadArgument,
      `fiscalYearStartMonth must be a whole number from 1 to 12 (got ${start})`,
    );
  }
  const first = parseDay(from, 'from');
  const last = parseDay(to, 'to');
  if (last < first)
    throw new CodedError(ErrorCode.BadArgument, `the date range ends (${to}) before it starts (${from})`);
  const holidays = holidayCalendar(new Date(first).getUTCFullYear(), new Date(last).getUTCFullYear());
  const rows: DateRow[] = [];
  for (let time = first; time <= last; time += DAY_MS) rows.push(dateRow(new Date(time), start, holidays));
  return rows;
}

function dateRow(date: Date, fiscalStart: number, holidays: Map<string, string>): DateRow {
  const day = date.toISOString().slice(0, 10);
  const year = date.getUTCFullYear();
  const month = date.getUTCMonth() + 1;
  const weekday = ((date.getUTCDay() + 6) % 7) + 1; // ISO: Monday 1 .. Sunday 7
  const { isoWeek, isoYear } = isoWeekOf(date, weekday);
  const fiscalPeriod = ((month - fiscalStart + 12) % 12) + 1;
  const holidayName = holidays.get(day) ?? null;
  const isWeekend = weekday >= 6;
  return {
    date_key: year * 10000 + month * 100 + date.getUTCDate(),
    full_date: day,
    week_start_date: new Date(date.getTime() - (weekday - 1) * DAY_MS).toISOString().slice(0, 10),
    iso_week: isoWeek,
    iso_year: isoYear,
    month_number: month,
    month_name: MONTH_NAMES[month - 1] ?? '',
    month_start_date: `${day.slice(0, 8)}01`,
    year_month: day.slice(0, 7),
    quarter_number: Math.ceil(month / 3),
    year_number: year,
    fiscal_year: fiscalStart === 1 || month < fiscalStart ? year : year + 1,
    fiscal_quarter: Math.ceil(fiscalPeriod / 3),
    fiscal_period: fiscalPeriod,
    weekday_number: weekday,
    weekday_name: WEEKDAY_NAMES[weekday - 1] ?? '',
    is_weekend: isWeekend,
    is_holiday: holidayName !== null,
    holiday_name: holidayName,
    is_trading_day: !isWeekend && holidayName === null,
  };
}

/** ISO 8601 week: the week belongs to the year of its Thursday. */
function isoWeekOf(date: Date, weekday: number): { isoWeek: number; isoYear: number } {
  const thursday = new Date(date.getTime() + (4 - weekday) * DAY_MS);
  const isoYear = thursday.getUTCFullYear();
  const dayOfYear = (thursday.getTime() - Date.UTC(isoYear, 0, 1)) / DAY_MS;
  return { isoWeek: Math.floor(dayOfYear / 7) + 1, isoYear };
}

function parseDay(value: string, name: string): number {
  const time = ISO_DATE.test(value) ? Date.parse(`${value}T00:00:00Z`) : Number.NaN;
  if (Number.isNaN(time) || new Date(time).toISOString().slice(0, 10) !== value) {
    throw new CodedError(
      ErrorCode.BadArgument,
      `date range ${name} must be a real day as YYYY-MM-DD (got "${value}")`,
    );
  }
  return time;
}

/** The rows as CSV with a header line; holiday names hold no comma or quote, but quote anyway. */
export function dateDimensionCsv(rows: readonly DateRow[]): string {
  const cell = (value: DateRow[keyof DateRow]): string =>
    value === null ? '' : typeof value === 'string' ? `"${value.replaceAll('"', '""')}"` : String(value);
  const lines = rows.map((row) => DATE_DIMENSION_COLUMNS.map((column) => cell(row[column])).join(','));
  return `${DATE_DIMENSION_COLUMNS.join(',')}\n${lines.join('\n')}\n`;
}
