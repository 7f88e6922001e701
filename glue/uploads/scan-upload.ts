/**
 * The two passes over an uploaded delimited file: a sample from the top for type inference, then
 * every row, checked against the columns' types and written clean for the warehouse, or
 * rejected with its line, column, raw value and reason. Reading streams: memory stays flat
 * however long the file.
 */
import { CodedError, ErrorCode } from '../../core/coded-error.ts';
import type { LoadReject } from '../file-loads/load-reject.ts';
import { cellText, readSheetRows, type SheetRow } from '../file-loads/sheet-rows.ts';
import type { StagedCsv } from '../file-loads/staged-csv.ts';
import { type ColumnType, checkValue, describeType } from './column-kinds.ts';

/** Rejects kept row by row; past this many, one more reject says how many others there were. */
export const MAX_STORED_REJECTS = 10_000;

function isBlankRow(row: SheetRow): boolean {
  return row.cells.every((cell) => cellText(cell).trim() === '');
}

export async function sampleUpload(
  path: string,
  delimiter: string,
  sampleRows: number,
): Promise<{ headers: string[]; headerLine: number; sample: string[][] }> {
  let header: SheetRow | undefined;
  const sample: string[][] = [];
  for await (const row of readSheetRows(path, 'csv', { delimiter })) {
    if (isBlankRow(row)) continue;
    if (!header) header = row;
    else if (row.cells.length === header.cells.length) sample.push(row.cells.map((c) => cellText(c).trim()));
    if (sample.length >= sampleRows) break;
  }
  if (!header)
    throw new CodedError(ErrorCode.LoadFileInvalid, `${path} holds no header row: there is nothing to load`);
  if (sample.length === 0) {
    throw new CodedError(
      ErrorCode.LoadFileInvalid,
      `${path} has a header but no data rows: there is nothing to load`,
    );
  }
  return { headers: header.cells.map((c) => cellText(c).trim()), headerLine: header.line, sample };
}

export interface ScanResult {
  rowsLoaded: number;
  rowsRejected: number;
  rejects: LoadReject[];
}

export async function writeCleanRows(
  path: string,
  options: {
    delimiter: string;
    headerLine: number;
    columns: readonly { header: string; type: ColumnType }[];
    out: StagedCsv;
    onBytes?: (bytes: number) => void;
  },
): Promise<ScanResult> {
  const result: ScanResult = { rowsLoaded: 0, rowsRejected: 0, rejects: [] };
  const reject = (item: LoadReject) => {
    result.rowsRejected++;
    if (result.rejects.length < MAX_STORED_REJECTS) result.rejects.push(item);
  };
  const width = options.columns.length;
  for await (const row of readSheetRows(path, 'csv', {
    delimiter: options.delimiter,
    onUnreadable: (line) =>
      reject({
        line: line.line,
        column: null,
        columnType: null,
        rawValue: null,
        rawLine: line.raw,
        reason: 'unreadable line',
        message: line.message,
      }),
  })) {
    if (row.bytes !== undefined && row.line % 5000 === 0) options.onBytes?.(row.bytes);
    if (row.line <= options.headerLine || isBlankRow(row)) continue;
    if (row.cells.length !== width) {
      reject({
        line: row.line,
        column: null,
        columnType: null,
        rawValue: null,
        rawLine: row.raw,
        reason: 'wrong column count',
        message: `${row.cells.length} fields where the header has ${width}`,
      });
      continue;
    }
    const clean: (string | null)[] = [];
    let bad: LoadReject | undefined;
    for (const [i, column] of options.columns.entries()) {
      const raw = cellText(row.cells[i] ?? null);
      const text = column.type.kind === 'text' ? raw : raw.trim();
      if (text === '') {
        clean.push(null);
        continue;
      }
      const checked = checkValue(column.type, text);
      if (!checked.ok) {
        bad = {
          line: row.line,
          column: column.header,
          columnType: describeType(column.type),
          rawValue: raw,
          rawLine: row.raw,
          reason: column.type.kind === 'text' ? 'value too long' : `invalid ${column.type.kind}`,
          message: `${checked.message}; the column was typed ${describeType(column.type)} from the sample`,
        };
        break;
      }
      clean.push(checked.value);
    }
    if (bad) reject(bad);
    else {
      const full = options.out.write(clean);
      if (full) await full;
      result.rowsLoaded++;
    }
  }
  if (result.rowsRejected > result.rejects.length) {
    result.rejects.push({
      line: 0,
      column: null,
      columnType: null,
      rawValue: null,
      rawLine: '',
      reason: 'more rejects',
      message: `${result.rowsRejected - MAX_STORED_REJECTS} more rows were rejected and not listed one by one`,
    });
  }
  return result;
}
