/**
 * Writes the clean rows a file loader produced as a plain CSV (RFC 4180, `\n`, one header line)
 * for Warehouse.loadStagedFile. Values are already in the warehouse's forms; null and '' are
 * both an empty field, which every adapter loads as NULL. Writes wait for the stream to drain,
 * so a file of millions of rows never sits in memory.
 */

import { once } from 'node:events';
import { createWriteStream, type WriteStream } from 'node:fs';

export type CsvCell = string | null;

function field(value: CsvCell): string {
  if (value === null) return '';
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

export class StagedCsv {
  private readonly stream: WriteStream;
  rows = 0;

  constructor(
    readonly path: string,
    readonly columns: readonly string[],
  ) {
    this.stream = createWriteStream(path, { encoding: 'utf8' });
    this.stream.write(`${columns.join(',')}\n`);
  }

  /** Resolves at once unless the stream is full: await the result only when there is one. */
  write(cells: readonly CsvCell[]): Promise<void> | undefined {
    this.rows++;
    if (this.stream.write(`${cells.map(field).join(',')}\n`)) return undefined;
    return once(this.stream, 'drain').then(() => undefined);
  }

  async close(): Promise<void> {
    this.stream.end();
    await once(this.stream, 'finish');
  }
}

/** Writes all rows at once (small files: rejects, an accountant's month). */
export async function writeStagedCsv(
  path: string,
  columns: readonly string[],
  rows: readonly (readonly CsvCell[])[],
): Promise<void> {
  const csv = new StagedCsv(path, columns);
  for (const row of rows) await csv.write(row);
  await csv.close();
}
