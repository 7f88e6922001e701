/**
 * One script that commits or fails as a whole, per dialect: the only place the file loaders know
 * how each engine makes a script atomic. DuckDB needs an explicit transaction; a multi-statement
 * simple query is one implicit transaction on Postgres and Redshift's wire protocol, and the
 * Data API adapter sends a script as BatchExecuteStatement, also one transaction.
 */
import type { WarehouseDialect } from '../../db/warehouse.ts';

const SCRIPT: Record<WarehouseDialect, (statements: readonly string[]) => string[]> = {
  duckdb: (statements) => ['BEGIN TRANSACTION', ...statements, 'COMMIT'],
  postgres: (statements) => [...statements],
  redshift: (statements) => [...statements],
};

export function atomicScript(dialect: WarehouseDialect, statements: readonly string[]): string {
  return SCRIPT[dialect](statements)
    .map((statement) => `${statement};`)
    .join('\n');
}
