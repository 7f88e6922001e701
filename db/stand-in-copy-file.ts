/**
 * One staged file into the target table, inside the caller's transaction: Postgres parses the CSV
 * into a text table (COPY FROM STDIN), then one INSERT ... SELECT converts each field with
 * Redshift's rules. On failure it rolls back to a savepoint and finds the first bad line and
 * column, for sys_load_error_detail. Line numbers assume one line per record.
 */
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { quoteIdent } from './sql-text.ts';
import type { ParsedCopy } from './stand-in-copy-parse.ts';
import { StandInError } from './stand-in-error.ts';
import { firstBadField, type LoadErrorInfo } from './stand-in-load-errors.ts';

export interface CopyColumn {
  name: string;
  /** format_type() of the target column, e.g. 'numeric(12,2)', 'character varying(40)'. */
  type: string;
  text: boolean;
}

export async function targetColumns(client: pg.PoolClient, copy: ParsedCopy): Promise<CopyColumn[]> {
  const relation = `${copy.schema === undefined ? '' : `${quoteIdent(copy.schema)}.`}${quoteIdent(copy.table)}`;
  const { rows } = await client.query<{ name: string; type: string; category: string }>(
    `SELECT a.attname AS name, format_type(a.atttypid, a.atttypmod) AS type, t.typcategory AS category
       FROM pg_attribute a JOIN pg_type t ON t.oid = a.atttypid
      WHERE a.attrelid = $1::regclass AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum`,
    [relation],
  );
  const byName = new Map(rows.map((row) => [row.name, row]));
  return (copy.columns ?? rows.map((row) => row.name)).map((name) => {
    const row = byName.get(name);
    if (!row) throw new StandInError(`column "${name}" of relation "${copy.table}" does not exist`);
    return { name, type: row.type, text: row.category === 'S' };
  });
}

/** The rows loaded, or where the file first went wrong. */
export async function copyFileInto(
  client: pg.PoolClient,
  copy: ParsedCopy,
  columns: CopyColumn[],
  text: string,
  index: number,
): Promise<number | LoadErrorInfo> {
  const temp = `shoebox_copy_${index}`;
  const fields = columns.map((_, i) => `c${i}`);
  const data = dropLines(text, copy.ignoreHeader);
  const lineOf = (dataLine: number) => copy.ignoreHeader + dataLine;
  const rawLine = (dataLine: number) => data.split('\n')[dataLine - 1] ?? '';
  await client.query(
    `CREATE TEMP TABLE ${temp} (__line bigserial, ${fields.map((f) => `${f} text`).join(', ')})`,
  );
  await client.query('SAVEPOINT shoebox_copy');
  try {
    // NULL '\N' (Redshift's default): an empty field is an empty string until EMPTYASNULL says otherwise.
    const stream = client.query(
      copyFrom(`COPY ${temp} (${fields.join(', ')}) FROM STDIN WITH (FORMAT csv, NULL '\\N')`),
    );
    await pipeline(Readable.from([Buffer.from(data, 'utf8')]), stream);
  } catch (error) {
    await client.query('ROLLBACK TO SAVEPOINT shoebox_copy');
    const where = String((error as { where?: string }).where ?? '');
    const line = Number(/line (\d+)/.exec(where)?.[1] ?? 0);
    const column = columns[Number(/column c(\d+)/.exec(where)?.[1] ?? -1)];
    return {
      lineNumber: line > 0 ? lineOf(line) : null,
      columnName: column?.name ?? null,
      columnType: column?.type ?? null,
      errorMessage: error instanceof Error ? error.message : String(error),
      rawLine: line > 0 ? rawLine(line) : null,
      rawFieldValue: null,
    };
  }
  const values = columns.map((column, i) =>
    column.text
      ? valueSql(column, copy, `c${i}`)
      : `CAST(${valueSql(column, copy, `c${i}`)} AS ${column.type})`,
  );
  const target = `${copy.schema === undefined ? '' : `${quoteIdent(copy.schema)}.`}${quoteIdent(copy.table)}`;
  await client.query('SAVEPOINT shoebox_insert');
  try {
    const inserted = await client.query(
      `INSERT INTO ${target} (${columns.map((c) => quoteIdent(c.name)).join(', ')}) SELECT ${values.join(', ')} FROM ${temp} ORDER BY __line`,
    );
    await client.query(`DROP TABLE ${temp}`);
    return inserted.rowCount ?? 0;
  } catch (error) {
    await client.query('ROLLBACK TO SAVEPOINT shoebox_insert');
    const inner = columns.map((column, i) => valueSql(column, copy, `c${i}`));
    const bad = await firstBadField(client, temp, columns, inner);
    return {
      lineNumber: bad ? lineOf(bad.line) : null,
      columnName: bad ? (columns[bad.column]?.name ?? null) : null,
      columnType: bad ? (columns[bad.column]?.type ?? null) : null,
      errorMessage: bad?.error ?? (error instanceof Error ? error.message : String(error)),
      rawLine: bad ? rawLine(bad.line) : null,
      rawFieldValue: bad?.raw ?? null,
    };
  }
}

/** A field as text, after Redshift's NULL rules and format checks; the caller casts it. */
function valueSql(column: CopyColumn, copy: ParsedCopy, ref: string): string {
  if (column.text) {
    let value = ref;
    if (copy.emptyAsNull) value = `NULLIF(${value}, '')`;
    if (copy.blanksAsNull) value = `CASE WHEN btrim(${ref}) = '' THEN NULL ELSE ${value} END`;
    return value;
  }
  // Blank fields of non-character columns always load as NULL in Redshift.
  const value = `NULLIF(btrim(${ref}), '')`;
  const pattern = formatPattern(column.type, copy);
  return pattern === undefined
    ? value
    : `CASE WHEN ${value} ~ '${pattern.regex}' THEN ${value} ELSE '${pattern.label}: ' || ${value} END`;
}

function formatPattern(type: string, copy: ParsedCopy): { regex: string; label: string } | undefined {
  const format =
    type === 'date' ? copy.dateFormat : type.startsWith('timestamp') ? copy.timeFormat : undefined;
  if (format === undefined || format === 'auto') return undefined;
  if (format === 'YYYY-MM-DD') return { regex: '^\\d{4}-\\d{2}-\\d{2}$', label: 'not DATEFORMAT YYYY-MM-DD' };
  if (format === 'YYYY-MM-DD HH:MI:SS') {
    return {
      regex: '^\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}(\\.\\d+)?$',
      label: 'not TIMEFORMAT YYYY-MM-DD HH:MI:SS',
    };
  }
  throw new StandInError(
    `The stand-in models the formats 'auto', 'YYYY-MM-DD' and 'YYYY-MM-DD HH:MI:SS' only, not '${format}'`,
  );
}

function dropLines(text: string, count: number): string {
  let start = 0;
  for (let i = 0; i < count && start < text.length; i++) {
    const newline = text.indexOf('\n', start);
    start = newline === -1 ? text.length : newline + 1;
  }
  return text.slice(start);
}
