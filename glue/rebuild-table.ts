/**
 * Rebuilds one dw table beside the live one and swaps it in atomically: dw.<table>__next is
 * created from the table's own DDL (so Redshift keeps its dist and sort keys), filled, then
 * swapped in by the dialect's swap-table.sql. A failed fill leaves the live table untouched.
 */
import { CodedError, ErrorCode } from '../core/coded-error.ts';
import type { Warehouse } from '../db/warehouse.ts';
import { assertIdentifier, fillTemplate, splitSqlStatements } from './sql-script.ts';
import { readWarehouseSql } from './warehouse-sql.ts';

export const DW_SCHEMA = 'dw';

/** The CREATE TABLE statement of dw.<table> from the dialect's schema.sql. */
export function tableDdl(warehouse: Pick<Warehouse, 'dialect'>, table: string): string {
  const prefix = `CREATE TABLE IF NOT EXISTS ${DW_SCHEMA}.${assertIdentifier(table, 'table')} (`;
  const ddl = splitSqlStatements(readWarehouseSql(warehouse.dialect, 'schema.sql')).find((s) =>
    s.startsWith(prefix),
  );
  if (!ddl) {
    throw new CodedError(
      ErrorCode.BadArgument,
      `no table dw.${table} in sql/warehouse/${warehouse.dialect}/schema.sql; add it there first`,
    );
  }
  return ddl;
}

export async function rebuildTable(
  warehouse: Warehouse,
  table: string,
  fill: (target: string) => Promise<void>,
): Promise<number> {
  const next = `${table}__next`;
  const ddl = tableDdl(warehouse, table).replace(
    `CREATE TABLE IF NOT EXISTS ${DW_SCHEMA}.${table} (`,
    `CREATE TABLE ${DW_SCHEMA}.${next} (`,
  );
  await warehouse.execute(`DROP TABLE IF EXISTS ${DW_SCHEMA}.${next}`);
  await warehouse.execute(ddl);
  try {
    await fill(next);
    await warehouse.execute(fillTemplate(readWarehouseSql(warehouse.dialect, 'swap-table.sql'), { table }));
  } catch (error) {
    // DuckDB keeps a failed script's transaction open on its one connection; elsewhere a no-op.
    await warehouse.execute('ROLLBACK').catch(() => undefined);
    await warehouse.execute(`DROP TABLE IF EXISTS ${DW_SCHEMA}.${next}`).catch(() => undefined);
    throw error;
  }
  const { rows } = await warehouse.query(`SELECT COUNT(*) AS row_count FROM ${DW_SCHEMA}.${table}`);
  return Number(rows[0]?.row_count ?? 0);
}
