import {
  type CellValue,
  type ChartColumn,
  type ChartResult,
  columnLabel,
  readResult,
  type TimeGrain,
  toNumber,
} from './chart-result.ts';
import { inferGrain, toTime } from './time-grain.ts';

export interface ColumnRef {
  column: ChartColumn;
  index: number;
  label: string;
}

/** What a result is made of, by role: the only thing chart choice looks at. */
export interface ResultShape {
  result: ChartResult;
  table: CellValue[][];
  time: (ColumnRef & { grain: TimeGrain; times: (number | null)[] }) | undefined;
  dimensions: ColumnRef[];
  /** Metrics first, then shares; the first is the one charted. */
  measures: ColumnRef[];
  /** The comparison column of the first measure, if any. */
  compare: ColumnRef | undefined;
  /** Metrics left out because their unit differs from the first one's. */
  leftOut: ColumnRef[];
}

export function readShape(input: unknown): ResultShape {
  const { result, table } = readResult(input);
  const refs = result.columns.map((column, index) => ({ column, index, label: columnLabel(column) }));
  const byRole = (role: ChartColumn['role']) => refs.filter((r) => r.column.role === role);
  const timeRef = byRole('time')[0];
  const all = [...byRole('metric'), ...byRole('share').map(asPercent)];
  const first = all[0];
  const unit = (r: ColumnRef) => r.column.format ?? 'number';
  const measures = all.filter((r) => first && unit(r) === unit(first));
  const compares = byRole('compare');
  const compare = first
    ? (compares.find((c) => c.column.compares === first.column.name) ??
      compares.find((c) => c.column.compares === undefined))
    : undefined;
  let time: ResultShape['time'];
  if (timeRef) {
    const times = table.map((row) => toTime(row[timeRef.index] ?? null));
    const known = times.filter((t): t is number => t !== null);
    time = { ...timeRef, times, grain: timeRef.column.grain ?? inferGrain(known) };
  }
  return {
    result,
    table,
    time,
    // Extra time columns are ignored: one time axis per chart.
    dimensions: byRole('dimension'),
    measures,
    compare: compare
      ? { ...compare, column: { ...compare.column, format: first?.column.format } }
      : undefined,
    leftOut: all.filter((r) => !measures.includes(r)),
  };
}

/** A share is a part of a whole: a percent unless the column says otherwise. */
function asPercent(ref: ColumnRef): ColumnRef {
  return { ...ref, column: { ...ref.column, format: ref.column.format ?? 'percent' } };
}

export function numberAt(row: CellValue[], ref: ColumnRef): number | null {
  return toNumber(row[ref.index] ?? null);
}

/** A category's text: a gap is shown as "(blank)", never dropped silently. */
export function categoryAt(row: CellValue[], ref: ColumnRef): string {
  const v = row[ref.index];
  return v === null || v === undefined || v === '' ? '(blank)' : String(v);
}

export function distinct<T>(values: T[]): T[] {
  return [...new Set(values)];
}
