/**
 * The model's view of a result: the first rows only, totals over all rows for the metrics that
 * add up (sums and counts), and a note when rows were left out, so that the model never reads a
 * partial list as the whole.
 */
import type { ResultValue } from '../db/warehouse.ts';
import type { CompiledQuery } from '../semantic-layer/compiler/compile-query.ts';

export interface CompactTable {
  row_count: number;
  rows: Record<string, ResultValue>[];
  totals: Record<string, number>;
  note: string | null;
}

/** Metrics whose rows add up to a meaningful total: plain sums and counts, not ratios or snapshots. */
function additiveMetrics(compiled: CompiledQuery): Set<string> {
  return new Set(
    compiled.plan.provenance.metrics
      .filter(
        (m) =>
          m.type === 'simple' && /^(sum|count)\(/.test(m.definition) && !m.definition.includes(', taking'),
      )
      .map((m) => m.name),
  );
}

export function compactTable(
  compiled: CompiledQuery,
  rows: Record<string, ResultValue>[],
  options: { modelRows: number; warehouseTruncated: boolean; maxRows: number },
): CompactTable {
  const additive = additiveMetrics(compiled);
  const totals: Record<string, number> = {};
  for (const column of compiled.columns) {
    if (column.role !== 'metric' || !additive.has(column.member) || rows.length < 2) continue;
    const sum = rows.reduce(
      (acc, row) => acc + (typeof row[column.name] === 'number' ? (row[column.name] as number) : 0),
      0,
    );
    totals[column.name] = Math.round(sum * 100) / 100;
  }
  const shown = rows.slice(0, options.modelRows);
  const notes: string[] = [];
  if (shown.length < rows.length) {
    notes.push(
      `Showing the first ${shown.length} of ${rows.length} rows; the user sees all of them in the table. Totals cover all ${rows.length} rows.`,
    );
  }
  if (options.warehouseTruncated) {
    notes.push(
      `The warehouse had more than ${options.maxRows} rows: the result is cut. Ask for a coarser grain, fewer dimensions or a top N.`,
    );
  }
  return { row_count: rows.length, rows: shown, totals, note: notes.length > 0 ? notes.join(' ') : null };
}
