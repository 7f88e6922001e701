import type { ColumnFormat } from './chart-result.ts';

/**
 * Number formats per column format, as d3-format strings and Vega expressions (Vega formats
 * inside the chart, so the axis, the tooltip and the tile agree). Percent values are fractions
 * (0.125 is 12.5%). Axis labels are compact (1.2M, $350k); Vega's SI "G" is spelled "B".
 */
export interface FormatSpec {
  /** Vega expression for an axis label of `datum.value`. */
  axisLabelExpr: string;
  /** d3-format string for tooltips and the tile: full precision with thousands. */
  full: string;
  /** Suffix for axis titles when the unit is not visible in the numbers. */
  titleSuffix: string;
}

function compact(prefix: '' | '$', small: string): string {
  return (
    `abs(datum.value) >= 1000 ? replace(format(datum.value, '${prefix}.3~s'), 'G', 'B')` +
    ` : format(datum.value, '${small}')`
  );
}

const FORMATS: Record<ColumnFormat, FormatSpec> = {
  currency: { axisLabelExpr: compact('$', '$,.2~f'), full: '$,.2f', titleSuffix: '' },
  number: { axisLabelExpr: compact('', ',.2~f'), full: ',.2~f', titleSuffix: '' },
  percent: { axisLabelExpr: "format(datum.value, '.1~%')", full: '.1%', titleSuffix: '' },
  days: { axisLabelExpr: "format(datum.value, ',.1~f')", full: ',.1f', titleSuffix: ' (days)' },
};

export function formatSpec(format: ColumnFormat | undefined): FormatSpec {
  return FORMATS[format ?? 'number'];
}

/** A tile's headline: whole dollars and numbers when large, two decimals otherwise. */
export function tileFormat(format: ColumnFormat | undefined, value: number): string {
  if (format === 'currency') return Math.abs(value) >= 1000 ? '$,.0f' : '$,.2f';
  if (format === 'percent') return '.1%';
  if (format === 'days') return ',.1f';
  return Math.abs(value) >= 1000 ? ',.0f' : ',.2~f';
}
