/**
 * The stage stage: each extracted batch becomes one gzip CSV part file, and each table of a run
 * gets a COPY manifest ({"entries":[{"url","mandatory":true}]}) listing its parts, the format
 * Redshift's COPY ... MANIFEST reads from S3 and the local loaders read from disk.
 */
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import { faultPoint } from '../pipeline/fault-points.ts';
import type { SourceColumn, SourceValue } from '../sources/extract-source.ts';
import type { StagingArea } from '../staging/staging-area.ts';
import { csvPart } from './csv-part.ts';

const gzipAsync = promisify(gzip);

/** Where one table's files of one run live. */
export function tablePrefix(runId: string, source: string, table: string): string {
  return `runs/${runId}/${source}/${table}`;
}

export async function stagePart(
  area: StagingArea,
  prefix: string,
  index: number,
  columns: readonly SourceColumn[],
  rows: readonly Record<string, SourceValue>[],
): Promise<string> {
  // Level 1: the parts live minutes; speed matters more than a few percent of size.
  return stagePartBytes(area, prefix, index, await gzipAsync(csvPart(columns, rows), { level: 1 }));
}

/** Stages an already compressed part (a source that writes its own CSV, csv-batch-source.ts). */
export async function stagePartBytes(area: StagingArea, prefix: string, index: number, gzipCsv: Uint8Array) {
  const key = `${prefix}/part-${String(index).padStart(5, '0')}.csv.gz`;
  await area.put(key, gzipCsv);
  faultPoint('stage:after-part');
  return key;
}

/** Writes the table's manifest and returns its key; the load stage hands it to COPY. */
export async function stageManifest(
  area: StagingArea,
  prefix: string,
  parts: readonly string[],
): Promise<string> {
  const key = `${prefix}/manifest.json`;
  const entries = parts.map((part) => ({ url: area.locationOf(part), mandatory: true }));
  await area.put(key, new TextEncoder().encode(JSON.stringify({ entries }, null, 1)));
  faultPoint('stage:after-manifest');
  return key;
}
