/**
 * The reconciliation query, the same on both sides (a source's copy and the warehouse's raw
 * table): rows and exact decimal sums per day, as text so no floating point decides a mismatch.
 */
import type { SourceTable } from './extract-source.ts';

/** `relation` must already be a checked identifier (schema.table). */
export function sourceFiguresSql(table: SourceTable, relation: string): string {
  const day = table.dayColumn ? `CAST(${table.dayColumn} AS VARCHAR(10))` : 'CAST(NULL AS VARCHAR(10))';
  const sums = table.sumColumns.map(
    // SUM of an integer or decimal column is exact on every engine; text keeps it exact to the caller.
    (column, i) => `CAST(SUM(${column}) AS VARCHAR(60)) AS sum_${i}`,
  );
  return `SELECT ${[`${day} AS day`, 'COUNT(*) AS row_count', ...sums].join(', ')} FROM ${relation} GROUP BY 1`;
}
