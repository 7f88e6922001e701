/**
 * The columns of an uploaded file and the delimited text to read its rows from: a CSV's own text
 * with types inferred from a sample, or a Parquet file converted to CSV with the types it
 * declares (examples from its first rows).
 */
import { closeSync, openSync, readSync } from 'node:fs';
import { join } from 'node:path';
import { columnNames, type InferredColumn, inferColumns } from './infer-columns.ts';
import { parquetToCsv } from './parquet-to-csv.ts';
import { sampleUpload } from './scan-upload.ts';
import { detectDelimiter, type UploadFormat } from './upload-target.ts';

export interface UploadColumns {
  /** The delimited text holding the rows: the file itself, or the Parquet file converted. */
  csvPath: string;
  delimiter: string;
  headerLine: number;
  columns: InferredColumn[];
  source: 'inferred' | 'parquet';
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

export async function uploadColumns(
  path: string,
  file: { format: UploadFormat; delimiter?: string },
  options: { tempDir: string; sampleRows: number },
): Promise<UploadColumns> {
  if (file.format === 'parquet') {
    const csvPath = join(options.tempDir, 'parquet.csv');
    const declared = await parquetToCsv(path, csvPath);
    const names = columnNames(declared.map((c) => c.header));
    const sampled = await sampleUpload(csvPath, ',', 3);
    const columns = declared.map((c, i) => ({
      ...c,
      name: names[i] as string,
      examples: sampled.sample.map((row) => row[i] ?? '').filter((v) => v !== ''),
      empty: 0,
    }));
    return { csvPath, delimiter: ',', headerLine: sampled.headerLine, columns, source: 'parquet' };
  }
  const delimiter = file.delimiter ?? detectDelimiter(firstLine(path));
  const sampled = await sampleUpload(path, delimiter, options.sampleRows);
  return {
    csvPath: path,
    delimiter,
    headerLine: sampled.headerLine,
    columns: inferColumns(sampled.headers, sampled.sample),
    source: 'inferred',
  };
}
