/**
 * US federal holidays of a year (5 U.S.C. 6103), computed rather than listed so any year works.
 * A fixed-date holiday on a Saturday is observed the Friday before, on a Sunday the Monday after;
 * New Year's Day on a Saturday is therefore observed on December 31 of the year before.
 */

export interface Holiday {
  /** YYYY-MM-DD of the day off. */
  date: string;
  name: string;
}

const DAY_MS = 86_400_000;

function utc(year: number, month: number, day: number): Date {
  return new Date(Date.UTC(year, month - 1, day));
}

function iso(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** The nth (1-based) given weekday (0 = Sunday) of a month; n = -1 for the last one. */
function nthWeekday(year: number, month: number, weekday: number, n: number): Date {
  if (n === -1) {
    const last = utc(year, month + 1, 0);
    return new Date(last.getTime() - ((last.getUTCDay() - weekday + 7) % 7) * DAY_MS);
  }
  const first = utc(year, month, 1);
  const offset = (weekday - first.getUTCDay() + 7) % 7;
  return new Date(first.getTime() + (offset + 7 * (n - 1)) * DAY_MS);
}

function observed(date: Date): Date {
  const weekday = date.getUTCDay();
  if (weekday === 6) return new Date(date.getTime() - DAY_MS);
  if (weekday === 0) return new Date(date.getTime() + DAY_MS);
  return date;
}

function fixed(year: number, month: number, day: number, name: string): Holiday[] {
  const actual = utc(year, month, day);
  const dayOff = observed(actual);
  if (dayOff.getTime() === actual.getTime()) return [{ date: iso(actual), name }];
  // The actual date stays flagged too: shops and people still treat July 4 as the holiday.
  return [
    { date: iso(actual), name },
    { date: iso(dayOff), name: `${name} (observed)` },
  ];
}

/** Every holiday date of `year`'s holidays, including an observed day that falls in the year before. */
export function usFederalHolidays(year: number): Holiday[] {
  const holidays: Holiday[] = [
    ...fixed(year, 1, 1, "New Year's Day"),
    { date: iso(nthWeekday(year, 1, 1, 3)), name: 'Martin Luther King Jr. Day' },
    { date: iso(nthWeekday(year, 2, 1, 3)), name: "Washington's Birthday" },
    { date: iso(nthWeekday(year, 5, 1, -1)), name: 'Memorial Day' },
    // Juneteenth became a federal holiday in 2021.
    ...(year >= 2021 ? fixed(year, 6, 19, 'Juneteenth National Independence Day') : []),
    ...fixed(year, 7, 4, 'Independence Day'),
    { date: iso(nthWeekday(year, 9, 1, 1)), name: 'Labor Day' },
    { date: iso(nthWeekday(year, 10, 1, 2)), name: 'Columbus Day' },
    ...fixed(year, 11, 11, 'Veterans Day'),
    { date: iso(nthWeekday(year, 11, 4, 4)), name: 'Thanksgiving Day' },
    ...fixed(year, 12, 25, 'Christmas Day'),
  ];
  return holidays.sort((a, b) => a.date.localeCompare(b.date));
}

/** Holiday name by date for every year touching [firstYear, lastYear] (observed days cross years). */
export function holidayCalendar(firstYear: number, lastYear: number): Map<string, string> {
  const calendar = new Map<string, string>();
  for (let year = firstYear; year <= lastYear + 1; year++) {
    for (const holiday of usFederalHolidays(year)) calendar.set(holiday.date, holiday.name);
  }
  return calendar;
}
