/**
 * Creates the star schema (dw.*), fills the date dimension and (re)creates the curated views,
 * for the warehouse's dialect. Safe to rerun: tables are created if missing, dim_date is rebuilt
 * and swapped in, views are replaced.
 */
import type { Warehouse } from '../db/warehouse.ts';
import { loadDateDimension } from './load-date-dimension.ts';
import type { OnWarehouseProgress } from './warehouse-progress.ts';
import { curatedSqlFiles, readWarehouseSql } from './warehouse-sql.ts';

export interface ApplyWarehouseSchemaOptions {
  /** Month (1-12) the fiscal year starts in; fiscal years are named after the year they end in. */
  fiscalYearStartMonth: number;
  /** Days dim_date holds, YYYY-MM-DD inclusive; by default 2000-01-01 to 2040-12-31. */
  dateRange?: { from: string; to: string };
  /** Makes the dim_date CSV reachable by the warehouse (an s3:// URL for Redshift). */
  stageFile?: (localPath: string) => Promise<string>;
  onProgress?: OnWarehouseProgress;
}

export interface ApplyWarehouseSchemaResult {
  dateRows: number;
  views: string[];
}

export const DEFAULT_DATE_RANGE = { from: '2000-01-01', to: '2040-12-31' } as const;

export async function applyWarehouseSchema(
  warehouse: Warehouse,
  options: ApplyWarehouseSchemaOptions,
): Promise<ApplyWarehouseSchemaResult> {
  const views = curatedSqlFiles();
  const stage = 'applying the warehouse schema';
  const total = views.length + 2;
  options.onProgress?.({ stage, done: 0, total });
  await warehouse.execute(readWarehouseSql(warehouse.dialect, 'schema.sql'));
  options.onProgress?.({ stage, done: 1, total });
  const dateRows = await loadDateDimension(warehouse, {
    ...(options.dateRange ?? DEFAULT_DATE_RANGE),
    fiscalYearStartMonth: options.fiscalYearStartMonth,
    stageFile: options.stageFile,
  });
  options.onProgress?.({ stage, done: 2, total });
  for (const [index, view] of views.entries()) {
    await warehouse.execute(view.sql);
    options.onProgress?.({ stage, done: index + 3, total });
  }
  return { dateRows, views: views.map((view) => `curated.${view.name}`) };
}
