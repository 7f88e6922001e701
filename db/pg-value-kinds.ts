/**
 * Postgres type OIDs → how to read the value's text (result-values.ts). Shared by the Postgres
 * warehouse (its per-pool type parsers) and the Data API stand-in (its Field unions).
 */
import type { CustomTypesConfig } from 'pg';
import { type ValueKind, valueFromText } from './result-values.ts';

/** int8, int2, int4, oid, float4, float8, numeric; bool; date; timestamp, timestamptz. */
const KINDS = new Map<number, ValueKind>([
  [20, 'number'],
  [21, 'number'],
  [23, 'number'],
  [26, 'number'],
  [700, 'number'],
  [701, 'number'],
  [1700, 'number'],
  [16, 'boolean'],
  [1082, 'date'],
  [1114, 'timestamp'],
  [1184, 'timestamp'],
]);

export const PG_INTEGER_OIDS = new Set([20, 21, 23, 26]);
export const PG_FLOAT_OIDS = new Set([700, 701]);
export const PG_NUMERIC_OID = 1700;
export const PG_BOOL_OID = 16;

export function pgValueKind(oid: number): ValueKind {
  return KINDS.get(oid) ?? 'text';
}

/**
 * Type parsers for one pool only (pg's `types` option), never pg's global registry: numbers as
 * numbers, dates as 'YYYY-MM-DD' (pg's default makes a local-midnight Date), timestamps as ISO,
 * anything else (json, arrays, intervals) as the server's text.
 */
export const WAREHOUSE_PG_TYPES: CustomTypesConfig = {
  getTypeParser: ((oid: number) => {
    const kind = pgValueKind(oid);
    return (text: string) => valueFromText(kind, text);
  }) as CustomTypesConfig['getTypeParser'],
};

/** Every value as the server's text: the stand-in decides per column how to present it. */
export const RAW_TEXT_PG_TYPES: CustomTypesConfig = {
  getTypeParser: (() => (text: string) => text) as CustomTypesConfig['getTypeParser'],
};
