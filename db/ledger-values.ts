/**
 * The value types both ledger engines return, so the ledger code never sees a difference
 * between PGlite and pg: int8 as a number (a string beyond 2^53), numeric as its exact string,
 * date as 'YYYY-MM-DD', timestamp (no zone, read as UTC) and timestamptz as a Date.
 * json/jsonb are parsed and the rest follows each driver's defaults (both parse alike).
 */
import { isoTimestamp } from './result-values.ts';

type Parser = (text: string) => unknown;

const int8: Parser = (text) => {
  const value = Number(text);
  return Number.isSafeInteger(value) ? value : text;
};
const asText: Parser = (text) => text;
const timestamp: Parser = (text) => {
  const iso = isoTimestamp(text);
  return iso === text ? text : new Date(iso);
};

/** OID → parser: int8, numeric, date, timestamp, timestamptz. */
export const LEDGER_PARSERS: Readonly<Record<number, Parser>> = {
  20: int8,
  1700: asText,
  1082: asText,
  1114: timestamp,
  1184: timestamp,
};
