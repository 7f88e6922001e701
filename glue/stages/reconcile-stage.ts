/**
 * The reconcile stage: for every table, row counts and exact sums per day from the source
 * (reconcileFigures) against the same figures of the warehouse's raw table. Any difference fails
 * the run with a report naming the table, the day, the figure and both values.
 */
import { CodedError, ErrorCode } from '../../core/coded-error.ts';
import { rawSchemaOf } from '../../db/raw-schema.ts';
import type { Warehouse } from '../../db/warehouse.ts';
import { faultPoint } from '../pipeline/fault-points.ts';
import type { ExtractSource, ReconcileFigure } from '../sources/extract-source.ts';
import { sourceFiguresSql } from '../sources/source-figures-sql.ts';

export interface Mismatch {
  table: string;
  day: string | null;
  figure: string;
  source: string;
  warehouse: string;
}

/** Compares every table; throws ETL_RECONCILE_FAILED listing the first mismatches. */
export async function reconcileStage(
  warehouse: Warehouse,
  source: ExtractSource,
  onTable?: (table: string) => void,
): Promise<void> {
  const mismatches: Mismatch[] = [];
  for (const table of source.tables) {
    const expected = await source.reconcileFigures(table.name);
    const { rows } = await warehouse.query(
      sourceFiguresSql(table, `${rawSchemaOf(source.name)}.${table.name}`),
    );
    const actual: ReconcileFigure[] = rows.map((row) => ({
      day: row.day === null ? null : String(row.day),
      rows: Number(row.row_count),
      sums: Object.fromEntries(table.sumColumns.map((c, i) => [c, String(row[`sum_${i}`] ?? '0')])),
    }));
    mismatches.push(...compareFigures(table.name, table.sumColumns, expected, actual));
    faultPoint('reconcile:after-table');
    onTable?.(table.name);
  }
  if (mismatches.length > 0) {
    const shown = mismatches.slice(0, 20).map(describeMismatch);
    const more = mismatches.length > 20 ? `\n  ... and ${mismatches.length - 20} more` : '';
    throw new CodedError(
      ErrorCode.EtlReconcileFailed,
      `Reconciliation failed: the warehouse differs from the source in ${mismatches.length} figure(s):\n  ${shown.join('\n  ')}${more}\nRun \`shoebox etl run --full\` to reload from the source; if it fails again, the source changed during the run or a table was edited in the warehouse.`,
      { details: { mismatches } },
    );
  }
}

export function compareFigures(
  table: string,
  sumColumns: readonly string[],
  expected: readonly ReconcileFigure[],
  actual: readonly ReconcileFigure[],
): Mismatch[] {
  const byDay = (figures: readonly ReconcileFigure[]) => new Map(figures.map((f) => [f.day ?? '', f]));
  const left = byDay(expected);
  const right = byDay(actual);
  const days = [...new Set([...left.keys(), ...right.keys()])].sort();
  const out: Mismatch[] = [];
  for (const day of days) {
    const s = left.get(day);
    const w = right.get(day);
    const report = (figure: string, a: string, b: string) => {
      if (a !== b) out.push({ table, day: day === '' ? null : day, figure, source: a, warehouse: b });
    };
    report('rows', String(s?.rows ?? 0), String(w?.rows ?? 0));
    for (const column of sumColumns) {
      report(`sum(${column})`, canonicalDecimal(s?.sums[column]), canonicalDecimal(w?.sums[column]));
    }
  }
  return out;
}

function describeMismatch(m: Mismatch): string {
  return `${m.table}${m.day ? ` on ${m.day}` : ''}: ${m.figure} is ${m.source} in the source, ${m.warehouse} in the warehouse`;
}

/** "12.500000" → "12.5", "-0.00" → "0", null → "0": the same number always prints the same. */
export function canonicalDecimal(value: string | undefined): string {
  if (value === undefined || value === 'null' || value.trim() === '') return '0';
  let text = value.trim();
  const negative = text.startsWith('-');
  if (negative || text.startsWith('+')) text = text.slice(1);
  let [whole = '0', fraction = ''] = text.split('.');
  whole = whole.replace(/^0+(?=\d)/, '');
  fraction = fraction.replace(/0+$/, '');
  const out = fraction ? `${whole}.${fraction}` : whole;
  return negative && out !== '0' ? `-${out}` : out;
}
