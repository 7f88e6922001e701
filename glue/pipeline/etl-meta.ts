/**
 * The pipeline's own tables in the warehouse's meta schema:
 *  - meta.etl_runs: one row per run (id, source, mode, start, end, status, rows and watermarks
 *    per table as JSON, error);
 *  - meta.etl_tables: per source table, the watermark reached, the rows of the last merge, when
 *    they were merged and by which run (written in the merge transaction);
 *  - meta.etl_pending: a source whose merge committed but whose transform has not finished.
 */
import type { Warehouse } from '../../db/warehouse.ts';

const DDL = [
  'CREATE SCHEMA IF NOT EXISTS meta',
  'CREATE TABLE IF NOT EXISTS meta.etl_runs (run_id VARCHAR(40), source VARCHAR(64), mode VARCHAR(16), started_at TIMESTAMP, ended_at TIMESTAMP, status VARCHAR(16), rows_json VARCHAR(4000), watermarks_json VARCHAR(4000), error VARCHAR(4000))',
  'CREATE TABLE IF NOT EXISTS meta.etl_tables (source VARCHAR(64), table_name VARCHAR(128), watermark VARCHAR(40), rows_merged BIGINT, loaded_at TIMESTAMP, run_id VARCHAR(40))',
  'CREATE TABLE IF NOT EXISTS meta.etl_pending (source VARCHAR(64), run_id VARCHAR(40))',
];

export async function ensureEtlMeta(warehouse: Warehouse): Promise<void> {
  for (const sql of DDL) await warehouse.execute(sql);
}

export async function readWatermarks(warehouse: Warehouse, source: string): Promise<Map<string, bigint>> {
  const { rows } = await warehouse.query(
    'SELECT table_name, watermark FROM meta.etl_tables WHERE source = $1',
    [source],
  );
  return new Map(rows.map((r) => [String(r.table_name), BigInt(String(r.watermark))]));
}

export async function transformPending(warehouse: Warehouse, source: string): Promise<boolean> {
  const { rows } = await warehouse.query('SELECT COUNT(*) AS n FROM meta.etl_pending WHERE source = $1', [
    source,
  ]);
  return Number(rows[0]?.n ?? 0) > 0;
}

export async function clearTransformPending(warehouse: Warehouse, source: string): Promise<void> {
  await warehouse.execute('DELETE FROM meta.etl_pending WHERE source = $1', [source]);
}

export async function recordRunStart(
  warehouse: Warehouse,
  run: { runId: string; source: string; mode: string; at: Date },
): Promise<void> {
  // Runs left 'running' by a crash: the lock is ours, so nobody else is running them.
  await warehouse.execute(
    "UPDATE meta.etl_runs SET status = 'abandoned' WHERE source = $1 AND status = 'running'",
    [run.source],
  );
  await warehouse.execute(
    "INSERT INTO meta.etl_runs (run_id, source, mode, started_at, status) VALUES ($1, $2, $3, CAST($4 AS TIMESTAMP), 'running')",
    [run.runId, run.source, run.mode, run.at],
  );
}

export interface RunOutcome {
  status: 'succeeded' | 'failed';
  at: Date;
  rows: Record<string, number>;
  watermarks: Record<string, string>;
  error?: string;
}

export async function recordRunEnd(warehouse: Warehouse, runId: string, outcome: RunOutcome): Promise<void> {
  await warehouse.execute(
    'UPDATE meta.etl_runs SET ended_at = CAST($2 AS TIMESTAMP), status = $3, rows_json = $4, watermarks_json = $5, error = $6 WHERE run_id = $1',
    [
      runId,
      outcome.at,
      outcome.status,
      JSON.stringify(outcome.rows),
      JSON.stringify(outcome.watermarks),
      outcome.error === undefined ? null : outcome.error.slice(0, 3900),
    ],
  );
}
