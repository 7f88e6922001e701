/**
 * Streams rows to an RFC 4180 CSV file (UTF-8, '\n', quotes only when needed). Rows are
 * collected into a ~64 KB string and written synchronously, so memory stays flat no matter how
 * many rows a table has, and no row is ever lost to an unflushed stream.
 */
import { closeSync, openSync, writeSync } from 'node:fs';

export type CsvValue = string | number | boolean | null | undefined;

const FLUSH_AT = 64 * 1024;
const NEEDS_QUOTES = /[",\r\n]/;

/** One field: empty for NULL, 0/1 for booleans, quoted only when it holds a comma, quote or line break. */
export function csvField(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'boolean') return value ? '1' : '0';
  if (typeof value === 'number') return String(value);
  return NEEDS_QUOTES.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

export function csvLine(values: readonly CsvValue[]): string {
  let line = '';
  for (let i = 0; i < values.length; i++) line += (i === 0 ? '' : ',') + csvField(values[i]);
  return line;
}

/** Integer cents as a decimal string with two places ('-12.05'), with no float rounding on the way. */
export function money(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(Math.round(cents));
  const frac = abs % 100;
  return `${sign}${Math.floor(abs / 100)}.${frac < 10 ? '0' : ''}${frac}`;
}

export class CsvWriter {
  rows = 0;
  private buffer = '';
  private fd: number | undefined;

  constructor(
    readonly path: string,
    header: readonly string[],
  ) {
    this.fd = openSync(path, 'w');
    this.buffer = `${csvLine(header)}\n`;
  }

  row(values: readonly CsvValue[]): void {
    this.line(csvLine(values));
  }

  /** A row already formatted by the caller (hot loops build it with a template string). */
  line(text: string): void {
    this.buffer += `${text}\n`;
    this.rows++;
    if (this.buffer.length >= FLUSH_AT) this.flush();
  }

  flush(): void {
    if (this.fd === undefined) throw new Error(`CSV file already closed: ${this.path}`);
    if (this.buffer.length > 0) writeSync(this.fd, this.buffer);
    this.buffer = '';
  }

  close(): void {
    if (this.fd === undefined) return;
    this.flush();
    closeSync(this.fd);
    this.fd = undefined;
  }
}
