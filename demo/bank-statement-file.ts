/**
 * One month's bank statement for the operating account (ledger account 1010): a bank header
 * block, then Date / Description / Reference / Withdrawals / Deposits / Balance rows between an
 * opening and a closing balance row. Every real row is a ledger bank movement; the planted bad
 * rows (a wrapped description with no date, an '#VALUE!' amount) are not.
 */
import { dayOf, daysInMonth, isoDay, usDay } from './dates.ts';
import type { BuiltSheet } from './expense-file.ts';
import type { BankMovement } from './journal.ts';
import { dollars, mixedDate, thousands } from './messy-sheet.ts';
import type { Random } from './random.ts';
import type { XlsxCell } from './xlsx-writer.ts';

export const BANK_HEADER = ['Date', 'Description', 'Reference', 'Withdrawals', 'Deposits', 'Balance'];
export const BANK_DEFECTS = ['missing date', 'unparseable amount'] as const;

export function bankStatementSheet(
  movements: readonly BankMovement[],
  openingCents: number,
  year: number,
  month: number,
  format: 'csv' | 'xlsx',
  rng: Random,
): BuiltSheet {
  const xlsx = format === 'xlsx';
  const first = dayOf(year, month, 1);
  const last = first + daysInMonth(year, month) - 1;
  const money = (cents: number): XlsxCell => (xlsx ? { money: cents / 100 } : thousands(cents));
  const balance = (cents: number): XlsxCell => (xlsx ? { money: cents / 100 } : dollars(cents));
  const date = (day: number): XlsxCell =>
    xlsx ? (rng.chance(0.85) ? { date: day } : isoDay(day)) : mixedDate(day, rng.chance(0.15));
  const rows: XlsxCell[][] = [
    [xlsx ? { bold: 'First Harbor Bank' } : 'First Harbor Bank'],
    ['Statement of account'],
    ['Account: Cordova Shoe Co. Operating ****4821'],
    [`Statement period: ${usDay(first)} - ${usDay(last)}`],
    [],
    BANK_HEADER.map((h) => (xlsx ? { bold: h } : h)),
    [date(first), 'OPENING BALANCE', null, null, null, balance(openingCents)],
  ];
  const data: XlsxCell[][] = movements.map((m) => [
    date(m.day),
    m.text,
    m.reference,
    m.amount < 0 ? money(-m.amount) : null,
    m.amount > 0 ? money(m.amount) : null,
    balance(m.balanceAfter),
  ]);
  const bad = movements.length === 0 ? 0 : 1 + rng.int(0, 1);
  for (let i = 0; i < bad; i++) {
    const defect = BANK_DEFECTS[(month + i) % BANK_DEFECTS.length];
    const at = rng.int(1, data.length);
    const source = movements[Math.min(at, movements.length) - 1] as BankMovement;
    const row: XlsxCell[] =
      defect === 'missing date'
        ? [null, `  CONT'D ${source.text.slice(0, 18)} ID ${rng.int(100000, 999999)}`, null, null, null, null]
        : [usDay(source.day), `${source.text} ADJ`, null, '#VALUE!', null, null];
    data.splice(at, 0, row);
  }
  const closing =
    movements.length > 0 ? (movements[movements.length - 1] as BankMovement).balanceAfter : openingCents;
  rows.push(...data, [date(last), 'CLOSING BALANCE', null, null, null, balance(closing)]);
  return { rows, dataRows: data.length, badRows: bad, widths: [12, 44, 26, 14, 14, 16] };
}
