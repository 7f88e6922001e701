/**
 * Fills dw.dim_date from rows computed in TypeScript (glue/date-dimension.ts): written to a CSV,
 * loaded with Warehouse.loadStagedFile into a table beside the live one, then swapped in.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Warehouse } from '../db/warehouse.ts';
import {
  DATE_DIMENSION_COLUMNS,
  type DateDimensionOptions,
  dateDimensionCsv,
  dateDimensionRows,
} from './date-dimension.ts';
import { DW_SCHEMA, rebuildTable } from './rebuild-table.ts';

export interface LoadDateDimensionOptions extends DateDimensionOptions {
  /**
   * Makes the local CSV reachable by the warehouse and returns its location; Redshift's COPY
   * needs an s3:// URL. By default the local path is used (DuckDB, Postgres).
   */
  stageFile?: (localPath: string) => Promise<string>;
}

export async function loadDateDimension(
  warehouse: Warehouse,
  options: LoadDateDimensionOptions,
): Promise<number> {
  const dir = await mkdtemp(join(tmpdir(), 'shoebox-dim-date-'));
  try {
    const path = join(dir, 'dim_date.csv');
    await writeFile(path, dateDimensionCsv(dateDimensionRows(options)));
    const location = options.stageFile ? await options.stageFile(path) : path;
    return await rebuildTable(warehouse, 'dim_date', async (target) => {
      await warehouse.loadStagedFile(DW_SCHEMA, target, {
        location,
        format: 'csv',
        headerLines: 1,
        columns: [...DATE_DIMENSION_COLUMNS],
      });
    });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
