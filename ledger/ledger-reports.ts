/** Reports: trial balance, expenses by category and month, and a general-ledger extract as CSV. */
import type { LedgerSession } from '../db/ledger-db.ts';
import { csvText } from './csv-text.ts';
import { minorDigits } from './currencies.ts';

export interface TrialBalanceRow {
  accountCode: string;
  accountName: string;
  accountType: string;
  currency: string;
  debitMinor: number;
  creditMinor: number;
  balanceMinor: number;
}

export interface TrialBalance {
  asOf: string | null;
  rows: TrialBalanceRow[];
  /** Per currency, the sum of all balances: zero in a balanced ledger. */
  totals: Record<string, number>;
}

export async function trialBalance(db: LedgerSession, asOf: string | null): Promise<TrialBalance> {
  const { rows } = await db.query<{
    code: string;
    name: string;
    account_type: string;
    currency: string;
    debit: string;
    credit: string;
  }>(
    `SELECT a.code, a.name, a.account_type, p.currency,
            sum(greatest(p.amount_minor, 0))::text AS debit, sum(greatest(-p.amount_minor, 0))::text AS credit
       FROM ledger_postings p
       JOIN ledger_entries e ON e.id = p.entry_id
       JOIN ledger_accounts a ON a.code = p.account_code
      WHERE $1::date IS NULL OR e.entry_date <= $1::date
      GROUP BY a.code, a.name, a.account_type, p.currency
      ORDER BY a.code, p.currency`,
    [asOf],
  );
  const totals: Record<string, number> = {};
  const result = rows.map((r) => {
    const debitMinor = Number(r.debit);
    const creditMinor = Number(r.credit);
    totals[r.currency] = (totals[r.currency] ?? 0) + debitMinor - creditMinor;
    return {
      accountCode: r.code,
      accountName: r.name,
      accountType: r.account_type,
      currency: r.currency,
      debitMinor,
      creditMinor,
      balanceMinor: debitMinor - creditMinor,
    };
  });
  return { asOf, rows: result, totals };
}

export interface ExpenseMonthRow {
  month: string;
  accountCode: string;
  accountName: string;
  currency: string;
  amountMinor: number;
}

export async function expensesByMonth(
  db: LedgerSession,
  range: { from: string | null; to: string | null },
): Promise<ExpenseMonthRow[]> {
  const { rows } = await db.query<{
    month: string;
    code: string;
    name: string;
    currency: string;
    amount: string;
  }>(
    `SELECT to_char(e.entry_date, 'YYYY-MM') AS month, a.code, a.name, p.currency, sum(p.amount_minor)::text AS amount
       FROM ledger_postings p
       JOIN ledger_entries e ON e.id = p.entry_id
       JOIN ledger_accounts a ON a.code = p.account_code
      WHERE a.account_type = 'expense'
        AND ($1::date IS NULL OR e.entry_date >= $1::date) AND ($2::date IS NULL OR e.entry_date <= $2::date)
      GROUP BY 1, a.code, a.name, p.currency
      ORDER BY 1, a.code, p.currency`,
    [range.from, range.to],
  );
  return rows.map((r) => ({
    month: r.month,
    accountCode: r.code,
    accountName: r.name,
    currency: r.currency,
    amountMinor: Number(r.amount),
  }));
}

const GL_COLUMNS = [
  'entry_number',
  'entry_date',
  'kind',
  'line',
  'account_code',
  'account_name',
  'debit_minor',
  'credit_minor',
  'currency',
  'counterparty',
  'memo',
  'reversal_of',
];

export async function generalLedgerCsv(
  db: LedgerSession,
  filter: { from: string | null; to: string | null; account: string | null },
): Promise<string> {
  const { rows } = await db.query<Record<string, unknown>>(
    `SELECT e.entry_number, e.entry_date, e.kind, p.line_number AS line, p.account_code, a.name AS account_name,
            greatest(p.amount_minor, 0) AS debit_minor, greatest(-p.amount_minor, 0) AS credit_minor, p.currency,
            c.name AS counterparty, e.memo, o.entry_number AS reversal_of
       FROM ledger_postings p
       JOIN ledger_entries e ON e.id = p.entry_id
       JOIN ledger_accounts a ON a.code = p.account_code
       LEFT JOIN ledger_counterparties c ON c.id = e.counterparty_id
       LEFT JOIN ledger_entries o ON o.id = e.reversal_of
      WHERE ($1::date IS NULL OR e.entry_date >= $1::date) AND ($2::date IS NULL OR e.entry_date <= $2::date)
        AND ($3::text IS NULL OR p.account_code = $3)
      ORDER BY e.entry_date, e.id, p.line_number`,
    [filter.from, filter.to, filter.account],
  );
  return csvText(
    GL_COLUMNS,
    rows.map((r) => GL_COLUMNS.map((c) => r[c])),
  );
}

/** An amount in the currency's units as a plain decimal for CSV (no thousands separators): 1205000 USD → "12050.00". */
export function decimalOfMinor(amountMinor: number, currency: string): string {
  const digits = minorDigits(currency);
  const text = String(Math.abs(amountMinor)).padStart(digits + 1, '0');
  const fraction = digits === 0 ? '' : `.${text.slice(-digits)}`;
  return `${amountMinor < 0 ? '-' : ''}${text.slice(0, text.length - digits)}${fraction}`;
}

/** Expenses by category and month as CSV: month, account_code, account_name, currency, amount. */
export function expensesCsv(rows: readonly ExpenseMonthRow[]): string {
  return csvText(
    ['month', 'account_code', 'account_name', 'currency', 'amount'],
    rows.map((r) => [
      r.month,
      r.accountCode,
      r.accountName,
      r.currency,
      decimalOfMinor(r.amountMinor, r.currency),
    ]),
  );
}
