import { type BarPoint, barSpec } from './bar-spec.ts';
import { MAX_CATEGORIES } from './category-chart.ts';
import { type ChartChoice, type ChartKind, noChart } from './chart-choice.ts';
import { inTitle } from './chart-result.ts';
import { categoryAt, distinct, numberAt, type ResultShape } from './result-shape.ts';

const MAX_COLOURS = 10;
const MAX_GROUPED_BARS = 120;

/** Two dimensions: one along the axis, the other as colour; grouped when few, stacked when they add up. */
export function twoDimensionChart(shape: ResultShape, requested: ChartKind | undefined): ChartChoice {
  const [first, second] = shape.dimensions;
  const [measure] = shape.measures;
  if (!first || !second || !measure)
    return noChart('the result needs two dimensions and a metric.', requested);
  const count = (d: typeof first) => distinct(shape.table.map((row) => categoryAt(row, d))).length;
  // The dimension with more values goes along the axis; the one with fewer becomes colours.
  const [axis, colour] = count(second) > count(first) ? [second, first] : [first, second];
  const categories = count(axis);
  const colours = count(colour);
  if (categories > MAX_CATEGORIES || colours > MAX_COLOURS) {
    return noChart(
      `${categories} values of ${axis.label} by ${colours} of ${colour.label} are too many to read on one ` +
        "chart; filter one dimension or keep the top values of each (the caller's job).",
      requested,
    );
  }
  const notes = [...shape.measures.slice(1), ...shape.leftOut].map(
    (r) => `${r.label} is left out: a chart by two dimensions shows one metric.`,
  );
  if (shape.compare) notes.push('The comparison is left out of a chart by two dimensions.');
  const bars: BarPoint[] = shape.table.map((row) => ({
    x: categoryAt(row, axis),
    s: categoryAt(row, colour),
    v: numberAt(row, measure),
  }));
  const format = measure.column.format;
  const additive = format !== 'percent' && format !== 'days' && bars.every((b) => (b.v ?? 0) >= 0);
  const groupedFits = categories * colours <= MAX_GROUPED_BARS;
  let layout: 'grouped' | 'stacked' | undefined =
    colours <= 4 && categories * colours <= 80
      ? 'grouped'
      : additive
        ? 'stacked'
        : groupedFits
          ? 'grouped'
          : undefined;
  let refused: string | undefined;
  if (requested === 'stacked-bar') {
    if (additive) layout = 'stacked';
    else
      refused = `No stacked bar: ${measure.label} ${format === 'percent' || format === 'days' ? 'is a rate or an average and does not add up' : 'has negative values, which do not stack readably'}.`;
  } else if (requested === 'grouped-bar') {
    if (groupedFits) layout = 'grouped';
    else refused = `No grouped bar: ${categories * colours} bars side by side are too many.`;
  } else if (requested === 'line') {
    refused = `No line: neither ${axis.label} nor ${colour.label} is time.`;
  } else if (requested === 'tile') {
    refused = `No tile: the result has ${shape.table.length} rows, not one figure.`;
  }
  if (!layout) {
    return noChart(
      `${categories * colours} bars of a metric that does not add up are too many to group; filter one dimension.`,
      requested,
      notes,
    );
  }
  const longest = Math.max(...bars.map((b) => b.x.length));
  const spec = barSpec({
    title: shape.result.title ?? `${measure.label} by ${inTitle(axis.label)} and ${inTitle(colour.label)}`,
    bars,
    categoryLabel: axis.label,
    valueLabel: measure.label,
    format,
    series: distinct(bars.map((b) => b.s)),
    seriesTitle: colour.label,
    layout,
    horizontal: longest > 12 || (layout === 'grouped' ? categories * colours > 24 : categories > 10),
    keepOrder: shape.result.keepRowOrder ?? false,
  });
  return {
    kind: layout === 'grouped' ? 'grouped-bar' : 'stacked-bar',
    spec,
    reason: `${measure.label} by ${axis.label} (${categories}) and ${colour.label} (${colours}): ${layout} bars.`,
    ...(refused ? { refused } : {}),
    notes,
  };
}
