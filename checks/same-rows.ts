/**
 * Row comparison for the end-to-end semantic checks: the listed columns only, numbers (and numeric
 * strings, as Postgres returns NUMERIC) equal within 1e-9 relative, rows in order or as a set.
 */
import type { ResultValue } from '../db/warehouse.ts';

type Row = Record<string, ResultValue>;
type Cell = string | number | boolean | null;

function cell(value: ResultValue | undefined): Cell {
  if (value === undefined || value === null) return null;
  if (typeof value === 'bigint') return Number(value);
  if (typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value)) return Number(value);
  if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') return value;
  return String(value);
}

function sortKey(row: Cell[]): string {
  return JSON.stringify(row.map((v) => (typeof v === 'number' ? Number(v.toPrecision(8)) : v)));
}

function close(a: Cell, b: Cell): boolean {
  if (typeof a === 'number' && typeof b === 'number')
    return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
  return a === b;
}

/** The differences between two results ('' when they agree), for an expect(...).toBe('') message. */
export function rowDifferences(
  actual: readonly Row[],
  expected: readonly Row[],
  columns: readonly string[],
  ordered: boolean,
): string {
  const shape = (rows: readonly Row[]) => {
    const cells = rows.map((r) => columns.map((c) => cell(r[c])));
    return ordered ? cells : cells.sort((x, y) => (sortKey(x) < sortKey(y) ? -1 : 1));
  };
  const a = shape(actual);
  const e = shape(expected);
  if (a.length !== e.length) return `${a.length} rows, expected ${e.length}: ${JSON.stringify({ a, e })}`;
  const wrong = a.flatMap((row, i) =>
    row.every((v, j) => close(v, e[i]?.[j] ?? null))
      ? []
      : [`${JSON.stringify(row)} != ${JSON.stringify(e[i])}`],
  );
  return wrong.slice(0, 5).join('\n');
}
