/**
 * The transform stage: rebuild the star schema (dw.*, curated views) from the raw tables, only
 * when a merge changed them or a crash interrupted an earlier transform (meta.etl_pending), so a
 * run with no change costs nothing here. Each dw table is swapped in atomically.
 */
import type { Warehouse } from '../../db/warehouse.ts';
import { applyWarehouseSchema } from '../apply-warehouse-schema.ts';
import { clearTransformPending, transformPending } from '../pipeline/etl-meta.ts';
import { faultPoint } from '../pipeline/fault-points.ts';
import { transformWarehouse } from '../transform-warehouse.ts';
import type { OnWarehouseProgress } from '../warehouse-progress.ts';

export interface TransformStageOptions {
  source: string;
  merged: number;
  force?: boolean;
  fiscalYearStartMonth: number;
  onProgress?: OnWarehouseProgress;
}

/** Returns the dw tables rebuilt (0 when skipped). */
export async function transformStage(warehouse: Warehouse, options: TransformStageOptions): Promise<number> {
  if (options.merged === 0 && !options.force && !(await transformPending(warehouse, options.source)))
    return 0;
  await applyWarehouseSchema(warehouse, {
    fiscalYearStartMonth: options.fiscalYearStartMonth,
    onProgress: options.onProgress,
  });
  const result = await transformWarehouse(warehouse, {
    onProgress: (p) => {
      if (p.done > 0) faultPoint('transform:after-table');
      options.onProgress?.(p);
    },
  });
  faultPoint('transform:after-all');
  await clearTransformPending(warehouse, options.source);
  return result.tables.filter((t) => !t.skipped).length;
}
