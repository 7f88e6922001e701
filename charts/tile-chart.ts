import type { ChartChoice, ChartKind } from './chart-choice.ts';
import { noChart } from './chart-choice.ts';
import { categoryAt, numberAt, type ResultShape } from './result-shape.ts';
import { tileSpec } from './tile-spec.ts';
import { periodLabel } from './time-grain.ts';

/** One row: a single figure, with its change against the comparison when the result has one. */
export function tileChart(shape: ResultShape, requested: ChartKind | undefined): ChartChoice {
  const [measure] = shape.measures;
  const row = shape.table[0];
  if (!measure || !row) return noChart('the result has no figure to show.', requested);
  if (shape.measures.length + shape.leftOut.length > 1) {
    return noChart(
      'one row with several figures reads better as text or a table than as a chart.',
      requested,
    );
  }
  const value = numberAt(row, measure);
  if (value === null) return noChart(`the only value of ${measure.label} is empty.`, requested);
  const context = shape.dimensions.map((d) => categoryAt(row, d));
  const t = shape.time?.times[0];
  if (shape.time && t !== null && t !== undefined) context.push(periodLabel(t, shape.time.grain));
  const before = shape.compare ? numberAt(row, shape.compare) : null;
  const comparison =
    shape.compare && before !== null ? { value: before, label: shape.compare.label } : undefined;
  const spec = tileSpec({
    title: shape.result.title ?? measure.label,
    ...(context.length > 0 ? { subtitle: context.join(' · ') } : {}),
    value,
    format: measure.column.format,
    ...(comparison ? { comparison } : {}),
  });
  const reason = comparison
    ? 'one row and one metric with its comparison: a single-number tile with the change.'
    : 'one row and one metric: a single-number tile.';
  return {
    kind: 'tile',
    spec,
    reason,
    ...(requested && requested !== 'tile'
      ? {
          refused: `No ${requested} chart: one figure is clearer as a number than as a one-point ${requested}.`,
        }
      : {}),
    notes: [],
  };
}
