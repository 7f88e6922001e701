/**
 * Calendar arithmetic on day numbers (days since 1970-01-01, UTC). Plain integers keep the daily
 * loops fast and avoid time zones entirely; strings are made only when a row is written.
 */

const MS_PER_DAY = 86_400_000;

/** Day number of a calendar date; month is 1-12. */
export function dayOf(year: number, month: number, dayOfMonth: number): number {
  return Math.round(Date.UTC(year, month - 1, dayOfMonth) / MS_PER_DAY);
}

/** Day number of a strict 'YYYY-MM-DD' string, or undefined when it is not a real date. */
export function parseIsoDay(text: string): number | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return undefined;
  const [year, month, dom] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const day = dayOf(year, month, dom);
  const back = new Date(day * MS_PER_DAY);
  if (back.getUTCFullYear() !== year || back.getUTCMonth() + 1 !== month || back.getUTCDate() !== dom) {
    return undefined;
  }
  return day;
}

export interface CalendarParts {
  year: number;
  /** 1-12 */
  month: number;
  dayOfMonth: number;
  /** 0 = Sunday ... 6 = Saturday */
  weekday: number;
}

const partsCache = new Map<number, CalendarParts>();

/** Year, month, day of month and weekday of a day (memoised; callers must not mutate the result). */
export function partsOf(day: number): CalendarParts {
  let parts = partsCache.get(day);
  if (parts === undefined) {
    const d = new Date(day * MS_PER_DAY);
    parts = {
      year: d.getUTCFullYear(),
      month: d.getUTCMonth() + 1,
      dayOfMonth: d.getUTCDate(),
      weekday: d.getUTCDay(),
    };
    partsCache.set(day, parts);
  }
  return parts;
}

export function weekdayOf(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}

const pad2 = (n: number): string => (n < 10 ? `0${n}` : String(n));

const isoCache = new Map<number, string>();

/** 'YYYY-MM-DD' (memoised: the loops ask for the same few thousand days millions of times). */
export function isoDay(day: number): string {
  let s = isoCache.get(day);
  if (s === undefined) {
    s = new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
    isoCache.set(day, s);
  }
  return s;
}

/** 'YYYY-MM-DD HH:MM:SS' for a day and a second of that day. */
export function isoDateTime(day: number, secondOfDay: number): string {
  const s = Math.max(0, Math.min(86_399, Math.floor(secondOfDay)));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  return `${isoDay(day)} ${pad2(h)}:${pad2(m)}:${pad2(s % 60)}`;
}

/** 'MM/DD/YYYY', the US format accountants and banks use. */
export function usDay(day: number): string {
  const p = partsOf(day);
  return `${pad2(p.month)}/${pad2(p.dayOfMonth)}/${p.year}`;
}

export function daysInMonth(year: number, month: number): number {
  return dayOf(month === 12 ? year + 1 : year, month === 12 ? 1 : month + 1, 1) - dayOf(year, month, 1);
}

/** The n-th weekday (0 = Sunday) of a month, e.g. the 4th Thursday of November. */
export function nthWeekday(year: number, month: number, weekday: number, n: number): number {
  const first = dayOf(year, month, 1);
  return first + ((weekday - weekdayOf(first) + 7) % 7) + (n - 1) * 7;
}

/** The last given weekday of a month, e.g. Memorial Day (last Monday of May). */
export function lastWeekday(year: number, month: number, weekday: number): number {
  const last = dayOf(year, month, daysInMonth(year, month));
  return last - ((weekdayOf(last) - weekday + 7) % 7);
}

export { MONTH_NAMES } from '../core/calendar-names.ts';
