/** Upload names and the rejected rows of an accountants' file, as meta.load_rejects holds them. */
import { CodedError, ErrorCode } from '../../core/coded-error.ts';
import type { Warehouse } from '../../db/warehouse.ts';

export interface UploadReject {
  file: string;
  line: number;
  column: string | null;
  value: string | null;
  reason: string;
  message: string;
}

/** "Expenses July.xlsx" is fine; a path, a control character or another extension is refused. */
export function checkUploadName(name: string | undefined): string {
  const clean = (name ?? '').trim();
  if (!/^[A-Za-z0-9][A-Za-z0-9 ._()-]{0,120}\.(csv|xlsx)$/i.test(clean)) {
    throw new CodedError(
      ErrorCode.LoadFileInvalid,
      'Upload a .csv or .xlsx file whose name has only letters, digits, spaces, ".", "_", "-" or brackets.',
    );
  }
  return clean;
}

export async function readRejects(warehouse: Warehouse, name: string): Promise<UploadReject[]> {
  const { rows } = await warehouse.query(
    `SELECT file_name, line_number, column_name, raw_field_value, error_code, error_message
       FROM meta.load_rejects WHERE loader = 'accountants' AND file_name = $1 ORDER BY line_number LIMIT 500`,
    [name],
  );
  return rows.map((r) => ({
    file: String(r.file_name),
    line: Number(r.line_number),
    column: r.column_name === null ? null : String(r.column_name),
    value: r.raw_field_value === null ? null : String(r.raw_field_value),
    reason: String(r.error_code),
    message: String(r.error_message),
  }));
}
