/**
 * After a successful run: drop the run's staging tables and delete the staged files of all but
 * the newest `keep` runs (run ids sort by start time). Files of a crashed run go the same way.
 */
import type { Warehouse } from '../../db/warehouse.ts';
import type { SourceTable } from '../sources/extract-source.ts';
import { stageTable } from '../stages/table-ddl.ts';
import type { StagingArea } from '../staging/staging-area.ts';
import { faultPoint } from './fault-points.ts';

export async function cleanupStaging(
  warehouse: Warehouse,
  area: StagingArea,
  source: string,
  tables: readonly SourceTable[],
  keep: number,
): Promise<void> {
  for (const table of tables)
    await warehouse.execute(`DROP TABLE IF EXISTS ${stageTable(source, table.name)}`);
  const runs = [...new Set((await area.list('runs/')).map((key) => key.split('/')[1] ?? ''))]
    .filter((id) => id !== '')
    .sort();
  for (const old of runs.slice(0, Math.max(0, runs.length - keep))) {
    await area.deletePrefix(`runs/${old}/`);
    faultPoint('cleanup:after-delete');
  }
}
