/**
 * A source the pipeline extracts from: the ERP (SQL Server through the T-SQL procedures in
 * sql/sqlserver/, or the demo's files, which keep the same contract) and the ledger database.
 * The extract stage sees only this interface. The contract is the procedures' own (see
 * sql/sqlserver/usp_extract_sales_orders.sql): rows with a watermark greater than `since`, in
 * ascending watermark order (ties by primary key), at most `batchSize` of them; a batch smaller
 * than `batchSize` means caught up; a retried batch re-sends rows, so the merge is idempotent.
 */

/** A value as a source hands it over; the stage writes it to CSV (dates as YYYY-MM-DD, times ISO). */
export type SourceValue = string | number | bigint | boolean | Date | null;
export type SourceRow = Record<string, SourceValue>;

export interface SourceColumn {
  name: string;
  /** The source's own type (SQL Server style: int, bigint, nvarchar(40), decimal(12,2), date, datetime2, bit). */
  type: string;
  nullable: boolean;
}

export interface SourceTable {
  /** The table's name in the warehouse's raw schema (lower_snake_case). */
  name: string;
  columns: readonly SourceColumn[];
  primaryKey: readonly string[];
  /** The column carrying the watermark, a bigint that grows with every change (row_version). */
  watermarkColumn: string;
  /** The date column reconciliation groups by (e.g. order_date); none for small master tables. */
  dayColumn?: string;
  /** Numeric columns whose sums are reconciled per day (amounts, quantities). */
  sumColumns: readonly string[];
}

/** One day's (or the whole table's, when day is null) figures, for source-against-warehouse checks. */
export interface ReconcileFigure {
  day: string | null;
  rows: number;
  /** Exact decimal sums as strings (e.g. "12345.67"): floating point must not decide a mismatch. */
  sums: Record<string, string>;
}

export interface ExtractSource {
  /** The raw schema's name in the warehouse and the name in etl_runs: "erp", "ledger". */
  readonly name: string;
  /** Where the data comes from, redacted, for logs. */
  readonly description: string;
  readonly tables: readonly SourceTable[];
  /** One batch of rows changed after `since` (0n for a first full extract). */
  extractBatch(table: string, since: bigint, batchSize: number): Promise<SourceRow[]>;
  /** Row counts and sums per day of every row the source holds now (not only the changed ones). */
  reconcileFigures(table: string): Promise<ReconcileFigure[]>;
  close(): Promise<void>;
}
