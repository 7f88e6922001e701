/**
 * Anomalies: the metric by a dimension and by month; for each member, each month is compared with
 * the median of its neighbouring months (three on each side), and the month farthest off that
 * trend in robust units (MAD of the member's residuals) is the candidate, if it is also at least
 * 30% off and 3.5 deviations off (counts at least Poisson noise); see worst-outlier.ts. Sums
 * are judged by the member's share of each month (seasons move every member alike). Months before a member's first figure do not count; small members (under 5% of the largest
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
import {
  intermittent,
  median,
  type Outlier,
  withoutLeadingZeros,
  worstOutlier,
  worstShareOutlier,
} from './worst-outlier.ts';

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
