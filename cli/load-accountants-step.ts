/**
 * The accountants' files as a step of every `shoebox etl run` and `npm start`: after the
 * transform (an expense's account comes from dw.dim_account), every file in the folder through
 * loadAccountantsFiles. Files already in with the same content are skipped (hashed, not parsed),
 * so a rerun costs milliseconds; the transform never rebuilds dw.fact_expense, so rows stay.
 */
import { existsSync } from 'node:fs';
import type { Warehouse } from '../db/warehouse.ts';
import { accountantFilesIn } from '../glue/accountants/accountant-files-in.ts';
import {
  type LoadAccountantsResult,
  loadAccountantsFiles,
} from '../glue/accountants/load-accountants-files.ts';
import type { OnWarehouseProgress } from '../glue/warehouse-progress.ts';

/** Loads the folder's files; undefined when there is no folder (a source without one). */
export async function loadAccountantsStep(
  warehouse: Warehouse,
  dir: string | undefined,
  onProgress?: OnWarehouseProgress,
): Promise<LoadAccountantsResult | undefined> {
  if (dir === undefined || !existsSync(dir)) return undefined;
  return loadAccountantsFiles(warehouse, accountantFilesIn(dir), { onProgress });
}

/** "24 accountants' files: 2 loaded (180 rows, 4 rejected), 22 unchanged", for the run summary. */
export function describeAccountantsLoad(result: LoadAccountantsResult): string {
  const count = (status: string) => result.files.filter((f) => f.status === status).length;
  const { rows, rejects } = rowsThisRun(result);
  const parts = [
    `${count('loaded')} loaded (${rows.toLocaleString('en-US')} rows, ${rejects.toLocaleString('en-US')} rejected to meta.load_rejects)`,
  ];
  if (count('unchanged') > 0) parts.push(`${count('unchanged')} unchanged`);
  if (count('unrecognised') > 0) parts.push(`${count('unrecognised')} unrecognised (rejected whole)`);
  const failedChecks = result.files.filter((f) => f.check && !f.check.matches).map((f) => f.file);
  const checks = failedChecks.length > 0 ? `; control totals differ in ${failedChecks.join(', ')}` : '';
  return `${result.files.length} accountants' files: ${parts.join(', ')}${checks}.`;
}

/** Rows this run loaded and rejected (an unchanged file reports its earlier load's counts). */
export function rowsThisRun(result: LoadAccountantsResult): { rows: number; rejects: number } {
  const fresh = result.files.filter((f) => f.status !== 'unchanged');
  return {
    rows: fresh.reduce((sum, f) => sum + f.rowsLoaded, 0),
    rejects: fresh.reduce((sum, f) => sum + f.rowsRejected, 0),
  };
}
