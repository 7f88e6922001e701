import { barSpec } from './bar-spec.ts';
import { type ChartChoice, type ChartKind, noChart } from './chart-choice.ts';
import { inTitle } from './chart-result.ts';
import { lineSpec, type TimePoint } from './line-spec.ts';
import { categoryAt, distinct, numberAt, type ResultShape } from './result-shape.ts';
import { periodLabel } from './time-grain.ts';

export const MAX_SERIES = 8;

/** A time series: a line per metric, or per value of one dimension; bars over time on request. */
export function timeChart(shape: ResultShape, requested: ChartKind | undefined): ChartChoice {
  const time = shape.time;
  const [measure] = shape.measures;
  if (!time || !measure) return noChart('the result has no time column or no metric.', requested);
  const [dim, ...more] = shape.dimensions;
  if (more.length > 0) {
    const names = shape.dimensions.map((d) => d.label).join(', ');
    return noChart(
      `a time series split by ${names} has too many lines for one chart; filter all but one of them.`,
      requested,
    );
  }
  const notes = shape.leftOut.map((r) => `${r.label} is left out: its unit differs from ${measure.label}'s.`);
  if (dim && shape.measures.length > 1) notes.push(`Only ${measure.label} is charted by ${dim.label}.`);
  if (dim && shape.compare)
    notes.push(`The comparison is left out when the series are split by ${dim.label}.`);
  const points: TimePoint[] = [];
  let undated = 0;
  shape.table.forEach((row, i) => {
    const t = time.times[i];
    if (t === null || t === undefined) {
      undated++;
      return;
    }
    const p = periodLabel(t, time.grain);
    if (dim) {
      points.push({ t, p, s: categoryAt(row, dim), v: numberAt(row, measure), k: 'current' });
      return;
    }
    for (const m of shape.measures) points.push({ t, p, s: m.label, v: numberAt(row, m), k: 'current' });
    if (shape.compare) {
      const s = `${measure.label} (${shape.compare.label})`;
      points.push({ t, p, s, v: numberAt(row, shape.compare), k: 'comparison' });
    }
  });
  if (undated > 0) notes.push(`${undated} row(s) without a date are left out.`);
  points.sort((a, b) => a.t - b.t);
  const series = distinct(points.map((p) => p.s));
  if (series.length > MAX_SERIES) {
    return noChart(
      `${series.length} lines (one per ${dim?.label ?? 'metric'}) are too many to tell apart; keep the top ` +
        `${MAX_SERIES} and group the rest as "Others" (the caller's job), then chart again.`,
      requested,
      notes,
    );
  }
  const title =
    shape.result.title ?? `${measure.label} by ${time.grain}${dim ? ` and ${inTitle(dim.label)}` : ''}`;
  const valueLabel = dim ? measure.label : shape.measures.map((m) => m.label).join(', ');
  const format = measure.column.format;
  const seriesTitle = dim?.label;
  const additive =
    Boolean(dim) && format !== 'percent' && format !== 'days' && points.every((p) => (p.v ?? 0) >= 0);
  const periods = distinct(points.map((p) => p.t)).length;

  let refused: string | undefined;
  let layout: 'single' | 'grouped' | 'stacked' | undefined;
  if (requested === 'bar') {
    layout = series.length === 1 ? 'single' : additive ? 'stacked' : 'grouped';
  } else if (requested === 'stacked-bar' || requested === 'grouped-bar') {
    if (series.length === 1)
      refused = `No ${requested} chart: there is one series, nothing to group or stack.`;
    else if (requested === 'stacked-bar' && !additive)
      refused = `No stacked bar: ${format === 'percent' || format === 'days' ? 'rates and averages do not add up' : 'these series do not add up to a whole'}; drawn as lines.`;
    else if (requested === 'grouped-bar' && series.length * periods > 120)
      refused = `No grouped bar: ${series.length * periods} bars are too many; drawn as lines.`;
    else layout = requested === 'stacked-bar' ? 'stacked' : 'grouped';
  } else if (requested === 'tile') {
    refused = `No tile: the result has ${periods} periods, not one figure; drawn as a line.`;
  }
  if (layout) {
    const bars = points.map((p) => ({ x: p.p, s: p.s, v: p.v }));
    const spec = barSpec({
      title,
      bars,
      categoryLabel: time.label,
      valueLabel,
      format,
      series,
      ...(seriesTitle ? { seriesTitle } : {}),
      layout,
      horizontal: false,
      keepOrder: true,
    });
    const kind: ChartKind =
      layout === 'single' ? 'bar' : layout === 'grouped' ? 'grouped-bar' : 'stacked-bar';
    return { kind, spec, reason: `a time series drawn as bars, as requested (${periods} periods).`, notes };
  }
  const spec = lineSpec({
    title,
    points,
    grain: time.grain,
    timeLabel: time.label,
    valueLabel,
    format,
    series,
    ...(seriesTitle ? { seriesTitle } : {}),
  });
  const reason =
    series.length > 1
      ? `a time series of ${periods} ${time.grain}s with ${series.length} series: a line each.`
      : `a time series of ${periods} ${time.grain}s: a line.`;
  return { kind: 'line', spec, reason, ...(refused ? { refused } : {}), notes };
}
