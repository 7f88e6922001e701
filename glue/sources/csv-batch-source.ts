/**
 * An optional fast path beside the ExtractSource contract, for a source that can write its own
 * staged files (the demo's DuckDB copy writes gzip CSV natively, far faster than handing over
 * millions of row objects). Same batch semantics as extractBatch: rows after `since`, ascending,
 * at most batchSize; the stage writes the bytes as they are.
 */
import type { ExtractSource } from './extract-source.ts';

export interface CsvBatch {
  /** Gzip-compressed CSV: a header line of the table's columns in order, then the rows. */
  gzipCsv: Uint8Array;
  rows: number;
  /** The largest watermark in the batch (since, when rows is 0). */
  watermark: bigint;
}

export interface CsvBatchSource {
  extractCsvBatch(table: string, since: bigint, batchSize: number): Promise<CsvBatch>;
}

export function writesCsvBatches(source: ExtractSource): source is ExtractSource & CsvBatchSource {
  return typeof (source as Partial<CsvBatchSource>).extractCsvBatch === 'function';
}
