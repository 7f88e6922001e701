/**
 * The ledger source's tables, in the shape of the warehouse's ledger_raw tables (the shape the
 * demo's ledger CSVs have: chart_of_accounts, journal_entries, journal_lines, SQL Server-style
 * types), which sql/warehouse/shared/transform/09_dim_account.sql and 14_fact_ledger_posting.sql
 * read. glue/ may not import demo/: checks/ledger-db-source.test.ts holds the two equal.
 * The chart adds one column, row_version, its watermark (see ledger-db-source.ts).
 */
import type { SourceColumn, SourceTable } from './extract-source.ts';

const col = (name: string, type: string, nullable = false): SourceColumn => ({ name, type, nullable });

export const LEDGER_CHART_TABLE: SourceTable = {
  name: 'chart_of_accounts',
  columns: [
    col('account_code', 'nvarchar(10)'),
    col('account_name', 'nvarchar(80)'),
    col('account_type', 'nvarchar(10)'),
    col('normal_balance', 'nvarchar(6)'),
    col('synonyms', 'nvarchar(400)'),
    col('description', 'nvarchar(200)'),
    // The ledger keeps no change time for accounts: NULL here (the demo CSVs carry one).
    col('modified_at', 'datetime2', true),
    col('row_version', 'bigint'),
  ],
  primaryKey: ['account_code'],
  watermarkColumn: 'row_version',
  sumColumns: [],
};

export const LEDGER_ENTRIES_TABLE: SourceTable = {
  name: 'journal_entries',
  columns: [
    col('journal_entry_id', 'int'),
    col('entry_number', 'nvarchar(16)'),
    col('entry_date', 'date'),
    col('source', 'nvarchar(20)'),
    col('reference', 'nvarchar(40)', true),
    col('memo', 'nvarchar(200)'),
    col('currency', 'nvarchar(3)'),
    col('created_by', 'nvarchar(40)'),
    col('created_at', 'datetime2'),
  ],
  primaryKey: ['journal_entry_id'],
  watermarkColumn: 'journal_entry_id',
  dayColumn: 'entry_date',
  sumColumns: [],
};

export const LEDGER_LINES_TABLE: SourceTable = {
  name: 'journal_lines',
  columns: [
    col('journal_line_id', 'int'),
    col('journal_entry_id', 'int'),
    col('line_number', 'int'),
    col('account_code', 'nvarchar(10)'),
    col('cost_center', 'nvarchar(10)', true),
    col('debit_minor', 'bigint'),
    col('credit_minor', 'bigint'),
    col('currency', 'nvarchar(3)'),
  ],
  primaryKey: ['journal_line_id'],
  watermarkColumn: 'journal_line_id',
  sumColumns: ['debit_minor', 'credit_minor'],
};

export const LEDGER_SOURCE_TABLES: readonly SourceTable[] = [
  LEDGER_CHART_TABLE,
  LEDGER_ENTRIES_TABLE,
  LEDGER_LINES_TABLE,
];
