/**
 * Loads extract files as they are into raw warehouse tables: each table is built beside the old
 * one and swapped in only once complete, so a crash never leaves a half-loaded table. A marker
 * row (meta.raw_loads) records which extract was loaded, so a rerun of the same one is skipped.
 * The pipelines (extract by watermark, merge, transform, reconcile) build on these raw tables.
 */
import { CodedError, ErrorCode } from '../core/coded-error.ts';
import type { Warehouse } from '../db/warehouse.ts';
import { toWarehouseType } from './sqlserver-types.ts';

export interface RawTableSpec {
  name: string;
  columns: readonly { name: string; type: string }[];
}

export interface RawTableFile {
  spec: RawTableSpec;
  /** Local CSV path with one header line. */
  path: string;
}

export interface RawLoadProgress {
  stage: string;
  done: number;
  total: number;
}

export interface RawLoadOptions {
  schema: string;
  /** Names the extract (e.g. the demo manifest's hash); a load of the same fingerprint is skipped. */
  fingerprint: string;
  source: string;
  force?: boolean;
  onProgress?: (progress: RawLoadProgress) => void;
}

export interface RawLoadResult {
  skipped: boolean;
  tables: { name: string; rows: number }[];
}

const IDENTIFIER = /^[a-z_][a-z0-9_]*$/;

export async function loadRawTables(
  warehouse: Warehouse,
  files: readonly RawTableFile[],
  options: RawLoadOptions,
): Promise<RawLoadResult> {
  for (const name of [
    options.schema,
    ...files.map((f) => f.spec.name),
    ...files.flatMap((f) => f.spec.columns.map((c) => c.name)),
  ]) {
    if (!IDENTIFIER.test(name)) {
      throw new CodedError(
        ErrorCode.BadArgument,
        `"${name}" is not a plain lower-case identifier; raw tables need simple names`,
      );
    }
  }
  if (!options.force && (await lastLoadedFingerprint(warehouse, options.source)) === options.fingerprint) {
    return { skipped: true, tables: [] };
  }
  await warehouse.execute(`CREATE SCHEMA IF NOT EXISTS ${options.schema}`);
  const tables: RawLoadResult['tables'] = [];
  const stage = `loading ${options.schema} tables`;
  for (const [index, file] of files.entries()) {
    options.onProgress?.({ stage, done: index, total: files.length });
    tables.push({ name: file.spec.name, rows: await loadOneTable(warehouse, options.schema, file) });
  }
  options.onProgress?.({ stage, done: files.length, total: files.length });
  await recordLoad(warehouse, options.source, options.fingerprint, tables.length);
  return { skipped: false, tables };
}

async function loadOneTable(warehouse: Warehouse, schema: string, file: RawTableFile): Promise<number> {
  const { name, columns } = file.spec;
  const loading = `${name}__loading`;
  const columnDdl = columns.map((c) => `${c.name} ${toWarehouseType(c.type, warehouse.dialect)}`).join(', ');
  await warehouse.execute(`DROP TABLE IF EXISTS ${schema}.${loading}`);
  await warehouse.execute(`CREATE TABLE ${schema}.${loading} (${columnDdl})`);
  const { rowsLoaded } = await warehouse.loadStagedFile(schema, loading, {
    location: file.path,
    format: 'csv',
    headerLines: 1,
    columns: columns.map((c) => c.name),
  });
  await warehouse.execute(`DROP TABLE IF EXISTS ${schema}.${name}`);
  await warehouse.execute(`ALTER TABLE ${schema}.${loading} RENAME TO ${name}`);
  return rowsLoaded;
}

async function lastLoad(warehouse: Warehouse, source: string): Promise<Record<string, unknown> | undefined> {
  const relations = await warehouse.listRelations('meta');
  if (!relations.some((r) => r.name === 'raw_loads')) return undefined;
  const result = await warehouse.query(
    'SELECT fingerprint, loaded_at FROM meta.raw_loads WHERE source = $1 ORDER BY loaded_at DESC LIMIT 1',
    [source],
  );
  return result.rows[0];
}

export async function lastLoadedFingerprint(
  warehouse: Warehouse,
  source: string,
): Promise<string | undefined> {
  const value = (await lastLoad(warehouse, source))?.fingerprint;
  return typeof value === 'string' ? value : undefined;
}

/** When the extract from `source` was last loaded (ISO time), for freshness. */
export async function lastLoadedAtOf(warehouse: Warehouse, source: string): Promise<string | undefined> {
  const value = (await lastLoad(warehouse, source))?.loaded_at;
  return typeof value === 'string' ? value : undefined;
}

/** Records that the extract named `fingerprint` from `source` is fully in; reruns compare against it. */
export async function recordLoad(
  warehouse: Warehouse,
  source: string,
  fingerprint: string,
  tableCount: number,
): Promise<void> {
  await warehouse.execute('CREATE SCHEMA IF NOT EXISTS meta');
  await warehouse.execute(
    'CREATE TABLE IF NOT EXISTS meta.raw_loads (source VARCHAR(64), fingerprint VARCHAR(128), table_count INTEGER, loaded_at TIMESTAMP)',
  );
  await warehouse.execute('INSERT INTO meta.raw_loads VALUES ($1, $2, $3, CURRENT_TIMESTAMP)', [
    source,
    fingerprint,
    tableCount,
  ]);
}
