/**
 * Data API results → plain rows: GetStatementResult paged with NextToken until done or
 * maxRows + 1 rows are in; Field unions and ColumnMetadata read by the column's typeName
 * (Redshift sends DECIMAL, dates and timestamps as stringValue; see result-values.ts).
 */
import {
  type ColumnMetadata,
  type Field,
  GetStatementResultCommand,
  type RedshiftDataClient,
} from '@aws-sdk/client-redshift-data';
import { type ValueKind, valueFromText } from './result-values.ts';
import { capRows, rowsToRead } from './row-cap.ts';
import type { QueryResult, ResultColumn, ResultValue } from './warehouse.ts';

const KINDS: Record<string, ValueKind> = {
  numeric: 'number',
  decimal: 'number',
  int2: 'number',
  int4: 'number',
  int8: 'number',
  float4: 'number',
  float8: 'number',
  bool: 'boolean',
  date: 'date',
  timestamp: 'timestamp',
  timestamptz: 'timestamp',
};

export function fieldValue(field: Field, typeName: string): ResultValue {
  if (field.isNull === true) return null;
  if (field.booleanValue !== undefined) return field.booleanValue;
  if (field.longValue !== undefined) return field.longValue;
  if (field.doubleValue !== undefined) return field.doubleValue;
  if (field.stringValue !== undefined) return valueFromText(KINDS[typeName] ?? 'text', field.stringValue);
  if (field.blobValue !== undefined) return Buffer.from(field.blobValue).toString('base64');
  return null;
}

export function resultColumn(meta: ColumnMetadata): ResultColumn {
  const typeName = (meta.typeName ?? 'unknown').toLowerCase();
  const sized = (typeName === 'numeric' || typeName === 'decimal') && (meta.precision ?? 0) > 0;
  return {
    name: meta.label ?? meta.name ?? '?column?',
    type: sized ? `${typeName}(${meta.precision},${meta.scale ?? 0})` : typeName,
  };
}

export async function readStatementResult(
  client: RedshiftDataClient,
  id: string,
  maxRows?: number,
): Promise<Omit<QueryResult, 'elapsedMs'>> {
  const wanted = rowsToRead(maxRows);
  let columns: ResultColumn[] = [];
  let typeNames: string[] = [];
  const rows: Record<string, ResultValue>[] = [];
  let token: string | undefined;
  do {
    const page = await client.send(new GetStatementResultCommand({ Id: id, NextToken: token }));
    if (columns.length === 0) {
      columns = (page.ColumnMetadata ?? []).map(resultColumn);
      typeNames = (page.ColumnMetadata ?? []).map((meta) => (meta.typeName ?? '').toLowerCase());
    }
    for (const record of (page.Records ?? []).slice(0, wanted - rows.length)) {
      rows.push(
        Object.fromEntries(
          record.map((field, i) => [columns[i]?.name, fieldValue(field, typeNames[i] ?? '')]),
        ),
      );
    }
    token = page.NextToken;
  } while (token && rows.length < wanted);
  return { columns, ...capRows(rows, maxRows ?? rows.length) };
}
