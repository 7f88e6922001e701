/**
 * The merge stage: staging rows replace the raw table's rows with the same primary key (delete,
 * then insert the latest version of each key), for every changed table, together with the new
 * watermarks and a "transform pending" mark, in ONE transaction. A crash before COMMIT leaves
 * the old tables and old watermarks, so the rerun extracts the same rows again; after it, the
 * new ones. A full run replaces each table's contents instead.
 */

import { rawSchemaOf } from '../../db/raw-schema.ts';
import type { SqlStatement, Warehouse } from '../../db/warehouse.ts';
import { faultPoint } from '../pipeline/fault-points.ts';
import type { SourceTable } from '../sources/extract-source.ts';
import type { ExtractedTable } from './extract-stage.ts';
import { columnDdl, stageTable } from './table-ddl.ts';

export interface MergeStageOptions {
  source: string;
  runId: string;
  tables: readonly ExtractedTable[];
  full: boolean;
  at: Date;
}

/** Creates the raw tables that do not exist yet (outside the transaction: DDL, idempotent). */
export async function ensureRawTables(warehouse: Warehouse, source: string, tables: readonly SourceTable[]) {
  await warehouse.execute(`CREATE SCHEMA IF NOT EXISTS ${source}`);
  for (const table of tables) {
    await warehouse.execute(
      `CREATE TABLE IF NOT EXISTS ${source}.${table.name} (${columnDdl(table, warehouse.dialect)})`,
    );
  }
}

/** Merges and returns the rows merged per table (0 for tables with no change). */
export async function mergeStage(warehouse: Warehouse, options: MergeStageOptions): Promise<number> {
  const { source, runId } = options;
  const statements: SqlStatement[] = [];
  let merged = 0;
  for (const extracted of options.tables) {
    const { table } = extracted;
    const changed = extracted.manifestKey !== undefined;
    if (!changed && !options.full) continue;
    const target = `${rawSchemaOf(source)}.${table.name}`;
    if (options.full) statements.push({ sql: `DELETE FROM ${target}` });
    if (changed) {
      const staged = stageTable(source, table.name);
      const columns = table.columns.map((c) => c.name).join(', ');
      const keys = table.primaryKey;
      if (!options.full) {
        const on = keys.map((k) => `${table.name}.${k} = s.${k}`).join(' AND ');
        statements.push({ sql: `DELETE FROM ${target} USING ${staged} s WHERE ${on}` });
      }
      // A row changed twice during one extract arrives twice: keep its latest version.
      statements.push({
        sql: `INSERT INTO ${target} (${columns}) SELECT ${columns} FROM (SELECT ${columns}, ROW_NUMBER() OVER (PARTITION BY ${keys.join(', ')} ORDER BY ${table.watermarkColumn} DESC) AS rn__ FROM ${staged}) d WHERE rn__ = 1`,
      });
      merged += extracted.rows;
    }
    statements.push(
      {
        sql: 'DELETE FROM meta.etl_tables WHERE source = $1 AND table_name = $2',
        params: [source, table.name],
      },
      {
        sql: 'INSERT INTO meta.etl_tables (source, table_name, watermark, rows_merged, loaded_at, run_id) VALUES ($1, $2, $3, $4, CAST($5 AS TIMESTAMP), $6)',
        params: [source, table.name, extracted.watermark.toString(), extracted.rows, options.at, runId],
      },
    );
  }
  if (statements.length === 0) return 0;
  statements.push(
    { sql: 'DELETE FROM meta.etl_pending WHERE source = $1', params: [source] },
    { sql: 'INSERT INTO meta.etl_pending (source, run_id) VALUES ($1, $2)', params: [source, runId] },
  );
  faultPoint('merge:before-commit');
  await warehouse.transaction(statements);
  faultPoint('merge:after-commit');
  return merged;
}
