/**
 * Anomalies: the metric by a dimension and by month; for each member, each month is compared with
 * the median of its neighbouring months (three on each side), and the month farthest off that
 * trend in robust units (MAD of the member's residuals) is the candidate, if it is also at least
 * 30% off and 3.5 deviations off (counts at least Poisson noise). Sums are judged by the member's share of each month (seasons move every member alike).
 * Months before a member's first figure do not count; small members (under 5% of the largest
 * one's typical month) and mostly-empty series are skipped as noise.
 */
import { addDays, addMonths, periodStart } from '../../semantic-layer/query/calendar-dates.ts';
import { queryMetricsTool } from '../../tools/query-metrics-tool.ts';
import type { ToolContext } from '../../tools/tool.ts';
import { formatValue } from '../chat/format-value.ts';
import type { DashboardConfig } from './dashboard-config.ts';
import { lastCompleteMonthEnd, type PeriodRanges } from './dashboard-periods.ts';
import { type Insight, pct } from './insight.ts';
import { metricInfo, metricQuery, runOk, tableOf, toNumber } from './run-dashboard-query.ts';

const MIN_RELATIVE = 0.3;
/** Fewer robust standard deviations off than this is ordinary noise. */
const MIN_Z = 3.5;

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

export interface Outlier {
  index: number;
  value: number;
  expected: number;
  z: number;
}

/** The point farthest off its neighbours' median, or null when none is far enough off. */
export function worstOutlier(
  values: (number | null)[],
  floor: (expected: number, index: number) => number = (expected) => Math.abs(expected) * 0.1,
): Outlier | null {
  const residuals: { index: number; value: number; expected: number; r: number }[] = [];
  values.forEach((value, index) => {
    if (value === null) return;
    const around = values
      .slice(Math.max(0, index - 3), index + 4)
      .filter((v, j): v is number => v !== null && j !== Math.min(3, index));
    if (around.length < 4) return;
    const expected = median(around);
    residuals.push({ index, value, expected, r: value - expected });
  });
  if (residuals.length < 6) return null;
  const centre = median(residuals.map((x) => x.r));
  const scale = 1.4826 * median(residuals.map((x) => Math.abs(x.r - centre)));
  let best: Outlier | null = null;
  for (const x of residuals) {
    if (x.expected === 0 || Math.abs(x.r / x.expected) < MIN_RELATIVE) continue;
    // The floor keeps a very steady series from calling a small wobble an anomaly.
    const z = x.r / Math.max(scale, floor(x.expected, x.index), 1e-9);
    if (Math.abs(z) < MIN_Z) continue;
    if (!best || Math.abs(z) > Math.abs(best.z))
      best = { index: x.index, value: x.value, expected: x.expected, z };
  }
  return best;
}

/**
 * For a sum: the member's share of each month's total, so that seasons (a December every member
 * shares) are not anomalies; the expected value is the usual share times that month's total.
 */
export function worstShareOutlier(
  values: (number | null)[],
  totals: number[],
  counts: boolean,
): Outlier | null {
  const shares = values.map((v, i) => (v === null || !totals[i] ? null : v / (totals[i] ?? 1)));
  // Counts scatter at least like Poisson draws: a share of a small count is no news.
  const found = worstOutlier(shares, (share, i) => {
    const total = totals[i] ?? 0;
    const relative = Math.abs(share) * 0.1;
    return counts && total > 0 ? Math.max(relative, Math.sqrt(Math.abs(share) * total) / total) : relative;
  });
  if (!found) return null;
  const total = totals[found.index] ?? 0;
  return {
    index: found.index,
    value: values[found.index] ?? 0,
    expected: found.expected * total,
    z: found.z,
  };
}

/** Mostly-empty series (orders that come in lumps) have no trend to be off. */
function intermittent(values: (number | null)[]): boolean {
  const known = values.filter((v): v is number => v !== null);
  return known.filter((v) => v === 0).length > known.length / 4;
}

/** Months before a member's first figure are before it existed (a store not yet open), not a fall. */
function withoutLeadingZeros(values: (number | null)[]): (number | null)[] {
  const first = values.findIndex((v) => v !== null && v !== 0);
  return first < 0 ? values.map(() => null) : values.map((v, i) => (i < first ? null : v));
}

const monthName = (iso: string) =>
  new Date(`${iso.slice(0, 10)}T00:00:00Z`).toLocaleString('en-US', {
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });

export async function anomalyInsights(
  ctx: ToolContext,
  config: DashboardConfig,
  ranges: PeriodRanges,
): Promise<Insight[]> {
  const insights: Insight[] = [];
  for (const item of config.insights.anomalies) {
    const info = metricInfo(ctx.model, item.metric, config);
    const end = lastCompleteMonthEnd(ranges.current);
    const start = addMonths(periodStart('month', addDays(end, 1)), -item.months);
    const months = Array.from({ length: item.months }, (_, i) => addMonths(start, i));
    const query = metricQuery(item.metric, { start, end }, { dimensions: [item.dimension], grain: 'month' });
    query.order = [];
    const table = tableOf(await runOk(queryMetricsTool, query, ctx));
    const time = table.column('time');
    const key = table.column('dimension');
    const value = table.column('metric');
    const series = new Map<string, Map<string, number | null>>();
    for (const row of table.rows) {
      const member = String(row[key] ?? '(none)');
      if (!series.has(member)) series.set(member, new Map());
      series.get(member)?.set(String(row[time]).slice(0, 7), toNumber(row[value]));
    }
    const filled = [...series].map(([member, byMonth]) => ({
      member,
      values: withoutLeadingZeros(
        months.map((m) => byMonth.get(m.slice(0, 7)) ?? (info.additive ? 0 : null)),
      ),
    }));
    const totals = months.map((_, i) => filled.reduce((sum, f) => sum + (f.values[i] ?? 0), 0));
    const typical = new Map(
      filled.map((s) => [s.member, Math.abs(median(s.values.filter((v): v is number => v !== null)))]),
    );
    const largest = Math.max(0, ...typical.values());
    let best: { member: string; outlier: Outlier; weight: number } | null = null;
    for (const s of filled) {
      if ((typical.get(s.member) ?? 0) < largest * 0.05 || intermittent(s.values)) continue;
      const outlier = info.additive
        ? worstShareOutlier(s.values, totals, info.format === 'number')
        : worstOutlier(s.values);
      if (!outlier) continue;
      // Far off in noise units and by a large part of its usual level, both.
      const weight = Math.abs(outlier.z) * Math.min(1, Math.abs(outlier.value / outlier.expected - 1));
      if (!best || weight > best.weight) best = { member: s.member, outlier, weight };
    }
    if (!best) continue;
    const { member, outlier } = best;
    const month = months[outlier.index] ?? start;
    const off = (outlier.value - outlier.expected) / outlier.expected;
    insights.push({
      kind: 'anomaly',
      text: `${member}: ${info.label.toLowerCase()} in ${monthName(month)} was ${formatValue(outlier.value, info.format)}, ${pct(off)} ${off < 0 ? 'below' : 'above'} its usual level of about ${formatValue(outlier.expected, info.format)}.`,
      question: `${info.label} for ${member} by month over the past ${item.months} months`,
      score: Math.min(1, best.weight / 6),
      key: `anomaly:${item.metric}:${member}`,
    });
  }
  return insights;
}
