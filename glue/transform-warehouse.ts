/**
 * Rebuilds the star schema from the raw tables: each dw table is built beside the live one from
 * its shared/transform SQL and swapped in on its own (atomic per table). Transforms marked
 * `-- requires schema: X` are skipped while schema X holds no tables (the ledger's raw tables
 * arrive with a later loader). Run applyWarehouseSchema first.
 */
import { CodedError, ErrorCode } from '../core/coded-error.ts';
import type { Warehouse } from '../db/warehouse.ts';
import { checkDateCoverage } from './date-coverage.ts';
import { rebuildTable } from './rebuild-table.ts';
import { fillTemplate } from './sql-script.ts';
import type { OnWarehouseProgress } from './warehouse-progress.ts';
import { transformSqlFiles } from './warehouse-sql.ts';

export { type ApplyWarehouseSchemaOptions, applyWarehouseSchema } from './apply-warehouse-schema.ts';

export interface TransformWarehouseOptions {
  onProgress?: OnWarehouseProgress;
}

export interface TransformedTable {
  /** dw table name. */
  name: string;
  /** Rows in the table after the swap; 0 when skipped. */
  rows: number;
  /** Set when the transform's source schema was missing, so the table was left as it was. */
  skipped?: string;
}

export interface TransformWarehouseResult {
  tables: TransformedTable[];
  elapsedMs: number;
}

const REQUIRES = /^-- requires schema: ([a-z_][a-z0-9_]*)$/m;

export async function transformWarehouse(
  warehouse: Warehouse,
  options: TransformWarehouseOptions = {},
): Promise<TransformWarehouseResult> {
  const started = performance.now();
  if ((await warehouse.listRelations('erp')).length === 0) {
    throw new CodedError(
      ErrorCode.DemoDataMissing,
      'the warehouse has no raw erp.* tables to transform; load them first (shoebox demo, or loadRawTables)',
    );
  }
  const files = transformSqlFiles();
  const stage = 'transforming warehouse tables';
  const tables: TransformedTable[] = [];
  for (const [index, file] of files.entries()) {
    options.onProgress?.({ stage, done: index, total: files.length });
    const required = REQUIRES.exec(file.sql)?.[1];
    if (required && (await warehouse.listRelations(required)).length === 0) {
      tables.push({ name: file.name, rows: 0, skipped: `schema ${required} has no tables` });
      continue;
    }
    const rows = await rebuildTable(warehouse, file.name, (target) =>
      warehouse.execute(fillTemplate(file.sql, { target })),
    );
    tables.push({ name: file.name, rows });
  }
  options.onProgress?.({ stage, done: files.length, total: files.length });
  await checkDateCoverage(
    warehouse,
    tables.filter((t) => !t.skipped && t.name.startsWith('fact_')).map((t) => t.name),
  );
  return { tables, elapsedMs: Math.round(performance.now() - started) };
}
