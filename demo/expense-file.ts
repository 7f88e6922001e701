/**
 * One month's expense report as the accountants send it: three title rows, a blank row, the
 * header, one row per expense (dates and amounts written several ways), a few planted bad rows,
 * a Total row, and blank rows after it. Bad rows are never in the ledger.
 */
import { daysInMonth, isoDay, usDay } from './dates.ts';
import type { Expense } from './expenses.ts';
import { monthLabel } from './expenses.ts';
import { dollars, mixedDate, thousands } from './messy-sheet.ts';
import type { Random } from './random.ts';
import type { XlsxCell } from './xlsx-writer.ts';

export interface BuiltSheet {
  rows: XlsxCell[][];
  dataRows: number;
  badRows: number;
  widths: number[];
}

export const EXPENSE_HEADER = [
  'Date',
  'Vendor',
  'Description',
  'Category',
  'Amount',
  'Payment method',
  'Reference',
];

/** Kinds of planted bad rows, in the order they are used. */
export const EXPENSE_DEFECTS = [
  'unparseable amount',
  'missing date',
  'impossible date',
  'missing amount',
] as const;

function amountText(rng: Random, cents: number): string {
  const r = rng.next();
  return r < 0.5 ? dollars(cents) : r < 0.8 ? thousands(cents) : (cents / 100).toFixed(2);
}

export function expenseSheet(
  expenses: readonly Expense[],
  year: number,
  month: number,
  format: 'csv' | 'xlsx',
  rng: Random,
): BuiltSheet {
  const xlsx = format === 'xlsx';
  const title = (text: string): XlsxCell[] => [xlsx ? { bold: text } : text];
  const rows: XlsxCell[][] = [
    title('Cordova Shoe Co. - Expense report'),
    [`Period: ${monthLabel(year, month)}`],
    ['Prepared by Whitfield & Reyes CPAs'],
    [],
    EXPENSE_HEADER.map((h) => (xlsx ? { bold: h } : h)),
  ];
  const data: XlsxCell[][] = expenses.map((e) => {
    const date: XlsxCell = xlsx
      ? rng.chance(0.8)
        ? { date: e.day }
        : isoDay(e.day)
      : mixedDate(e.day, rng.chance(0.25));
    const amount: XlsxCell = xlsx
      ? rng.chance(0.85)
        ? { money: e.amountCents / 100 }
        : dollars(e.amountCents)
      : amountText(rng, e.amountCents);
    return [date, e.vendor, e.description, e.category, amount, e.payment, e.reference];
  });
  const bad = expenses.length === 0 ? 0 : 1 + rng.int(0, 2);
  for (let i = 0; i < bad; i++) {
    const source = rng.pick(expenses);
    const defect = EXPENSE_DEFECTS[(month + i) % EXPENSE_DEFECTS.length];
    const days = daysInMonth(year, month);
    const mm = String(month).padStart(2, '0');
    const date =
      defect === 'missing date'
        ? ''
        : defect === 'impossible date'
          ? `${mm}/${days + 1}/${year}`
          : usDay(source.day);
    const amount =
      defect === 'unparseable amount'
        ? rng.pick(['TBC', '12,3O.50', '#VALUE!'])
        : defect === 'missing amount'
          ? ''
          : thousands(source.amountCents);
    data.splice(rng.int(0, data.length), 0, [
      date,
      source.vendor,
      source.description,
      source.category,
      amount,
      source.payment,
      '',
    ]);
  }
  const total = expenses.reduce((t, e) => t + e.amountCents, 0);
  rows.push(...data, [
    null,
    null,
    null,
    xlsx ? { bold: 'Total' } : 'Total',
    xlsx ? { money: total / 100 } : dollars(total),
  ]);
  return { rows, dataRows: data.length, badRows: bad, widths: [12, 26, 52, 26, 14, 16, 18] };
}
