/**
 * The accountants' files in a folder (the demo's accountants/, or a local copy of the bucket's
 * prefix): every .csv and .xlsx, sorted by name so runs load them in the same order. Excel's lock
 * files (~$name.xlsx) and hidden files are left out.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { CodedError, ErrorCode } from '../../core/coded-error.ts';
import { sheetFormatOf } from '../file-loads/sheet-rows.ts';

export function accountantFilesIn(dir: string): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    throw new CodedError(
      ErrorCode.PathUnreadable,
      `Cannot read the accountants' folder ${dir}; check that it exists`,
    );
  }
  return names
    .filter((name) => !name.startsWith('.') && !name.startsWith('~$'))
    .filter((name) => sheetFormatOf(name) !== undefined && !name.toLowerCase().endsWith('.txt'))
    .sort()
    .map((name) => join(dir, name));
}
