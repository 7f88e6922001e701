/**
 * Reads a prepared DuckDB SELECT as plain JSON values (see result-values.ts): BIGINT, HUGEINT
 * and DECIMAL become JS numbers (exact enough for money at this scale), timestamps ISO strings,
 * the rest their text. Reading stops one row past maxRows.
 */
import {
  DuckDBDecimalValue,
  type DuckDBPreparedStatement,
  DuckDBTypeId,
  type DuckDBValue,
} from '@duckdb/node-api';
import { isoTimestamp } from './result-values.ts';
import { capRows, rowsToRead } from './row-cap.ts';
import type { ResultColumn, ResultValue } from './warehouse.ts';

const TIMESTAMP_TYPES = new Set<DuckDBTypeId>([
  DuckDBTypeId.TIMESTAMP,
  DuckDBTypeId.TIMESTAMP_S,
  DuckDBTypeId.TIMESTAMP_MS,
  DuckDBTypeId.TIMESTAMP_NS,
  DuckDBTypeId.TIMESTAMP_TZ,
]);

export function duckdbValue(value: DuckDBValue, typeId: DuckDBTypeId): ResultValue {
  if (value === null) return null;
  if (typeof value === 'bigint') return Number(value);
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'string') return value;
  if (value instanceof DuckDBDecimalValue) return value.toDouble();
  // Dates print as YYYY-MM-DD; times, intervals, UUIDs and nested values as DuckDB's own text.
  return TIMESTAMP_TYPES.has(typeId) ? isoTimestamp(value.toString()) : value.toString();
}

export async function readDuckdbRows(prepared: DuckDBPreparedStatement, maxRows?: number) {
  const result = await prepared.stream();
  const names = result.deduplicatedColumnNames();
  const typeIds = names.map((_, i) => result.columnTypeId(i));
  const columns: ResultColumn[] = names.map((name, i) => ({
    name,
    type: result.columnType(i).toString().toLowerCase(),
  }));
  const wanted = rowsToRead(maxRows);
  const rows: Record<string, ResultValue>[] = [];
  while (rows.length < wanted) {
    const chunk = await result.fetchChunk();
    if (chunk === null || chunk.rowCount === 0) break;
    for (const values of chunk.getRows().slice(0, wanted - rows.length)) {
      rows.push(
        Object.fromEntries(values.map((v, i) => [names[i], duckdbValue(v, typeIds[i] as DuckDBTypeId)])),
      );
    }
  }
  return { columns, ...capRows(rows, maxRows ?? rows.length) };
}
