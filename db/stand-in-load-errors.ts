/**
 * The stand-in's sys_load_error_detail: where a COPY's first bad field was (file, line, column,
 * raw value, reason), written on its own connection so it survives the COPY's rollback, as
 * Redshift's system view keeps a failed load's errors. Columns follow Redshift's view, minus the
 * numeric error_code (not modelled).
 */
import type pg from 'pg';

export interface LoadErrorInfo {
  lineNumber: number | null;
  columnName: string | null;
  columnType: string | null;
  errorMessage: string;
  rawLine: string | null;
  rawFieldValue: string | null;
}

const CAST_ERROR = `CREATE OR REPLACE FUNCTION pg_temp.shoebox_cast_error(v text, t text) RETURNS text
LANGUAGE plpgsql AS $fn$
BEGIN
  EXECUTE format('SELECT CAST(%L AS %s)', v, t);
  RETURN NULL;
EXCEPTION WHEN others THEN
  RETURN SQLERRM;
END
$fn$`;

/** The first (line, column) whose value does not convert, scanning each column of the text table. */
export async function firstBadField(
  client: pg.PoolClient,
  temp: string,
  columns: { type: string; text: boolean }[],
  inner: string[],
): Promise<{ line: number; column: number; raw: string | null; error: string } | undefined> {
  await client.query(CAST_ERROR);
  let best: { line: number; column: number; raw: string | null; error: string } | undefined;
  for (const [i, column] of columns.entries()) {
    const length = column.text ? /\((\d+)\)$/.exec(column.type)?.[1] : undefined;
    if (column.text && length === undefined) continue;
    const problem = column.text
      ? `CASE WHEN length(${inner[i]}) > ${Number(length)} THEN 'String length exceeds DDL length' END`
      : `pg_temp.shoebox_cast_error(${inner[i]}, $1)`;
    const { rows } = await client.query<{ line: string; raw: string | null; error: string }>(
      `SELECT line, raw, error FROM (SELECT __line AS line, c${i} AS raw, ${problem} AS error FROM ${temp}) s
        WHERE error IS NOT NULL ORDER BY line LIMIT 1`,
      column.text ? [] : [column.type],
    );
    const row = rows[0];
    if (row && (best === undefined || Number(row.line) < best.line)) {
      best = { line: Number(row.line), column: i, raw: row.raw, error: row.error };
    }
  }
  return best;
}

export async function recordLoadError(
  pool: pg.Pool,
  error: LoadErrorInfo & { queryId: string; fileName: string; pid: number },
): Promise<void> {
  await pool.query(`CREATE TABLE IF NOT EXISTS public.sys_load_error_detail (
    query_id text, session_id integer, start_time timestamp, file_name text, line_number bigint,
    column_name text, column_type text, error_message text, raw_line text, raw_field_value text)`);
  await pool.query(
    `INSERT INTO public.sys_load_error_detail VALUES ($1, $2, now(), $3, $4, $5, $6, $7, $8, $9)`,
    [
      error.queryId,
      error.pid,
      error.fileName,
      error.lineNumber,
      error.columnName,
      error.columnType,
      error.errorMessage,
      error.rawLine,
      error.rawFieldValue,
    ],
  );
}
