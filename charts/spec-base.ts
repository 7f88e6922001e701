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

/**
 * A legend that stays inside a 640 px picture: up to four series in one row above the plot, each
 * label cut to its share of the width; more go down the right side, one per line.
 */
export function legendFor(series: string[]): Json {
  if (series.length <= 4) {
    return { orient: 'top', columns: series.length, labelLimit: Math.floor(560 / series.length) - 30 };
  }
  return { orient: 'right', columns: 1, labelLimit: 130 };
}
