/**
 * `shoebox load FILE --table NAME`: a file a user brings (CSV or other delimited text, or
 * Parquet) becomes the table uploads.NAME. CSV column types are inferred from a sample (Parquet
 * declares its own); every row is checked against them and a row that does not fit goes to
 * meta.load_rejects. The table is built beside the live one (uploads.NAME__loading) and swapped
 * in by one atomic script with its rejects and marker, so a failed or killed load leaves the old
 * table as it was. Optionally a view over it (e.g. curated.NAME) is recreated in the same script.
 */
import { createHash } from 'node:crypto';
import { createReadStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import type { Warehouse } from '../../db/warehouse.ts';
import {
  ensureFileLoadTables,
  loadedFiles,
  loadTimestamp,
  type StageFileOption,
  stageName,
} from '../file-loads/commit-file-load.ts';
import type { LoadReject } from '../file-loads/load-reject.ts';
import { StagedCsv } from '../file-loads/staged-csv.ts';
import type { OnWarehouseProgress } from '../warehouse-progress.ts';
import type { InferredColumn } from './infer-columns.ts';
import { writeCleanRows } from './scan-upload.ts';
import { swapUpload } from './swap-upload.ts';
import { uploadColumns } from './upload-columns.ts';
import { checkTableName, checkUploadFile, checkViewName, UPLOADS_SCHEMA } from './upload-target.ts';

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
  /** Empty when unchanged: the file was not read. */
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
  // The table's marker: the file it was last loaded from, if this loader made it.
  const previous = (await loadedFiles(warehouse, 'uploads', { targetTable: target }))[0];
  const exists = (await warehouse.listRelations(UPLOADS_SCHEMA)).some((r) => r.name === table);
  const viewExists =
    !view ||
    (await warehouse.listRelations(view.schema)).some((r) => r.name === view.name && r.kind === 'view');
  const same = previous?.fileName === basename(path) && previous.contentHash === contentHash;
  if (!options.force && exists && viewExists && previous && same) {
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
  try {
    const source = await uploadColumns(path, file, { tempDir, sampleRows: options.sampleRows ?? 10_000 });
    const { columns } = source;
    options.onColumns?.(columns, source.source);

    const stage = `loading ${basename(path)}`;
    const total = statSync(source.csvPath).size;
    options.onProgress?.({ stage, done: 0, total });
    const out = new StagedCsv(
      join(tempDir, 'clean.csv'),
      columns.map((c) => c.name),
    );
    const scan = await writeCleanRows(source.csvPath, {
      delimiter: source.delimiter,
      headerLine: source.headerLine,
      columns,
      out,
      onBytes: (bytes) => options.onProgress?.({ stage, done: Math.min(bytes, total), total }),
    });
    await out.close();
    await swapUpload(
      warehouse,
      {
        loader: 'uploads',
        fileName: basename(path),
        contentHash,
        targetTable: target,
        loadedAt: loadTimestamp(options.now?.()),
      },
      {
        table,
        view,
        columns,
        cleanCsv: scan.rowsLoaded > 0 ? out.path : undefined,
        rejects: scan.rejects,
        rowsLoaded: scan.rowsLoaded,
        rowsRejected: scan.rowsRejected,
        tempDir,
        stage: stageName(),
        stageFile: options.stageFile,
      },
    );
    options.onProgress?.({ stage, done: total, total });
    const { rowsLoaded, rowsRejected } = scan;
    return {
      table: target,
      view: viewName,
      status: 'loaded',
      columns,
      rowsLoaded,
      rowsRejected,
      rejects: scan.rejects.slice(0, 10),
    };
  } finally {
    rmSync(tempDir, { recursive: true, force: true });
  }
}
