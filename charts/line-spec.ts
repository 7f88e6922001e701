import { formatSpec } from './chart-formats.ts';
import type { ColumnFormat, TimeGrain } from './chart-result.ts';
import { asSpec, baseSpec, type ChartSpec, type Json, legendFor } from './spec-base.ts';
import { timeAxis } from './time-grain.ts';

/** One point of a time series: t (UTC ms), p (period label), s (series), v (value), k (current | comparison). */
export interface TimePoint extends Json {
  t: number;
  p: string;
  s: string;
  v: number | null;
  k: 'current' | 'comparison';
}

export interface LineSpecInput {
  title: string;
  subtitle?: string;
  points: TimePoint[];
  grain: TimeGrain;
  timeLabel: string;
  valueLabel: string;
  format: ColumnFormat | undefined;
  /** Legend title when there are several series (the dimension's label), else undefined. */
  seriesTitle?: string;
  series: string[];
}

export function lineSpec(input: LineSpecInput): ChartSpec {
  const fmt = formatSpec(input.format);
  const periods = new Set(input.points.map((p) => p.t)).size;
  const several = input.series.length > 1;
  const dashed = input.points.some((p) => p.k === 'comparison');
  const encoding: Json = {
    x: {
      field: 't',
      type: 'temporal',
      scale: { type: 'utc' },
      title: input.timeLabel,
      axis: { ...timeAxis(input.grain, periods), grid: false },
    },
    y: {
      field: 'v',
      type: 'quantitative',
      title: input.valueLabel + fmt.titleSuffix,
      axis: { labelExpr: fmt.axisLabelExpr, tickCount: 6 },
    },
    tooltip: [
      { field: 'p', type: 'nominal', title: input.timeLabel },
      ...(several ? [{ field: 's', type: 'nominal', title: input.seriesTitle ?? 'Series' }] : []),
      { field: 'v', type: 'quantitative', title: input.valueLabel, format: fmt.full },
    ],
  };
  if (several) {
    encoding.color = {
      field: 's',
      type: 'nominal',
      title: input.seriesTitle ?? null,
      sort: input.series,
      legend: legendFor(input.series),
    };
  }
  if (dashed) {
    encoding.strokeDash = {
      field: 'k',
      type: 'nominal',
      legend: null,
      scale: {
        domain: ['current', 'comparison'],
        range: [
          [1, 0],
          [6, 4],
        ],
      },
    };
  }
  return asSpec({
    ...baseSpec(input.title, input.subtitle, input.points),
    mark: { type: 'line', point: periods <= 40 },
    encoding,
  });
}
