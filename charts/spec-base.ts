import type { TopLevelSpec } from 'vega-lite';
import { CHART_CONFIG, CHART_HEIGHT, CHART_WIDTH } from './chart-theme.ts';

/** A Vega-Lite spec as plain JSON: the builders assemble objects, Vega-Lite's compiler checks them. */
export type ChartSpec = TopLevelSpec;
export type Json = Record<string, unknown>;

/** Every chart: the theme, the default size, fitted so the whole picture is width x height. */
export function baseSpec(title: string, subtitle: string | undefined, values: Json[]): Json {
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: subtitle ? { text: title, subtitle } : { text: title },
    width: CHART_WIDTH,
    height: CHART_HEIGHT,
    autosize: { type: 'fit', contains: 'padding' },
    config: CHART_CONFIG,
    data: { values },
  };
}

export function asSpec(spec: Json): ChartSpec {
  return spec as unknown as ChartSpec;
}

/** A generous guess at a legend label's width in DejaVu Sans 11 px (no canvas to measure with). */
const labelWidth = (label: string) => Math.ceil(label.length * 6.6);

/**
 * A legend that stays inside a 640 px picture: up to four series in one row above the plot, a long
 * label ("Revenue (same period last year)") taking the room the short ones leave, and cut only
 * past it; more go down the right side, one per line.
 */
export function legendFor(series: string[]): Json {
  if (series.length <= 4) {
    const room = 560 - 30 * series.length;
    const widths = series.map(labelWidth);
    const others = widths.reduce((a, b) => a + b, 0) - Math.max(0, ...widths);
    const labelLimit = Math.max(Math.floor(room / series.length), room - others);
    return { orient: 'top', columns: series.length, labelLimit };
  }
  return { orient: 'right', columns: 1, labelLimit: 130 };
}
