/**
 * The extract stage: for each table, batches after the table's watermark, until a short batch
 * says the source has caught up. Each batch is staged at once (stage-files.ts), so memory holds
 * one batch, and the new watermark is the largest row_version seen.
 */
import { CodedError, ErrorCode, messageOf } from '../../core/coded-error.ts';
import { faultPoint } from '../pipeline/fault-points.ts';
import { writesCsvBatches } from '../sources/csv-batch-source.ts';
import type { ExtractSource, SourceRow, SourceTable } from '../sources/extract-source.ts';
import type { StagingArea } from '../staging/staging-area.ts';
import { stageManifest, stagePart, stagePartBytes, tablePrefix } from './stage-files.ts';

export interface ExtractedTable {
  table: SourceTable;
  rows: number;
  /** The watermark the run started from, and the one it reached. */
  since: bigint;
  watermark: bigint;
  /** The staged manifest's key; absent when no row changed. */
  manifestKey?: string;
}

export interface ExtractStageOptions {
  source: ExtractSource;
  area: StagingArea;
  runId: string;
  watermarks: ReadonlyMap<string, bigint>;
  batchSize: number;
  onBatch?: (table: string, rows: number) => void;
  onTable?: (table: string, done: number) => void;
}

export async function extractStage(options: ExtractStageOptions): Promise<ExtractedTable[]> {
  const out: ExtractedTable[] = [];
  for (const table of options.source.tables) {
    out.push(await extractTable(options, table));
    options.onTable?.(table.name, out.length);
  }
  return out;
}

async function extractTable(options: ExtractStageOptions, table: SourceTable): Promise<ExtractedTable> {
  const { source, area, batchSize } = options;
  const since = options.watermarks.get(table.name) ?? 0n;
  const prefix = tablePrefix(options.runId, source.name, table.name);
  const parts: string[] = [];
  let watermark = since;
  let rows = 0;
  if (writesCsvBatches(source)) {
    for (;;) {
      const batch = await guarded(table, watermark, () =>
        source.extractCsvBatch(table.name, watermark, batchSize),
      );
      if (batch.rows > 0) {
        if (batch.watermark <= watermark) throw notAfter(table, batch.watermark, watermark);
        parts.push(await stagePartBytes(area, prefix, parts.length, batch.gzipCsv));
        watermark = batch.watermark;
        rows += batch.rows;
        options.onBatch?.(table.name, batch.rows);
      }
      faultPoint('extract:after-batch');
      if (batch.rows < batchSize) break;
    }
    if (rows === 0) return { table, rows, since, watermark };
    return { table, rows, since, watermark, manifestKey: await stageManifest(area, prefix, parts) };
  }
  for (;;) {
    const batch: SourceRow[] = await guarded(table, watermark, () =>
      source.extractBatch(table.name, watermark, batchSize),
    );
    if (batch.length > 0) {
      const top = maxWatermark(batch, table, watermark);
      parts.push(await stagePart(area, prefix, parts.length, table.columns, batch));
      watermark = top;
      rows += batch.length;
      options.onBatch?.(table.name, batch.length);
    }
    faultPoint('extract:after-batch');
    if (batch.length < batchSize) break;
  }
  if (rows === 0) return { table, rows, since, watermark };
  return { table, rows, since, watermark, manifestKey: await stageManifest(area, prefix, parts) };
}

/** The batch's largest watermark; a batch that does not move past `since` would loop forever. */
function maxWatermark(batch: readonly SourceRow[], table: SourceTable, since: bigint): bigint {
  let top = since;
  for (const row of batch) {
    const raw = row[table.watermarkColumn];
    let value: bigint;
    try {
      value = BigInt(raw instanceof Date || raw === null || raw === undefined ? Number.NaN : raw);
    } catch {
      throw new CodedError(
        ErrorCode.EtlSourceFailed,
        `${table.name}.${table.watermarkColumn} holds "${String(raw)}", not a whole number; the watermark must be a bigint.`,
      );
    }
    if (value <= since) throw notAfter(table, value, since);
    if (value > top) top = value;
  }
  return top;
}

function notAfter(table: SourceTable, value: bigint, since: bigint): CodedError {
  return new CodedError(
    ErrorCode.EtlSourceFailed,
    `The source sent ${table.name} row_version ${value}, not after ${since}: it breaks the extract contract (rows after the watermark, ascending).`,
  );
}

async function guarded<T>(table: SourceTable, since: bigint, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw new CodedError(
      ErrorCode.EtlSourceFailed,
      `Extracting ${table.name} after row_version ${since} failed: ${messageOf(error)}`,
      { cause: error },
    );
  }
}
