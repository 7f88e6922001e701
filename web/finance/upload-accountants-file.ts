/**
 * An accountants' file uploaded in the browser, loaded through the pipeline's own loader
 * (glue/accountants/load-accountants-files.ts): same layouts, same rejects in meta.load_rejects,
 * same idempotency by name and content. The bytes go to a private temporary folder first.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CodedError, ErrorCode } from '../../core/coded-error.ts';
import type { Warehouse } from '../../db/warehouse.ts';
import {
  type AccountantFileResult,
  loadAccountantsFiles,
} from '../../glue/accountants/load-accountants-files.ts';

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

export async function uploadAccountantsFile(
  warehouse: Warehouse,
  name: string,
  bytes: Buffer,
): Promise<{ result: AccountantFileResult; rejects: UploadReject[] }> {
  if (warehouse.dialect === 'redshift') {
    throw new CodedError(
      ErrorCode.NotImplemented,
      "Uploading into Redshift needs the file staged in S3 first: put it in the accountants' bucket prefix and run the pipeline.",
    );
  }
  if (bytes.length === 0) throw new CodedError(ErrorCode.LoadFileInvalid, `${name} is empty.`);
  const dir = mkdtempSync(join(tmpdir(), 'shoebox-upload-'));
  try {
    const path = join(dir, 'upload' + name.slice(name.lastIndexOf('.')).toLowerCase());
    writeFileSync(path, bytes, { mode: 0o600 });
    const loaded = await loadAccountantsFiles(warehouse, [{ path, name }]);
    return { result: loaded.files[0] as AccountantFileResult, rejects: await readRejects(warehouse, name) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
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
