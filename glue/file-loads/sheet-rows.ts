/**
 * Reads a spreadsheet-like file row by row, whatever it was saved as: CSV through csv-parse
 * (BOM, CRLF, quoted commas and line breaks, ragged rows), XLSX through exceljs (the first
 * worksheet; real date and number cells kept as such). Each row keeps its 1-based line number in
 * the file and its raw text, which is what a reject needs to point a person at the problem.
 */
import { createReadStream } from 'node:fs';
import { parse } from 'csv-parse';
import ExcelJS from 'exceljs';

/** A cell as the file holds it: text, a number, a date (XLSX date cells), a boolean or empty. */
export type CellValue = string | number | Date | boolean | null;

export interface SheetRow {
  /** 1-based line of the file (CSV) or row of the sheet (XLSX) where the row starts. */
  line: number;
  cells: CellValue[];
  /** The row as written: the CSV text, or the XLSX cells' text joined by commas. */
  raw: string;
  /** CSV: bytes read so far, for progress. */
  bytes?: number;
}

export interface UnreadableLine {
  line: number;
  raw: string;
  message: string;
}

export interface SheetReadOptions {
  /** CSV field separator; ',' by default. */
  delimiter?: string;
  /** A CSV record csv-parse cannot read (e.g. a stray quote): reported here, and reading goes on. */
  onUnreadable?: (line: UnreadableLine) => void;
}

export function sheetFormatOf(path: string): 'csv' | 'xlsx' | undefined {
  const lower = path.toLowerCase();
  if (lower.endsWith('.csv') || lower.endsWith('.txt')) return 'csv';
  if (lower.endsWith('.xlsx')) return 'xlsx';
  return undefined;
}

export function readSheetRows(
  path: string,
  format: 'csv' | 'xlsx',
  options: SheetReadOptions = {},
): AsyncIterable<SheetRow> {
  // The CSV parser is returned as it is: wrapping a million rows in a generator costs seconds.
  return format === 'xlsx' ? readXlsxRows(path) : readCsvRows(path, options);
}

function readCsvRows(path: string, options: SheetReadOptions): AsyncIterable<SheetRow> {
  let lastSkipped = -1;
  const parser = createReadStream(path).pipe(
    parse({
      bom: true,
      delimiter: options.delimiter ?? ',',
      relax_column_count: true,
      skip_empty_lines: false,
      skip_records_with_error: true,
      raw: true,
      // One bad line can raise several errors (each stray quote): report the line once.
      on_skip: (error, raw) => {
        const line = Number(error?.lines ?? 0);
        if (line === lastSkipped) return undefined;
        lastSkipped = line;
        options.onUnreadable?.({
          line,
          raw: (raw ?? '').replace(/\r?\n?$/, ''),
          message: error?.message ?? 'unreadable line',
        });
        return undefined;
      },
      // The row's line and bytes from the parser's context: cheaper than `info`, which copies it.
      on_record: (parsed, context) => {
        const item = parsed as unknown as { record: string[]; raw: string };
        // raw ends with the record delimiter, or part of it: '\n', '\r' or '\r\n'.
        let raw = item.raw.endsWith('\n') ? item.raw.slice(0, -1) : item.raw;
        if (raw.endsWith('\r')) raw = raw.slice(0, -1);
        let embedded = 0;
        for (let at = raw.indexOf('\n'); at !== -1; at = raw.indexOf('\n', at + 1)) embedded++;
        const row: SheetRow = {
          line: context.lines - embedded,
          cells: item.record,
          raw,
          bytes: context.bytes,
        };
        return row as unknown as typeof parsed;
      },
    }),
  );
  return parser as AsyncIterable<SheetRow>;
}

async function* readXlsxRows(path: string): AsyncGenerator<SheetRow> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  const sheet = workbook.worksheets[0];
  if (!sheet) return;
  for (let line = 1; line <= sheet.rowCount; line++) {
    const row = sheet.getRow(line);
    const cells: CellValue[] = [];
    for (let column = 1; column <= row.cellCount; column++) cells.push(cellValue(row.getCell(column).value));
    yield { line, cells, raw: cells.map(cellText).join(',') };
  }
}

/** exceljs' cell value shapes (rich text, formulas, errors, hyperlinks) down to a plain value. */
function cellValue(value: ExcelJS.CellValue): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (value instanceof Date) return value;
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('error' in value) return value.error;
  if ('result' in value) return cellValue(value.result as ExcelJS.CellValue);
  if ('text' in value) return String(value.text);
  return null;
}

export function cellText(value: CellValue): string {
  if (value === null) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return String(value);
}
