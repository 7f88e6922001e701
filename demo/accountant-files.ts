/**
 * The accountants' monthly files for the twelve latest complete months: an expense report
 * (XLSX in even months, CSV in odd ones) and a bank statement (XLSX at quarter ends, CSV
 * otherwise). CSV expense reports come from Excel on Windows: BOM and CRLF line ends.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { bankStatementSheet } from './bank-statement-file.ts';
import { dayOf, daysInMonth, partsOf } from './dates.ts';
import { type BuiltSheet, EXPENSE_HEADER, expenseSheet } from './expense-file.ts';
import type { Expense } from './expenses.ts';
import type { BankMovement } from './journal.ts';
import { sheetToCsv } from './messy-sheet.ts';
import type { ProgressReporter } from './progress.ts';
import type { Random } from './random.ts';
import type { Timeline } from './timeline.ts';
import { xlsxBytes } from './xlsx-writer.ts';

export interface AccountantFile {
  file: string;
  kind: 'expenses' | 'bank-statement';
  format: 'csv' | 'xlsx';
  rows: number;
  badRows: number;
}

/** The twelve latest months that are complete on asOf, oldest first, as [year, month]. */
export function accountantMonths(timeline: Timeline): [number, number][] {
  let { year, month } = partsOf(timeline.asOf);
  if (timeline.asOf !== dayOf(year, month, daysInMonth(year, month))) {
    month -= 1;
    if (month === 0) [year, month] = [year - 1, 12];
  }
  const months: [number, number][] = [];
  for (let i = 0; i < 12; i++) {
    months.unshift([year, month]);
    month -= 1;
    if (month === 0) [year, month] = [year - 1, 12];
  }
  return months;
}

function save(
  dir: string,
  name: string,
  format: 'csv' | 'xlsx',
  sheet: BuiltSheet,
  csvStyle: 'excel' | 'bank',
): void {
  if (format === 'xlsx') {
    writeFileSync(
      join(dir, name),
      xlsxBytes(name.startsWith('bank') ? 'Statement' : 'Expenses', sheet.rows, sheet.widths),
    );
    return;
  }
  const excel = csvStyle === 'excel';
  const text = sheetToCsv(sheet.rows, {
    bom: excel,
    lineEnd: excel ? '\r\n' : '\n',
    padTo: excel ? EXPENSE_HEADER.length : 0,
    trailingBlankLines: excel ? 3 : 2,
  });
  writeFileSync(join(dir, name), text);
}

export function writeAccountantFiles(
  dir: string,
  timeline: Timeline,
  expenses: ReadonlyMap<string, readonly Expense[]>,
  bank: readonly BankMovement[],
  rng: Random,
  progress: ProgressReporter,
): AccountantFile[] {
  const files: AccountantFile[] = [];
  const months = accountantMonths(timeline);
  progress.start("accountants' files", months.length);
  months.forEach(([year, month], i) => {
    const tag = `${year}-${String(month).padStart(2, '0')}`;
    const monthRng = rng.fork(tag);
    const expenseFormat = month % 2 === 0 ? 'xlsx' : 'csv';
    const report = expenseSheet(expenses.get(tag) ?? [], year, month, expenseFormat, monthRng);
    const expenseName = `expenses-${tag}.${expenseFormat}`;
    save(dir, expenseName, expenseFormat, report, 'excel');
    files.push({
      file: `accountants/${expenseName}`,
      kind: 'expenses',
      format: expenseFormat,
      rows: report.dataRows,
      badRows: report.badRows,
    });

    const first = dayOf(year, month, 1);
    const last = first + daysInMonth(year, month) - 1;
    const inMonth = bank.filter((m) => m.day >= first && m.day <= last);
    const before = bank.filter((m) => m.day < first);
    const opening = inMonth[0]
      ? inMonth[0].balanceAfter - inMonth[0].amount
      : (before[before.length - 1]?.balanceAfter ?? 0);
    const bankFormat = month % 3 === 0 ? 'xlsx' : 'csv';
    const statement = bankStatementSheet(inMonth, opening, year, month, bankFormat, monthRng);
    const bankName = `bank-statement-${tag}.${bankFormat}`;
    save(dir, bankName, bankFormat, statement, 'bank');
    files.push({
      file: `accountants/${bankName}`,
      kind: 'bank-statement',
      format: bankFormat,
      rows: statement.dataRows,
      badRows: statement.badRows,
    });
    progress.report(i + 1);
  });
  return files;
}
