import { formatSpec } from './chart-formats.ts';
import type { ColumnFormat } from './chart-result.ts';
import { DOWN_COLOUR, PALETTE } from './chart-theme.ts';
import { asSpec, baseSpec, type ChartSpec, type Json, legendFor } from './spec-base.ts';

/** One bar: x (category), s (series: a second dimension, a metric or the comparison), v (value). */
export interface BarPoint extends Json {
  x: string;
  s: string;
  v: number | null;
}

export interface BarSpecInput {
  title: string;
  subtitle?: string;
  bars: BarPoint[];
  categoryLabel: string;
  valueLabel: string;
  format: ColumnFormat | undefined;
  /** Series in legend order; one series draws a plain bar chart. */
  series: string[];
  seriesTitle?: string;
  layout: 'single' | 'grouped' | 'stacked';
  horizontal: boolean;
  /** Keep the data's order (periods, a query's own order) instead of largest first. */
  keepOrder: boolean;
}

export function barSpec(input: BarSpecInput): ChartSpec {
  const fmt = formatSpec(input.format);
  const cat = input.horizontal ? 'y' : 'x';
  const val = input.horizontal ? 'x' : 'y';
  const categories = [...new Set(input.bars.map((b) => b.x))];
  const encoding: Json = {
    [cat]: {
      field: 'x',
      type: 'nominal',
      title: input.categoryLabel,
      sort: input.keepOrder ? categories : `-${val}`,
      axis: input.horizontal ? { labelLimit: 200 } : { labelAngle: categories.length > 8 ? -40 : 0 },
    },
    [val]: {
      field: 'v',
      type: 'quantitative',
      title: input.valueLabel + fmt.titleSuffix,
      axis: { labelExpr: fmt.axisLabelExpr, tickCount: 6 },
      ...(input.layout === 'stacked' ? {} : { stack: null }),
    },
    tooltip: [
      { field: 'x', type: 'nominal', title: input.categoryLabel },
      ...(input.series.length > 1
        ? [{ field: 's', type: 'nominal', title: input.seriesTitle ?? 'Series' }]
        : []),
      { field: 'v', type: 'quantitative', title: input.valueLabel, format: fmt.full },
    ],
  };
  if (input.series.length > 1) {
    encoding.color = {
      field: 's',
      type: 'nominal',
      title: input.seriesTitle ?? null,
      sort: input.series,
      legend: legendFor(input.series),
    };
    if (input.layout === 'stacked') {
      // Stack in legend order, read top down (first series on top), not in Vega's default order.
      encoding.order = { field: 'o', type: 'quantitative', sort: 'descending' };
    }
    if (input.layout === 'grouped') {
      encoding[input.horizontal ? 'yOffset' : 'xOffset'] = {
        field: 's',
        type: 'nominal',
        sort: input.series,
      };
    }
  } else if (input.bars.some((b) => (b.v ?? 0) < 0)) {
    // Losses read at a glance in a second colour.
    encoding.color = { condition: { test: 'datum.v < 0', value: DOWN_COLOUR }, value: PALETTE[0] };
  }
  return asSpec({
    ...baseSpec(
      input.title,
      input.subtitle,
      input.layout === 'stacked'
        ? input.bars.map((b) => ({ ...b, o: input.series.indexOf(b.s) }))
        : input.bars,
    ),
    mark: { type: 'bar', tooltip: true },
    encoding,
  });
}
