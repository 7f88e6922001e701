/**
 * The load stage: each changed table's staged manifest is COPYed into a fresh staging table
 * (stage.<source>_<table>), never into the raw table itself, so a crash here touches nothing the
 * assistant reads. The warehouse must report exactly the rows the extract staged.
 */
import { CodedError, ErrorCode } from '../../core/coded-error.ts';
import type { Warehouse } from '../../db/warehouse.ts';
import { faultPoint } from '../pipeline/fault-points.ts';
import type { StagingArea } from '../staging/staging-area.ts';
import type { ExtractedTable } from './extract-stage.ts';
import { columnDdl, STAGE_SCHEMA, stageTable } from './table-ddl.ts';

export async function loadStage(
  warehouse: Warehouse,
  area: StagingArea,
  source: string,
  tables: readonly ExtractedTable[],
  onTable?: (table: string) => void,
): Promise<void> {
  await warehouse.execute(`CREATE SCHEMA IF NOT EXISTS ${STAGE_SCHEMA}`);
  for (const extracted of tables) {
    const { table, manifestKey } = extracted;
    if (manifestKey === undefined) continue;
    const target = stageTable(source, table.name);
    await warehouse.execute(`DROP TABLE IF EXISTS ${target}`);
    await warehouse.execute(`CREATE TABLE ${target} (${columnDdl(table, warehouse.dialect)})`);
    const { rowsLoaded } = await warehouse.loadStagedFile(STAGE_SCHEMA, `${source}_${table.name}`, {
      location: area.locationOf(manifestKey),
      format: 'csv',
      compression: 'gzip',
      manifest: true,
      headerLines: 1,
      columns: table.columns.map((c) => c.name),
    });
    if (rowsLoaded !== extracted.rows) {
      throw new CodedError(
        ErrorCode.EtlLoadFailed,
        `Loading ${target} put ${rowsLoaded} rows in the warehouse, but ${extracted.rows} were staged; the run stops before merging. Rerun it.`,
      );
    }
    faultPoint('load:after-table');
    onTable?.(table.name);
  }
}
