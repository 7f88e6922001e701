/**
 * Commits one file's load as a whole: its rows (statements the caller gives), its rejects and its
 * completion marker in meta.loaded_files, in one atomic script (atomic-script.ts). Everything the
 * script needs is staged first into tables of its own (meta.<stage>_rejects, meta.<stage>_batch),
 * so the script itself carries no values, only checked identifiers: a crash before the script
 * leaves the warehouse as it was, and the marker is only ever there with the rows it describes.
 */
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import type { Warehouse } from '../../db/warehouse.ts';
import { readWarehouseSql } from '../warehouse-sql.ts';
import { atomicScript } from './atomic-script.ts';
import { type LoadReject, REJECT_COLUMNS, rejectRow } from './load-reject.ts';
import { writeStagedCsv } from './staged-csv.ts';

export interface FileLoadIdentity {
  /** Which loader: each replaces only the rejects and markers it wrote itself. */
  loader: 'accountants' | 'uploads';
  /** How the file is named in the warehouse (fact rows' source_file, rejects' file_name). */
  fileName: string;
  contentHash: string;
  /** schema.table the rows go to. */
  targetTable: string;
  /** 'YYYY-MM-DD HH:MM:SS' (UTC), the same for the rows, the rejects and the marker. */
  loadedAt: string;
}

export interface StageFileOption {
  /** Makes a local CSV reachable by the warehouse (an s3:// URL for Redshift); the path by default. */
  stageFile?: (localPath: string) => Promise<string>;
}

/** Creates meta.load_rejects, meta.loaded_files and dw.fact_bank_transaction when missing. */
export async function ensureFileLoadTables(warehouse: Warehouse): Promise<void> {
  await warehouse.execute(readWarehouseSql(warehouse.dialect, 'file-loads.sql'));
}

/** A fresh name for one load's stage tables: load_<16 hex>. */
export function stageName(): string {
  return `load_${randomBytes(8).toString('hex')}`;
}

export interface LoadedFile {
  fileName: string;
  contentHash: string;
  targetTable: string;
  rowsLoaded: number;
  rowsRejected: number;
}

/** The completion markers a loader wrote for one file name or one target table. */
export async function loadedFiles(
  warehouse: Warehouse,
  loader: FileLoadIdentity['loader'],
  by: { fileName: string } | { targetTable: string },
): Promise<LoadedFile[]> {
  const [column, value] = 'fileName' in by ? ['file_name', by.fileName] : ['target_table', by.targetTable];
  const { rows } = await warehouse.query(
    `SELECT file_name, content_hash, target_table, rows_loaded, rows_rejected FROM meta.loaded_files WHERE loader = $1 AND ${column} = $2`,
    [loader, value],
  );
  return rows.map((row) => ({
    fileName: String(row.file_name),
    contentHash: String(row.content_hash),
    targetTable: String(row.target_table),
    rowsLoaded: Number(row.rows_loaded),
    rowsRejected: Number(row.rows_rejected),
  }));
}

export interface CommitOptions extends StageFileOption {
  /** Folder for the rejects CSV. */
  tempDir: string;
  stage: string;
  rowsLoaded: number;
  rowsRejected: number;
  /**
   * What a new load replaces, among its loader's own rows: the same file's rejects and marker
   * (accountants' files, many per table, whatever table the file went to before), or everything
   * recorded for the target table (an upload replaces its whole table).
   */
  replaces: 'file' | 'table';
}

export async function commitFileLoad(
  warehouse: Warehouse,
  file: FileLoadIdentity,
  rejects: readonly LoadReject[],
  /** The row statements, given the staged marker table (meta.<stage>_batch) to key them by. */
  dataStatements: (batch: string) => readonly string[],
  options: CommitOptions,
): Promise<void> {
  const stagedRejects = `meta.${options.stage}_rejects`;
  const batch = `meta.${options.stage}_batch`;
  try {
    await warehouse.execute(`CREATE TABLE ${stagedRejects} AS SELECT * FROM meta.load_rejects WHERE 1 = 0`);
    await warehouse.execute(`CREATE TABLE ${batch} AS SELECT * FROM meta.loaded_files WHERE 1 = 0`);
    if (rejects.length > 0) {
      const path = join(options.tempDir, `${options.stage}-rejects.csv`);
      await writeStagedCsv(
        path,
        REJECT_COLUMNS,
        rejects.map((reject) => rejectRow(reject, file)),
      );
      await warehouse.loadStagedFile('meta', `${options.stage}_rejects`, {
        location: options.stageFile ? await options.stageFile(path) : path,
        format: 'csv',
        headerLines: 1,
        columns: [...REJECT_COLUMNS],
      });
    }
    await warehouse.execute(
      `INSERT INTO ${batch} (loader, file_name, content_hash, target_table, rows_loaded, rows_rejected, loaded_at) VALUES ($1, $2, $3, $4, $5, $6, CAST($7 AS TIMESTAMP))`,
      [
        file.loader,
        file.fileName,
        file.contentHash,
        file.targetTable,
        options.rowsLoaded,
        options.rowsRejected,
        file.loadedAt,
      ],
    );
    const sameLoader = `loader IN (SELECT loader FROM ${batch})`;
    const same =
      options.replaces === 'table'
        ? `${sameLoader} AND target_table IN (SELECT target_table FROM ${batch})`
        : `${sameLoader} AND file_name IN (SELECT file_name FROM ${batch})`;
    await warehouse.execute(
      atomicScript(warehouse.dialect, [
        ...dataStatements(batch),
        `DELETE FROM meta.load_rejects WHERE ${same}`,
        `INSERT INTO meta.load_rejects SELECT * FROM ${stagedRejects}`,
        `DELETE FROM meta.loaded_files WHERE ${same}`,
        `INSERT INTO meta.loaded_files SELECT * FROM ${batch}`,
      ]),
    );
  } catch (error) {
    // DuckDB keeps a failed script's transaction open on its one connection; elsewhere a no-op.
    await warehouse.execute('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    await warehouse.execute(`DROP TABLE IF EXISTS ${stagedRejects}`).catch(() => undefined);
    await warehouse.execute(`DROP TABLE IF EXISTS ${batch}`).catch(() => undefined);
  }
}

/** Now as the warehouse's TIMESTAMP text, UTC. */
export function loadTimestamp(now: Date = new Date()): string {
  return now.toISOString().slice(0, 19).replace('T', ' ');
}
