/**
 * Where each kind of accountants' file goes: the target table, the columns staged from the file
 * (in the order of the staged CSV), and what SQL fills in afterwards from the warehouse itself.
 */

import type { FileLoadIdentity } from '../file-loads/commit-file-load.ts';
import { centsText, toCents } from '../file-loads/parse-values.ts';
import type { CsvCell } from '../file-loads/staged-csv.ts';
import type { AccountantFileKind } from './accountant-layouts.ts';
import type { GoodRow } from './read-accountant-file.ts';

export interface AccountantTarget {
  table: string;
  /** The target's columns the loader writes (all but generated ones), staged and inserted. */
  stagedColumns: readonly string[];
  /** The staged CSV's columns: stagedColumns less those `enrich` fills. */
  csvColumns: readonly string[];
  csvRow(row: GoodRow, file: FileLoadIdentity): CsvCell[];
  /** Statements run on the staged rows before they are committed. */
  enrich(stagedTable: string): string[];
}

const dateKey = (isoDate: string | null | undefined): string => (isoDate ?? '').replaceAll('-', '');

const EXPENSES: AccountantTarget = {
  table: 'dw.fact_expense',
  stagedColumns: [
    'expense_date',
    'date_key',
    'account_code',
    'store_key',
    'vendor',
    'description',
    'category',
    'payment_method',
    'reference',
    'amount',
    'source_file',
    'loaded_at',
  ],
  csvColumns: [
    'expense_date',
    'date_key',
    'store_key',
    'vendor',
    'description',
    'category',
    'payment_method',
    'reference',
    'amount',
    'source_file',
    'loaded_at',
  ],
  csvRow: ({ values }, file) => [
    values.get('date') ?? null,
    dateKey(values.get('date')),
    // The files name no store: head office (0) until a file says otherwise.
    '0',
    values.get('vendor') ?? null,
    values.get('description') ?? null,
    values.get('category') ?? null,
    values.get('payment method') ?? null,
    values.get('reference') ?? null,
    values.get('amount') ?? null,
    file.fileName,
    file.loadedAt,
  ],
  // The accountants' categories are the chart of accounts' names: the account code follows.
  enrich: (staged) => [
    `UPDATE ${staged} AS r SET account_code = a.account_code FROM dw.dim_account a WHERE LOWER(a.account_name) = LOWER(r.category)`,
  ],
};

const BANK: AccountantTarget = {
  table: 'dw.fact_bank_transaction',
  stagedColumns: [
    'transaction_date',
    'date_key',
    'description',
    'reference',
    'amount',
    'balance',
    'source_file',
    'line_number',
    'loaded_at',
  ],
  csvColumns: [
    'transaction_date',
    'date_key',
    'description',
    'reference',
    'amount',
    'balance',
    'source_file',
    'line_number',
    'loaded_at',
  ],
  csvRow: ({ line, values }, file) => [
    values.get('date') ?? null,
    dateKey(values.get('date')),
    values.get('description') ?? null,
    values.get('reference') ?? null,
    netAmount(values.get('deposits') ?? null, values.get('withdrawals') ?? null),
    values.get('balance') ?? null,
    file.fileName,
    String(line),
    file.loadedAt,
  ],
  enrich: () => [],
};

export const TARGETS: Record<AccountantFileKind, AccountantTarget> = {
  expenses: EXPENSES,
  'bank-statement': BANK,
};

/** Deposits less withdrawals, exactly, as a decimal string. */
export function netAmount(deposits: string | null, withdrawals: string | null): string {
  return centsText(toCents(deposits ?? '0') - toCents(withdrawals ?? '0'));
}
