/**
 * Dates and money as people type them into spreadsheets, to the warehouse's exact forms
 * (YYYY-MM-DD, and a decimal string with two places, never a float). Each failure carries a
 * stable reason (the error_code of a reject) and a sentence for the person who fixes the file.
 */
import type { CellValue } from './sheet-rows.ts';

export type Parsed<T> = { ok: true; value: T } | { ok: false; reason: string; message: string };

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

function fail(reason: string, message: string): { ok: false; reason: string; message: string } {
  return { ok: false, reason, message };
}

export function isBlank(value: CellValue): boolean {
  return value === null || (typeof value === 'string' && value.trim() === '');
}

function isoDate(year: number, month: number, day: number): Parsed<string> {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (month < 1 || month > 12 || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
    return fail('impossible date', `there is no day ${day} in month ${month} of ${year}`);
  }
  if (year < 1900 || year > 2200) return fail('impossible date', `the year ${year} is out of range`);
  return { ok: true, value: date.toISOString().slice(0, 10) };
}

/**
 * Accepts date cells, Excel serial day numbers, YYYY-MM-DD (or with /), M/D/YYYY (US order:
 * the accountants are American), D.M.YYYY, D-Mon-YYYY and Mon D, YYYY.
 */
export function parseDate(value: CellValue): Parsed<string> {
  if (isBlank(value)) return fail('missing date', 'the date is empty');
  if (value instanceof Date) return { ok: true, value: value.toISOString().slice(0, 10) };
  if (typeof value === 'number') {
    // Excel serial days (1900 system): 25569 is 1970-01-01.
    if (Number.isInteger(value) && value > 20000 && value < 80000) {
      return { ok: true, value: new Date((value - 25569) * 86_400_000).toISOString().slice(0, 10) };
    }
    return fail('unparseable date', `${value} is a number, not a date`);
  }
  const text = String(value).trim();
  let m = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:[ T]00:00(?::00(?:\.0+)?)?Z?)?$/.exec(text);
  if (m) return isoDate(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text);
  if (m) return isoDate(Number(m[3]), Number(m[1]), Number(m[2]));
  m = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(text);
  if (m) return isoDate(Number(m[3]), Number(m[2]), Number(m[1]));
  m = /^(\d{1,2})[- ]([A-Za-z]{3})[a-z]*[- ](\d{4})$/.exec(text);
  if (m && MONTHS.includes((m[2] as string).toLowerCase())) {
    return isoDate(Number(m[3]), MONTHS.indexOf((m[2] as string).toLowerCase()) + 1, Number(m[1]));
  }
  m = /^([A-Za-z]{3})[a-z]* (\d{1,2}),? (\d{4})$/.exec(text);
  if (m && MONTHS.includes((m[1] as string).toLowerCase())) {
    return isoDate(Number(m[3]), MONTHS.indexOf((m[1] as string).toLowerCase()) + 1, Number(m[2]));
  }
  return fail('unparseable date', `"${text}" is not a date (use YYYY-MM-DD or MM/DD/YYYY)`);
}

const MONEY = /^(-)?\s*[$€£]?\s*(-)?(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d{1,2}))?$/;

/**
 * Money to a decimal string with two places: '$1,234.5' -> '1234.50', '(12.00)' and '-$12'
 * -> '-12.00'. Thousands separators must be in the right places ('12,3O.50' is refused).
 */
export function parseAmount(value: CellValue): Parsed<string> {
  if (isBlank(value)) return fail('missing amount', 'the amount is empty');
  if (typeof value === 'number') {
    const cents = Math.round(value * 100);
    if (!Number.isFinite(value) || Math.abs(value * 100 - cents) > 1e-6) {
      return fail('unparseable amount', `${value} has more than two decimal places`);
    }
    return { ok: true, value: centsText(cents) };
  }
  if (typeof value !== 'string') return fail('unparseable amount', `${String(value)} is not an amount`);
  let text = value.trim();
  let negative = false;
  const bracketed = /^\((.*)\)$/.exec(text);
  if (bracketed) [negative, text] = [true, (bracketed[1] as string).trim()];
  const m = MONEY.exec(text);
  if (!m || (m[1] && m[2])) {
    return fail('unparseable amount', `"${value.trim()}" is not an amount (e.g. 1234.50 or $1,234.50)`);
  }
  negative = negative !== Boolean(m[1] || m[2]);
  const whole = (m[3] as string).replaceAll(',', '');
  const cents = BigInt(whole) * 100n + BigInt((m[4] ?? '0').padEnd(2, '0'));
  return { ok: true, value: centsText(negative ? -cents : cents) };
}

/** Integer cents to a decimal string with two places. */
export function centsText(cents: number | bigint): string {
  const big = BigInt(cents);
  const abs = big < 0n ? -big : big;
  const text = `${abs / 100n}.${String(abs % 100n).padStart(2, '0')}`;
  return big < 0n && abs !== 0n ? `-${text}` : text;
}

/** Decimal string to integer cents, for exact sums. */
export function toCents(decimal: string): bigint {
  const negative = decimal.startsWith('-');
  const [whole, frac = ''] = decimal.replace('-', '').split('.');
  const cents = BigInt(whole as string) * 100n + BigInt(frac.padEnd(2, '0').slice(0, 2));
  return negative ? -cents : cents;
}
