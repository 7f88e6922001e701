/**
 * `shoebox load FILE --table NAME`: a file a user brings (CSV or other delimited text, or
 * Parquet) becomes the table uploads.NAME. CSV column types are inferred from a sample (Parquet
 * declares its own); every row is checked against them and a row that does not fit goes to
 * meta.load_rejects. The table is built beside the live one (uploads.NAME__loading) and swapped
 * in by one atomic script with its rejects and marker, so a failed or killed load leaves the old
 * table as it was. Optionally a view over it (e.g. curated.NAME) is recreated in the same script.
 */
import { createHash } from 'node:crypto';
import { closeSync, createReadStream, mkdtempSync, openSync, readSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { quoteIdent } from '../../db/sql-text.ts';
import type { Warehouse } from '../../db/warehouse.ts';
import {
  commitFileLoad,
  ensureFileLoadTables,
  loadedFile,
  loadTimestamp,
  type StageFileOption,
  stageName,
} from '../file-loads/commit-file-load.ts';
import type { LoadReject } from '../file-loads/load-reject.ts';
import { StagedCsv } from '../file-loads/staged-csv.ts';
import type { OnWarehouseProgress } from '../warehouse-progress.ts';
import { sqlType } from './column-kinds.ts';
import { columnNames, type InferredColumn, inferColumns } from './infer-columns.ts';
import { parquetToCsv } from './parquet-to-csv.ts';
import { sampleUpload, writeCleanRows } from './scan-upload.ts';
import {
  checkTableName,
  checkUploadFile,
  checkViewName,
  detectDelimiter,
  UPLOADS_SCHEMA,
} from './upload-target.ts';

export interface LoadUserFileOptions extends StageFileOption {
  table: string;
  /** SCHEMA.NAME of a view over the table, recreated with it (for a semantic model to point at). */
  view?: string;
  /** Rows read to infer CSV types; 10,000 by default. */
  sampleRows?: number;
  /** Load even when this exact file is already the table's content. */
  force?: boolean;
  /** Called once the columns are known, before any row is loaded. */
  onColumns?: (columns: readonly InferredColumn[], source: 'inferred' | 'parquet') => void;
  onProgress?: OnWarehouseProgress;
  now?: () => Date;
}

export interface LoadUserFileResult {
  table: string;
  view: string | undefined;
  status: 'loaded' | 'unchanged';
  columns: InferredColumn[];
  rowsLoaded: number;
  rowsRejected: number;
  /** The first rejects, for the report; all are in meta.load_rejects. */
  rejects: LoadReject[];
}

async function sha256(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

function firstLine(path: string): string {
  const fd = openSync(path, 'r');
  try {
    const buffer = Buffer.alloc(65536);
    const read = readSync(fd, buffer, 0, buffer.length, 0);
    return buffer.subarray(0, read).toString('utf8').split(/\r?\n/)[0] ?? '';
  } finally {
    closeSync(fd);
  }
}

export async function loadUserFile(
  warehouse: Warehouse,
  path: string,
  options: LoadUserFileOptions,
): Promise<LoadUserFileResult> {
  const table = checkTableName(options.table);
  const view = options.view === undefined ? undefined : checkViewName(options.view);
  const file = checkUploadFile(path);
  const target = `${UPLOADS_SCHEMA}.${table}`;
  const viewName = view ? `${view.schema}.${view.name}` : undefined;
  await ensureFileLoadTables(warehouse);
  const contentHash = await sha256(path);
  const previous = await loadedFile(warehouse, basename(path), target);
  const exists = (await warehouse.listRelations(UPLOADS_SCHEMA)).some((r) => r.name === table);
  const viewExists =
    !view ||
    (await warehouse.listRelations(view.schema)).some((r) => r.name === view.name && r.kind === 'view');
  if (!options.force && exists && viewExists && previous?.contentHash === contentHash) {
    const { rowsLoaded, rowsRejected } = previous;
    return {
      table: target,
      view: viewName,
      status: 'unchanged',
      columns: [],
      rowsLoaded,
      rowsRejected,
      rejects: [],
    };
  }

  const tempDir = mkdtempSync(join(tmpdir(), 'shoebox-upload-'));
  const stage = stageName();
  const loading = `${table}__loading`;
  try {
    let csvPath = path;
    let delimiter = file.delimiter ?? ',';
    let columns: InferredColumn[];
    let headerLine: number;
    if (file.format === 'parquet') {
      csvPath = join(tempDir, 'parquet.csv');
      const declared = await parquetToCsv(path, csvPath);
      const names = columnNames(declared.map((c) => c.header));
      columns = declared.map((c, i) => ({ ...c, name: names[i] as string, examples: [], empty: 0 }));
      const sampled = await sampleUpload(csvPath, ',', 3);
      columns.forEach((c, i) => {
        c.examples = sampled.sample.map((row) => row[i] ?? '').filter((v) => v !== '');
      });
      headerLine = sampled.headerLine;
    } else {
      delimiter = file.delimiter ?? detectDelimiter(firstLine(path));
      const sampled = await sampleUpload(path, delimiter, options.sampleRows ?? 10_000);
      columns = inferColumns(sampled.headers, sampled.sample);
      headerLine = sampled.headerLine;
    }
    options.onColumns?.(columns, file.format === 'parquet' ? 'parquet' : 'inferred');

    const progressStage = `loading ${basename(path)}`;
    options.onProgress?.({ stage: progressStage, done: 0, total: file.size });
    const out = new StagedCsv(
      join(tempDir, 'clean.csv'),
      columns.map((c) => c.name),
    );
    const scan = await writeCleanRows(csvPath, {
      delimiter,
      headerLine,
      columns,
      out,
      onBytes: (bytes) =>
        options.onProgress?.({ stage: progressStage, done: Math.min(bytes, file.size), total: file.size }),
    });
    await out.close();

    await warehouse.execute(`CREATE SCHEMA IF NOT EXISTS ${UPLOADS_SCHEMA}`);
    if (view) await warehouse.execute(`CREATE SCHEMA IF NOT EXISTS ${view.schema}`);
    await warehouse.execute(`DROP TABLE IF EXISTS ${UPLOADS_SCHEMA}.${loading}`);
    await warehouse.execute(
      // Names are checked identifiers; quoted too, since some (at, time...) are reserved on some engine.
      `CREATE TABLE ${UPLOADS_SCHEMA}.${loading} (${columns.map((c) => `${quoteIdent(c.name)} ${sqlType(c.type)}`).join(', ')})`,
    );
    if (scan.rowsLoaded > 0) {
      await warehouse.loadStagedFile(UPLOADS_SCHEMA, loading, {
        location: options.stageFile ? await options.stageFile(out.path) : out.path,
        format: 'csv',
        headerLines: 1,
        columns: columns.map((c) => c.name),
      });
    }
    await commitFileLoad(
      warehouse,
      {
        fileName: basename(path),
        contentHash,
        targetTable: target,
        loadedAt: loadTimestamp(options.now?.()),
      },
      scan.rejects,
      () => [
        ...(viewName ? [`DROP VIEW IF EXISTS ${viewName}`] : []),
        `DROP TABLE IF EXISTS ${target}`,
        `ALTER TABLE ${UPLOADS_SCHEMA}.${loading} RENAME TO ${table}`,
        ...(viewName ? [`CREATE VIEW ${viewName} AS SELECT * FROM ${target}`] : []),
      ],
      {
        tempDir,
        stage,
        rowsLoaded: scan.rowsLoaded,
        rowsRejected: scan.rowsRejected,
        replaces: 'table',
        stageFile: options.stageFile,
      },
    );
    options.onProgress?.({ stage: progressStage, done: file.size, total: file.size });
    return {
      table: target,
      view: viewName,
      status: 'loaded',
      columns,
      rowsLoaded: scan.rowsLoaded,
      rowsRejected: scan.rowsRejected,
      rejects: scan.rejects.slice(0, 10),
    };
  } finally {
    await warehouse.execute(`DROP TABLE IF EXISTS ${UPLOADS_SCHEMA}.${loading}`).catch(() => undefined);
    rmSync(tempDir, { recursive: true, force: true });
  }
}
