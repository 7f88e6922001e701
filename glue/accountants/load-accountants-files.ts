/**
 * Loads the accountants' files (CSV and XLSX expense reports and bank statements) into
 * dw.fact_expense and dw.fact_bank_transaction. A bad row never stops the load: it goes to
 * meta.load_rejects with its file, line, column, raw value and reason. A bad file (unreadable,
 * no header the loader knows) is one reject and the others go on.
 *
 * Idempotent and crash-safe without a transaction API: a file is keyed by its name and the
 * SHA-256 of its bytes. The same name and hash in meta.loaded_files means it is fully in, and it
 * is skipped. Otherwise its clean rows are staged in a table of their own, and one atomic script
 * (commit-file-load.ts) deletes the file's old rows and rejects, inserts the new ones and writes
 * the marker last. A crash before that script changes nothing; a rerun loads the file again.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { CodedError, ErrorCode } from '../../core/coded-error.ts';
import type { Warehouse } from '../../db/warehouse.ts';
import {
  commitFileLoad,
  ensureFileLoadTables,
  type FileLoadIdentity,
  loadedFiles,
  loadTimestamp,
  type StageFileOption,
  stageName,
} from '../file-loads/commit-file-load.ts';
import type { LoadReject } from '../file-loads/load-reject.ts';
import { writeStagedCsv } from '../file-loads/staged-csv.ts';
import type { OnWarehouseProgress } from '../warehouse-progress.ts';
import type { AccountantFileKind } from './accountant-layouts.ts';
import { TARGETS } from './accountant-targets.ts';
import { type ControlCheck, controlCheck } from './control-check.ts';
import { openAccountantFile } from './open-accountant-file.ts';
import type { AccountantFileContents } from './read-accountant-file.ts';

export interface AccountantFileInput {
  path: string;
  /** The name rows and rejects carry (source_file, file_name); the file's base name by default. */
  name?: string;
}

export interface AccountantFileResult {
  file: string;
  kind: AccountantFileKind | 'unrecognised';
  /** loaded: rows replaced; unchanged: same content already in; unrecognised: the whole file rejected. */
  status: 'loaded' | 'unchanged' | 'unrecognised';
  rowsLoaded: number;
  rowsRejected: number;
  /** The file's own total (expenses) or closing balance (statements) against the loaded rows. */
  check?: ControlCheck;
}

export interface LoadAccountantsOptions extends StageFileOption {
  onProgress?: OnWarehouseProgress;
  now?: () => Date;
}

export interface LoadAccountantsResult {
  files: AccountantFileResult[];
  rowsLoaded: number;
  rowsRejected: number;
  elapsedMs: number;
}

const UNRECOGNISED_TARGET = 'unrecognised';
const KIND_OF_TARGET = new Map<string, AccountantFileKind>(
  Object.entries(TARGETS).map(([kind, target]) => [target.table, kind as AccountantFileKind]),
);
/** A file that changed kind (or was unreadable) leaves no rows behind in another table. */
const dropFileRows = (batch: string): string[] =>
  Object.values(TARGETS).map(
    (t) => `DELETE FROM ${t.table} WHERE source_file IN (SELECT file_name FROM ${batch})`,
  );

export async function loadAccountantsFiles(
  warehouse: Warehouse,
  files: readonly (string | AccountantFileInput)[],
  options: LoadAccountantsOptions = {},
): Promise<LoadAccountantsResult> {
  const start = performance.now();
  const stage = "loading accountants' files";
  await ensureFileLoadTables(warehouse);
  const dw = new Set((await warehouse.listRelations('dw')).map((r) => r.name));
  if (!dw.has('fact_expense') || !dw.has('dim_account')) {
    throw new CodedError(
      ErrorCode.EtlLoadFailed,
      "dw.fact_expense or dw.dim_account is missing: apply the warehouse schema (shoebox etl) before loading the accountants' files",
    );
  }
  const tempDir = mkdtempSync(join(tmpdir(), 'shoebox-accountants-'));
  const results: AccountantFileResult[] = [];
  // One load time for the run: every row, reject and marker it writes carries it.
  const loadedAt = loadTimestamp(options.now?.());
  try {
    for (const [index, input] of files.entries()) {
      options.onProgress?.({ stage, done: index, total: files.length });
      const file = typeof input === 'string' ? { path: input } : input;
      results.push(await loadOneFile(warehouse, file, { ...options, tempDir, loadedAt }));
    }
    options.onProgress?.({ stage, done: files.length, total: files.length });
  } finally {
    rmSync(tempDir, { recursive: true, force: true });
  }
  return {
    files: results,
    rowsLoaded: results.reduce((sum, r) => sum + r.rowsLoaded, 0),
    rowsRejected: results.reduce((sum, r) => sum + r.rowsRejected, 0),
    elapsedMs: Math.round(performance.now() - start),
  };
}

async function loadOneFile(
  warehouse: Warehouse,
  input: AccountantFileInput,
  options: LoadAccountantsOptions & { tempDir: string; loadedAt: string },
): Promise<AccountantFileResult> {
  const fileName = input.name ?? basename(input.path);
  const contentHash = createHash('sha256').update(readFileSync(input.path)).digest('hex');
  // Same name and bytes as last loaded: nothing to read, nothing to write.
  const previous = (await loadedFiles(warehouse, 'accountants', { fileName }))[0];
  if (previous?.contentHash === contentHash) {
    const { rowsLoaded, rowsRejected } = previous;
    const kind = KIND_OF_TARGET.get(previous.targetTable) ?? 'unrecognised';
    return { file: fileName, kind, status: 'unchanged', rowsLoaded, rowsRejected };
  }
  const contents = await openAccountantFile(input.path);
  const recognised = 'layout' in contents && contents.layout !== undefined;
  const targetTable = recognised ? (contents.layout?.target as string) : UNRECOGNISED_TARGET;
  const kind = recognised ? (contents.layout?.kind as AccountantFileKind) : 'unrecognised';
  const identity: FileLoadIdentity = {
    loader: 'accountants',
    fileName,
    contentHash,
    targetTable,
    loadedAt: options.loadedAt,
  };
  const stage = stageName();
  if (!recognised) {
    const reject = contents as LoadReject;
    await commitFileLoad(warehouse, identity, [reject], dropFileRows, {
      ...options,
      stage,
      rowsLoaded: 0,
      rowsRejected: 1,
      replaces: 'file',
    });
    return { file: fileName, kind, status: 'unrecognised', rowsLoaded: 0, rowsRejected: 1 };
  }
  const file = contents as AccountantFileContents;
  const target = TARGETS[file.layout?.kind as AccountantFileKind];
  const rowsTable = `${stage}_rows`;
  try {
    await warehouse.execute(
      `CREATE TABLE meta.${rowsTable} AS SELECT ${target.stagedColumns.join(', ')} FROM ${target.table} WHERE 1 = 0`,
    );
    if (file.rows.length > 0) {
      const path = join(options.tempDir, `${stage}-rows.csv`);
      await writeStagedCsv(
        path,
        target.csvColumns,
        file.rows.map((row) => target.csvRow(row, identity)),
      );
      await warehouse.loadStagedFile('meta', rowsTable, {
        location: options.stageFile ? await options.stageFile(path) : path,
        format: 'csv',
        headerLines: 1,
        columns: [...target.csvColumns],
      });
    }
    for (const statement of target.enrich(`meta.${rowsTable}`)) await warehouse.execute(statement);
    const columns = target.stagedColumns.join(', ');
    await commitFileLoad(
      warehouse,
      identity,
      file.rejects,
      (batch) => [
        ...dropFileRows(batch),
        `INSERT INTO ${target.table} (${columns}) SELECT ${columns} FROM meta.${rowsTable}`,
      ],
      {
        ...options,
        stage,
        rowsLoaded: file.rows.length,
        rowsRejected: file.rejects.length,
        replaces: 'file',
      },
    );
  } finally {
    await warehouse.execute(`DROP TABLE IF EXISTS meta.${rowsTable}`).catch(() => undefined);
  }
  return {
    file: fileName,
    kind,
    status: 'loaded',
    rowsLoaded: file.rows.length,
    rowsRejected: file.rejects.length,
    check: controlCheck(file),
  };
}
