/** The finance side: chart of accounts and a double-entry journal in integer cents. */
import { col, opt, type TableSpec } from './table-spec.ts';

export const chartOfAccountsTable: TableSpec = {
  name: 'chart_of_accounts',
  folder: 'ledger',
  description: 'General ledger accounts',
  primaryKey: ['account_code'],
  columns: [
    col('account_code', 'nvarchar(10)', 'Account number, e.g. 4010'),
    col('account_name', 'nvarchar(80)', 'Account name'),
    col('account_type', 'nvarchar(10)', "'asset', 'liability', 'equity', 'revenue' or 'expense'"),
    col('normal_balance', 'nvarchar(6)', "'debit' or 'credit'"),
    col('synonyms', 'nvarchar(400)', "Other words people use for it, separated by '; '"),
    col('description', 'nvarchar(200)', 'What is posted here'),
    col('modified_at', 'datetime2', 'When the account was last changed'),
  ],
};

export const journalEntriesTable: TableSpec = {
  name: 'journal_entries',
  folder: 'ledger',
  description: 'Journal entries; each one balances (debits = credits)',
  primaryKey: ['journal_entry_id'],
  columns: [
    col('journal_entry_id', 'int', 'Entry key, in date order'),
    col('entry_number', 'nvarchar(16)', 'Entry number, e.g. JE00001234'),
    col('entry_date', 'date', 'Accounting date'),
    col('source', 'nvarchar(20)', 'Subsystem that posted it, e.g. sales, purchasing, payroll, accountants'),
    opt('reference', 'nvarchar(40)', 'Source document: PO number, expense reference, payroll run'),
    col('memo', 'nvarchar(200)', 'What happened, in words'),
    col('currency', 'nvarchar(3)', "ISO currency, always 'USD'"),
    col('created_by', 'nvarchar(40)', 'System or person that posted it'),
    col('created_at', 'datetime2', 'When it was posted'),
  ],
};

export const journalLinesTable: TableSpec = {
  name: 'journal_lines',
  folder: 'ledger',
  description: 'Journal lines: exactly one of debit_minor and credit_minor is non-zero',
  primaryKey: ['journal_line_id'],
  columns: [
    col('journal_line_id', 'int', 'Line key'),
    col('journal_entry_id', 'int', 'Entry', 'journal_entries.journal_entry_id'),
    col('line_number', 'int', 'Position in the entry, from 1'),
    col('account_code', 'nvarchar(10)', 'Account', 'chart_of_accounts.account_code'),
    opt('cost_center', 'nvarchar(10)', 'Location code (stores.store_code) or HQ'),
    col('debit_minor', 'bigint', 'Debit in cents'),
    col('credit_minor', 'bigint', 'Credit in cents'),
    col('currency', 'nvarchar(3)', "ISO currency, always 'USD'"),
  ],
};

export const ledgerTables: readonly TableSpec[] = [
  chartOfAccountsTable,
  journalEntriesTable,
  journalLinesTable,
];
