import { type BarPoint, barSpec } from './bar-spec.ts';
import { type ChartChoice, type ChartKind, noChart } from './chart-choice.ts';
import { inTitle } from './chart-result.ts';
import { categoryAt, distinct, numberAt, type ResultShape } from './result-shape.ts';

export const MAX_CATEGORIES = 30;

/** Categories of one dimension: bars, largest first; several metrics or a comparison side by side. */
export function categoryChart(shape: ResultShape, requested: ChartKind | undefined): ChartChoice {
  const [dim] = shape.dimensions;
  const [measure] = shape.measures;
  if (!dim || !measure) return noChart('the result has no dimension or no metric.', requested);
  const categories = distinct(shape.table.map((row) => categoryAt(row, dim)));
  if (categories.length > MAX_CATEGORIES) {
    return noChart(
      `${categories.length} values of ${dim.label} are too many bars to read; keep the top ` +
        `${MAX_CATEGORIES - 1} and sum the rest as "Others" (the caller's job), then chart again.`,
      requested,
    );
  }
  const notes = shape.leftOut.map((r) => `${r.label} is left out: its unit differs from ${measure.label}'s.`);
  const bars: BarPoint[] = [];
  for (const row of shape.table) {
    const x = categoryAt(row, dim);
    for (const m of shape.measures) bars.push({ x, s: m.label, v: numberAt(row, m) });
    if (shape.compare)
      bars.push({ x, s: `${measure.label} (${shape.compare.label})`, v: numberAt(row, shape.compare) });
  }
  const series = distinct(bars.map((b) => b.s));
  const grouped = series.length > 1;
  let refused: string | undefined;
  if (requested === 'line') {
    refused = `No line: ${dim.label} is a category, not time; a line would suggest a trend between unrelated values.`;
  } else if (requested === 'tile') {
    refused = `No tile: the result has ${categories.length} rows, not one figure.`;
  } else if (requested === 'stacked-bar') {
    refused = grouped
      ? 'No stacked bar: a metric and its comparison (or two metrics) do not add up; drawn side by side.'
      : `No stacked bar: there is one series, nothing to stack.`;
  } else if (requested === 'grouped-bar' && !grouped) {
    refused = 'No grouped bar: there is one series, nothing to group.';
  }
  const longest = Math.max(...categories.map((c) => c.length));
  const horizontal = longest > 12 || categories.length * series.length > 10;
  const spec = barSpec({
    title: shape.result.title ?? `${measure.label} by ${inTitle(dim.label)}`,
    bars,
    categoryLabel: dim.label,
    valueLabel: shape.measures.map((m) => m.label).join(', '),
    format: measure.column.format,
    series,
    layout: grouped ? 'grouped' : 'single',
    horizontal,
    keepOrder: shape.result.keepRowOrder ?? false,
  });
  const reason = grouped
    ? `${categories.length} values of ${dim.label} with ${series.length} series: grouped bars.`
    : `${categories.length} values of ${dim.label}: bars${shape.result.keepRowOrder ? '' : ', largest first'}${horizontal ? ', horizontal for long or many labels' : ''}.`;
  return { kind: grouped ? 'grouped-bar' : 'bar', spec, reason, ...(refused ? { refused } : {}), notes };
}
