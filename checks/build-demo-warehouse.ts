/**
 * The demo warehouse the end-to-end semantic checks run on: the real generator's files loaded as
 * raw erp.* and ledger_raw.*, then the star schema and curated views. The one place that knows how
 * the warehouse is built, so a new loading pipeline is switched here only.
 */
import { join } from 'node:path';
import type { Warehouse } from '../db/warehouse.ts';
import { erpTables, tableFile } from '../demo/erp-tables.ts';
import { ledgerTables } from '../demo/ledger-tables.ts';
import { loadRawTables } from '../glue/load-raw-tables.ts';
import { applyWarehouseSchema, transformWarehouse } from '../glue/transform-warehouse.ts';

export const DEMO_FISCAL_YEAR_START_MONTH = 2;

/**
 * Loads the demo files in `demoDir` (from generateDemo) into `warehouse` and builds the star schema.
 * `beforeTransform` may change the raw tables first (the evals plant prompt injections there).
 */
export async function buildDemoWarehouse(
  warehouse: Warehouse,
  demoDir: string,
  options: { beforeTransform?: (warehouse: Warehouse) => Promise<void> } = {},
): Promise<void> {
  for (const [schema, specs] of [
    ['erp', erpTables],
    ['ledger_raw', ledgerTables],
  ] as const) {
    const files = specs.map((spec) => ({ spec, path: join(demoDir, tableFile(spec)) }));
    await loadRawTables(warehouse, files, { schema, fingerprint: 'test', source: schema });
  }
  await options.beforeTransform?.(warehouse);
  await applyWarehouseSchema(warehouse, { fiscalYearStartMonth: DEMO_FISCAL_YEAR_START_MONTH });
  await transformWarehouse(warehouse);
}
