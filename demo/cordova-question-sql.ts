/**
 * Pieces of the hand-written SQL behind the Cordova questions: the raw tables' joins, date ranges,
 * period series and the ratio every engine computes alike (double, NULLIF guard).
 */
export interface CordovaQuestion {
  name: string;
  /** The semantic query (JSON) the assistant would send. */
  query: Record<string, unknown>;
  /** The same question in SQL over erp.* and ledger_raw.*, with the compiled query's column names. */
  handSql: string;
  /** Compare rows in order (top N); otherwise as a set. */
  ordered?: boolean;
  /** The day it is asked, when it matters (a series stops at today); else the demo's last day. */
  askedOn?: string;
}

/** Sales lines with their order (date, store, channel). */
export const SALES = 'erp.sales_order_lines l JOIN erp.sales_orders o ON o.sales_order_id = l.sales_order_id';
/** Journal lines with their entry (date) and account (type). */
export const POSTINGS =
  'ledger_raw.journal_lines jl JOIN ledger_raw.journal_entries je ON je.journal_entry_id = jl.journal_entry_id JOIN ledger_raw.chart_of_accounts a ON a.account_code = jl.account_code';

export function between(column: string, start: string, endExclusive: string): string {
  return `${column} >= DATE '${start}' AND ${column} < DATE '${endExclusive}'`;
}

/** Period starts from `first` to `last` every `step`, as column metric_time. */
export function periods(first: string, last: string, step: string): string {
  return `(SELECT CAST(g AS DATE) AS metric_time FROM generate_series(TIMESTAMP '${first}', TIMESTAMP '${last}', INTERVAL '${step}') AS gs(g))`;
}

export const ratio = (a: string, b: string) =>
  `CAST(${a} AS DOUBLE PRECISION) / NULLIF(CAST(${b} AS DOUBLE PRECISION), 0)`;

export function range(grain: string | null, start: string, end: string) {
  return { time: { dimension: 'metric_time', grain, range: { start, end } } };
}

export function question(
  name: string,
  query: Record<string, unknown>,
  handSql: string,
  ordered = false,
): CordovaQuestion {
  return { name, query, handSql, ...(ordered ? { ordered } : {}) };
}
