/**
 * A period in words for an answer: "2025-Q3 (1 Jul to 30 Sep 2025)", "July 2025", "2025", or
 * "1 Mar to 15 Mar 2025". Calendar quarters, months and years get their short name; anything else
 * its dates. Both ends are included.
 */
import { MONTH_NAMES } from '../../core/calendar-names.ts';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const LONG_MONTHS = MONTH_NAMES;

interface Day {
  y: number;
  m: number;
  d: number;
}

function parse(iso: string): Day {
  const [y, m, d] = iso.slice(0, 10).split('-').map(Number);
  return { y: y ?? 0, m: (m ?? 1) - 1, d: d ?? 1 };
}

function lastDayOf(y: number, m: number): number {
  return new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
}

function dayText(day: Day, withYear: boolean): string {
  return `${day.d} ${MONTHS[day.m]}${withYear ? ` ${day.y}` : ''}`;
}

/** "1 Jul to 30 Sep 2025" (the year once when both ends share it). */
export function datesInWords(start: string, end: string): string {
  const a = parse(start);
  const b = parse(end);
  if (start.slice(0, 10) === end.slice(0, 10)) return dayText(a, true);
  return `${dayText(a, a.y !== b.y)} to ${dayText(b, true)}`;
}

export function periodLabel(start: string, end: string): string {
  const a = parse(start);
  const b = parse(end);
  const wholeMonths = a.d === 1 && b.d === lastDayOf(b.y, b.m);
  if (wholeMonths && a.y === b.y) {
    if (a.m === 0 && b.m === 11) return `${a.y}`;
    if (a.m === b.m) return `${LONG_MONTHS[a.m]} ${a.y}`;
    if (a.m % 3 === 0 && b.m === a.m + 2) return `${a.y}-Q${a.m / 3 + 1} (${datesInWords(start, end)})`;
  }
  return datesInWords(start, end);
}
