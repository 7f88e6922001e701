/**
 * Checks that dw.dim_date covers every fact's dates. dim_date is one contiguous run of days
 * (built from a range), so comparing each fact's first and last date_key is enough.
 */
import { CodedError, ErrorCode } from '../core/coded-error.ts';
import type { Warehouse } from '../db/warehouse.ts';
import { DW_SCHEMA } from './rebuild-table.ts';
import { assertIdentifier } from './sql-script.ts';

export async function checkDateCoverage(warehouse: Warehouse, facts: readonly string[]): Promise<void> {
  const calendar = await warehouse.query(
    `SELECT MIN(date_key) AS lo, MAX(date_key) AS hi FROM ${DW_SCHEMA}.dim_date`,
  );
  const lo = Number(calendar.rows[0]?.lo ?? Number.NaN);
  const hi = Number(calendar.rows[0]?.hi ?? Number.NaN);
  for (const fact of facts) {
    const { rows } = await warehouse.query(
      `SELECT MIN(date_key) AS lo, MAX(date_key) AS hi FROM ${DW_SCHEMA}.${assertIdentifier(fact, 'table')}`,
    );
    const first = rows[0]?.lo;
    const last = rows[0]?.hi;
    if (first === null || first === undefined) continue;
    if (!(Number(first) >= lo && Number(last) <= hi)) {
      throw new CodedError(
        ErrorCode.BadArgument,
        `dw.${fact} has dates ${first} to ${last} but dw.dim_date covers ${lo} to ${hi}; rerun applyWarehouseSchema with a dateRange that covers them`,
      );
    }
  }
}
