/**
 * Finds the entry date in a sentence, against an injected clock (UTC calendar days): "today",
 * "yesterday", "3 days ago", "2026-03-03", "3 March", "March 3", "3 Mar 2026", "March 3, 2026",
 * each optionally after "on". A day and month without a year is the latest such day not after
 * today. Refuses impossible dates and dates beyond MAX_DAYS_AHEAD or MAX_YEARS_BACK.
 */
import { type Clock, isoDate } from '../core/clock.ts';
import { CodedError, ErrorCode } from '../core/coded-error.ts';
import { MAX_DAYS_AHEAD, MAX_YEARS_BACK } from './ledger-draft.ts';

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH =
  '(?<month>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)';
const MONTH2 = MONTH.replace('?<month>', '?<month2>');
const PATTERNS = [
  /\b(?:on\s+)?(?<iso>\d{4}-\d{2}-\d{2})\b/i,
  /\b(?:on\s+)?(?<rel>today|yesterday)\b/i,
  /\b(?<ago>\d{1,3})\s+days?\s+ago\b/i,
  new RegExp(
    String.raw`\b(?:on\s+)?(?:the\s+)?(?<day>\d{1,2})(?:st|nd|rd|th)?(?:\s+of)?\s+${MONTH}\b(?:,?\s+(?<year>\d{4})\b)?`,
    'i',
  ),
  new RegExp(
    String.raw`\b(?:on\s+)?${MONTH2}\s+(?<day2>\d{1,2})(?:st|nd|rd|th)?\b(?:,?\s+(?<year2>\d{4})\b)?`,
    'i',
  ),
];

const DAY_MS = 86_400_000;

export interface FoundDate {
  entryDate: string;
  rest: string;
}

function invalid(message: string): CodedError {
  return new CodedError(ErrorCode.LedgerInvalidInput, message);
}

function utcDate(year: number, month: number, day: number): Date | undefined {
  const date = new Date(Date.UTC(year, month, day));
  return date.getUTCMonth() === month && date.getUTCDate() === day ? date : undefined;
}

export function findEntryDate(text: string, clock: Clock): FoundDate | undefined {
  const today = new Date(`${isoDate(clock.now())}T00:00:00Z`);
  for (const pattern of PATTERNS) {
    const match = pattern.exec(text);
    if (!match?.groups) continue;
    const date = resolve(match.groups, today, match[0].trim());
    checkRange(date, today);
    return {
      entryDate: isoDate(date),
      rest: `${text.slice(0, match.index)} ${text.slice(match.index + match[0].length)}`,
    };
  }
  return undefined;
}

function resolve(g: Record<string, string | undefined>, today: Date, said: string): Date {
  if (g.iso) {
    const [y, m, d] = g.iso.split('-').map(Number) as [number, number, number];
    const date = utcDate(y, m - 1, d);
    if (!date) throw invalid(`"${g.iso}" is not a calendar date; use YYYY-MM-DD.`);
    return date;
  }
  if (g.rel) return new Date(today.getTime() - (g.rel.toLowerCase() === 'yesterday' ? DAY_MS : 0));
  if (g.ago) return new Date(today.getTime() - Number(g.ago) * DAY_MS);
  const month = MONTHS.indexOf((g.month ?? g.month2 ?? '').slice(0, 3).toLowerCase());
  const day = Number(g.day ?? g.day2);
  const yearText = g.year ?? g.year2;
  let year = yearText ? Number(yearText) : today.getUTCFullYear();
  let date = utcDate(year, month, day);
  if (!yearText && date && date.getTime() > today.getTime()) {
    year -= 1;
    date = utcDate(year, month, day);
  }
  if (!date) throw invalid(`"${said}" is not a calendar date; check the day and the month.`);
  return date;
}

/** Refuses a date beyond MAX_DAYS_AHEAD or before MAX_YEARS_BACK (today is a UTC midnight). */
export function checkRange(date: Date, today: Date): void {
  const ahead = (date.getTime() - today.getTime()) / DAY_MS;
  if (ahead > MAX_DAYS_AHEAD) {
    throw invalid(
      `${isoDate(date)} is more than ${MAX_DAYS_AHEAD} days ahead; record it when it happens, or give a nearer date.`,
    );
  }
  const earliest = Date.UTC(today.getUTCFullYear() - MAX_YEARS_BACK, today.getUTCMonth(), today.getUTCDate());
  if (date.getTime() < earliest) {
    throw invalid(`${isoDate(date)} is more than ${MAX_YEARS_BACK} years ago; ask an accountant to post it.`);
  }
}
