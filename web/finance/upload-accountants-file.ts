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
import { readRejects, type UploadReject } from './upload-reject-rows.ts';

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
    const path = join(dir, `upload${name.slice(name.lastIndexOf('.')).toLowerCase()}`);
    writeFileSync(path, bytes, { mode: 0o600 });
    const loaded = await loadAccountantsFiles(warehouse, [{ path, name }]);
    return { result: loaded.files[0] as AccountantFileResult, rejects: await readRejects(warehouse, name) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
