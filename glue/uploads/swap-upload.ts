/**
 * Builds uploads.NAME__loading from the clean rows and swaps it in with its rejects and marker in
 * one atomic script (commit-file-load.ts): the view, if asked for, is dropped and recreated in
 * the same script, so readers see the old table or the new one, never none.
 */
import { CodedError, ErrorCode, messageOf } from '../../core/coded-error.ts';
import { quoteIdent } from '../../db/sql-text.ts';
import type { Warehouse } from '../../db/warehouse.ts';
import {
  commitFileLoad,
  type FileLoadIdentity,
  type StageFileOption,
} from '../file-loads/commit-file-load.ts';
import type { LoadReject } from '../file-loads/load-reject.ts';
import { sqlType } from './column-kinds.ts';
import type { InferredColumn } from './infer-columns.ts';
import { UPLOADS_SCHEMA } from './upload-target.ts';

export interface SwapUpload extends StageFileOption {
  table: string;
  view: { schema: string; name: string } | undefined;
  columns: readonly InferredColumn[];
  /** The clean rows' CSV (one header line), or undefined when no row was good. */
  cleanCsv: string | undefined;
  rejects: readonly LoadReject[];
  rowsLoaded: number;
  rowsRejected: number;
  tempDir: string;
  stage: string;
}

export async function swapUpload(
  warehouse: Warehouse,
  file: FileLoadIdentity,
  swap: SwapUpload,
): Promise<void> {
  const loading = `${swap.table}__loading`;
  const target = `${UPLOADS_SCHEMA}.${swap.table}`;
  const view = swap.view ? `${swap.view.schema}.${swap.view.name}` : undefined;
  await warehouse.execute(`CREATE SCHEMA IF NOT EXISTS ${UPLOADS_SCHEMA}`);
  if (swap.view) await warehouse.execute(`CREATE SCHEMA IF NOT EXISTS ${swap.view.schema}`);
  try {
    await warehouse.execute(`DROP TABLE IF EXISTS ${UPLOADS_SCHEMA}.${loading}`);
    // Names are checked identifiers; quoted too, since some (at, time...) are reserved somewhere.
    const ddl = swap.columns.map((c) => `${quoteIdent(c.name)} ${sqlType(c.type)}`).join(', ');
    await warehouse.execute(`CREATE TABLE ${UPLOADS_SCHEMA}.${loading} (${ddl})`);
    if (swap.cleanCsv) {
      await warehouse.loadStagedFile(UPLOADS_SCHEMA, loading, {
        location: swap.stageFile ? await swap.stageFile(swap.cleanCsv) : swap.cleanCsv,
        format: 'csv',
        headerLines: 1,
        columns: swap.columns.map((c) => c.name),
      });
    }
    await commitFileLoad(
      warehouse,
      file,
      swap.rejects,
      () => [
        ...(view ? [`DROP VIEW IF EXISTS ${view}`] : []),
        `DROP TABLE IF EXISTS ${target}`,
        `ALTER TABLE ${UPLOADS_SCHEMA}.${loading} RENAME TO ${swap.table}`,
        ...(view ? [`CREATE VIEW ${view} AS SELECT * FROM ${target}`] : []),
      ],
      { ...swap, replaces: 'table' },
    );
  } catch (error) {
    // Postgres and Redshift refuse to drop a table a view reads from (DuckDB binds views late).
    if (/depend/i.test(messageOf(error))) {
      throw new CodedError(
        ErrorCode.LoadFileInvalid,
        `${target} has views over it, so it cannot be replaced: pass the same --view again (it is recreated with the table) or drop those views first`,
        { cause: error },
      );
    }
    throw error;
  } finally {
    await warehouse.execute(`DROP TABLE IF EXISTS ${UPLOADS_SCHEMA}.${loading}`).catch(() => undefined);
  }
}
