/**
 * Reads a Parquet file through an in-process DuckDB (which reads Parquet natively) and writes it
 * as a CSV the upload loader treats like any other, with the column types the Parquet schema
 * declares: no inference needed. One path for every warehouse: DuckDB's own, Postgres and
 * Redshift get the rows the same way.
 */
import { DuckDBInstance } from '@duckdb/node-api';
import { CodedError, ErrorCode, messageOf } from '../../core/coded-error.ts';
import { quoteIdent, quoteLiteral } from '../../db/sql-text.ts';
import type { ColumnType } from './column-kinds.ts';

export interface ParquetColumn {
  header: string;
  type: ColumnType;
}

const TEXT: ColumnType = { kind: 'text', maxBytes: 65535 };

/** A DuckDB type name to the loader's kinds, and the SELECT expression that writes it. */
function mapType(name: string, column: string): { type: ColumnType; select: string } {
  const upper = name.toUpperCase();
  const id = quoteIdent(column);
  if (upper === 'BOOLEAN') return { type: { kind: 'boolean' }, select: id };
  if (/^(TINYINT|SMALLINT|INTEGER|BIGINT|UTINYINT|USMALLINT|UINTEGER)$/.test(upper))
    return { type: { kind: 'integer' }, select: id };
  const decimal = /^DECIMAL\((\d+),(\d+)\)$/.exec(upper);
  if (decimal)
    return {
      type: { kind: 'decimal', precision: Number(decimal[1]), scale: Number(decimal[2]) },
      select: id,
    };
  if (/^(HUGEINT|UBIGINT|UHUGEINT)$/.test(upper))
    return { type: { kind: 'decimal', precision: 38, scale: 0 }, select: id };
  if (/^(FLOAT|DOUBLE|REAL)$/.test(upper)) return { type: { kind: 'double' }, select: id };
  if (upper === 'DATE') return { type: { kind: 'date' }, select: id };
  if (upper === 'TIMESTAMP WITH TIME ZONE')
    return { type: { kind: 'timestamp' }, select: `timezone('UTC', ${id})` };
  if (upper.startsWith('TIMESTAMP'))
    return { type: { kind: 'timestamp' }, select: `CAST(${id} AS TIMESTAMP)` };
  return { type: TEXT, select: `CAST(${id} AS VARCHAR)` };
}

export async function parquetToCsv(parquetPath: string, csvPath: string): Promise<ParquetColumn[]> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  try {
    // COPY takes no parameters: the paths go in as escaped literals.
    const source = `read_parquet(${quoteLiteral(parquetPath)})`;
    const described = (await connection.runAndReadAll(`DESCRIBE SELECT * FROM ${source}`)).getRowObjectsJS();
    const mapped = described.map((row) => ({
      header: String(row.column_name),
      ...mapType(String(row.column_type), String(row.column_name)),
    }));
    const select = mapped.map((c) => `${c.select} AS ${quoteIdent(c.header)}`).join(', ');
    await connection.run(
      `COPY (SELECT ${select} FROM ${source}) TO ${quoteLiteral(csvPath)} (FORMAT csv, HEADER true)`,
    );
    return mapped.map(({ header, type }) => ({ header, type }));
  } catch (error) {
    throw new CodedError(
      ErrorCode.LoadFileInvalid,
      `${parquetPath} is not a Parquet file DuckDB can read: ${messageOf(error)}`,
      { cause: error },
    );
  } finally {
    connection.disconnectSync();
    instance.closeSync();
  }
}
