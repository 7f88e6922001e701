/**
 * A value a file loader refused, shaped like a row of Redshift's SYS_LOAD_ERROR_DETAIL (file,
 * line, column, its type, the raw value and line, an error code and message), and the table
 * columns meta.load_rejects stores it in.
 */
import type { CsvCell } from './staged-csv.ts';

export interface LoadReject {
  line: number;
  column: string | null;
  columnType: string | null;
  rawValue: string | null;
  rawLine: string;
  /** Stable reason, e.g. 'missing date', 'unparseable amount', 'wrong column count'. */
  reason: string;
  message: string;
}

/** A reject about a whole line (or, with line 0, the whole file): no single column to blame. */
export function lineReject(line: number, rawLine: string, reason: string, message: string): LoadReject {
  return { line, column: null, columnType: null, rawValue: null, rawLine, reason, message };
}

export const REJECT_COLUMNS = [
  'loader',
  'file_name',
  'content_hash',
  'target_table',
  'line_number',
  'column_name',
  'column_type',
  'raw_field_value',
  'raw_line',
  'error_code',
  'error_message',
  'loaded_at',
] as const;

/** Cut to the column's width, so a long raw line never makes its own reject fail to load. */
function clip(value: string | null, width: number): string | null {
  return value === null ? null : value.length > width ? `${value.slice(0, width - 3)}...` : value;
}

export function rejectRow(
  reject: LoadReject,
  file: { loader: string; fileName: string; contentHash: string; targetTable: string; loadedAt: string },
): CsvCell[] {
  return [
    file.loader,
    file.fileName,
    file.contentHash,
    file.targetTable,
    String(reject.line),
    reject.column,
    reject.columnType,
    clip(reject.rawValue, 1000),
    clip(reject.rawLine, 3900),
    reject.reason,
    clip(reject.message, 1000),
    file.loadedAt,
  ];
}
