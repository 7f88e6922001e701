/**
 * How fresh the warehouse is, per source and table, from the pipeline's own records
 * (meta.etl_runs, meta.etl_tables): what `shoebox etl status` prints and what the assistant
 * quotes with an answer ("data as of ...").
 */

import { rawSchemaOf } from './raw-schema.ts';
import type { Warehouse } from './warehouse.ts';

export interface TableFreshness {
  source: string;
  table: string;
  /** Rows in the raw table now. */
  rows: number;
  /** When rows of this table last arrived (ISO), and how many. */
  lastChangeAt: string | null;
  lastChangeRows: number;
  watermark: string;
  /** End of the source's last successful run (ISO): the data is complete as of then. */
  lastSuccessAt: string | null;
  /** Seconds from lastSuccessAt to now. */
  lagSeconds: number | null;
}

export interface SourceFreshness {
  source: string;
  lastSuccessAt: string | null;
  lagSeconds: number | null;
  lastRun: {
    runId: string;
    status: string;
    startedAt: string | null;
    endedAt: string | null;
    error: string | null;
  } | null;
}

/** One file a file loader (the accountants' files) has in the warehouse (meta.loaded_files). */
export interface FileFreshness {
  loader: string;
  file: string;
  table: string;
  rowsLoaded: number;
  rowsRejected: number;
  loadedAt: string | null;
  lagSeconds: number | null;
}

export interface DataFreshness {
  sources: SourceFreshness[];
  tables: TableFreshness[];
  files: FileFreshness[];
}

export async function dataFreshness(warehouse: Warehouse, now: Date = new Date()): Promise<DataFreshness> {
  const metaTables = new Set((await warehouse.listRelations('meta')).map((r) => r.name));
  const lag = (at: string | null) =>
    at === null ? null : Math.max(0, Math.round((now.getTime() - Date.parse(at)) / 1000));
  const files: FileFreshness[] = [];
  if (metaTables.has('loaded_files')) {
    const loaded = await warehouse.query(
      `SELECT loader, file_name, target_table, rows_loaded, rows_rejected, loaded_at
         FROM meta.loaded_files ORDER BY loader, file_name`,
    );
    for (const row of loaded.rows) {
      const loadedAt = text(row.loaded_at);
      files.push({
        loader: String(row.loader),
        file: String(row.file_name),
        table: String(row.target_table),
        rowsLoaded: Number(row.rows_loaded),
        rowsRejected: Number(row.rows_rejected),
        loadedAt,
        lagSeconds: lag(loadedAt),
      });
    }
  }
  if (!metaTables.has('etl_runs') || !metaTables.has('etl_tables')) return { sources: [], tables: [], files };
  const runs = await warehouse.query(
    'SELECT run_id, source, status, started_at, ended_at, error FROM meta.etl_runs ORDER BY started_at DESC',
  );
  const sources = new Map<string, SourceFreshness>();
  for (const run of runs.rows) {
    const name = String(run.source);
    const entry = sources.get(name) ?? { source: name, lastSuccessAt: null, lagSeconds: null, lastRun: null };
    entry.lastRun ??= {
      runId: String(run.run_id),
      status: String(run.status),
      startedAt: text(run.started_at),
      endedAt: text(run.ended_at),
      error: text(run.error),
    };
    if (entry.lastSuccessAt === null && run.status === 'succeeded') {
      entry.lastSuccessAt = text(run.ended_at);
      entry.lagSeconds = lag(entry.lastSuccessAt);
    }
    sources.set(name, entry);
  }
  const state = await warehouse.query(
    'SELECT source, table_name, watermark, rows_merged, loaded_at FROM meta.etl_tables ORDER BY source, table_name',
  );
  const tables: TableFreshness[] = [];
  for (const row of state.rows) {
    const source = String(row.source);
    const table = String(row.table_name);
    if (!/^[a-z_][a-z0-9_]*$/.test(source) || !/^[a-z_][a-z0-9_]*$/.test(table)) continue;
    const count = await warehouse.query(`SELECT COUNT(*) AS n FROM ${rawSchemaOf(source)}.${table}`);
    const success = sources.get(source)?.lastSuccessAt ?? null;
    tables.push({
      source,
      table,
      rows: Number(count.rows[0]?.n ?? 0),
      lastChangeAt: text(row.loaded_at),
      lastChangeRows: Number(row.rows_merged ?? 0),
      watermark: String(row.watermark),
      lastSuccessAt: success,
      lagSeconds: lag(success),
    });
  }
  return { sources: [...sources.values()], tables, files };
}

/** End of the source's last successful run (ISO), for "data as of" lines. */
export async function lastSuccessfulRunAt(warehouse: Warehouse, source: string): Promise<string | null> {
  if (!(await warehouse.listRelations('meta')).some((r) => r.name === 'etl_runs')) return null;
  const { rows } = await warehouse.query(
    "SELECT MAX(ended_at) AS at FROM meta.etl_runs WHERE source = $1 AND status = 'succeeded'",
    [source],
  );
  return text(rows[0]?.at);
}

/** One source's last successful load, as an answer quotes it ("data as of ..."). */
export interface LoadFreshness {
  source: string;
  /** ISO 8601 (UTC). */
  lastLoadedAt: string;
  /** Successful loads recorded for the source. */
  loads: number;
}

/**
 * The last successful load per pipeline source (meta.etl_runs) and per file loader
 * (meta.loaded_files), in two small aggregate queries: cheap enough to read with every answer.
 * A warehouse never loaded has neither table: that is no loads, not an error.
 */
export async function readLoadFreshness(warehouse: Warehouse): Promise<LoadFreshness[]> {
  const metaTables = new Set((await warehouse.listRelations('meta')).map((r) => r.name));
  const out: LoadFreshness[] = [];
  const read = async (sql: string) => {
    const { rows } = await warehouse.query(sql, [], { maxRows: 1000, timeoutMs: 10_000 });
    for (const row of rows)
      if (row.at !== null && row.at !== undefined)
        out.push({ source: String(row.source), lastLoadedAt: toIso(row.at), loads: Number(row.loads) });
  };
  if (metaTables.has('etl_runs'))
    await read(
      "SELECT source, MAX(ended_at) AS at, COUNT(*) AS loads FROM meta.etl_runs WHERE status = 'succeeded' GROUP BY source ORDER BY source",
    );
  if (metaTables.has('loaded_files'))
    await read(
      'SELECT loader AS source, MAX(loaded_at) AS at, COUNT(*) AS loads FROM meta.loaded_files GROUP BY loader ORDER BY loader',
    );
  return out;
}

/** Engines hand timestamps back without a zone (stored as UTC): mark them UTC. */
function toIso(value: unknown): string {
  if (value instanceof Date) return value.toISOString();
  const raw = String(value);
  if (/[zZ]|[+-]\d\d:?\d\d$/.test(raw)) return new Date(raw).toISOString();
  return new Date(`${raw.replace(' ', 'T')}Z`).toISOString();
}

function text(value: unknown): string | null {
  return value === null || value === undefined ? null : String(value);
}
