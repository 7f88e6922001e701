/**
 * Biggest movers: the metric by each configured dimension over the period, compared with the same
 * period last year (query_metrics with compare); the member whose change is largest, scored by
 * that change against the whole of last year's figure.
 */
import { queryMetricsTool } from '../../tools/query-metrics-tool.ts';
import type { ToolContext } from '../../tools/tool.ts';
import { formatChange, formatValue } from '../chat/format-value.ts';
import type { DashboardConfig } from './dashboard-config.ts';
import { PERIOD_LABELS, type PeriodRanges } from './dashboard-periods.ts';
import { type Insight, pct } from './insight.ts';
import { dimensionLabel, metricInfo, metricQuery, runOk, tableOf, toNumber } from './run-dashboard-query.ts';

export async function moverInsights(
  ctx: ToolContext,
  config: DashboardConfig,
  ranges: PeriodRanges,
): Promise<Insight[]> {
  const insights: Insight[] = [];
  const phrase = PERIOD_LABELS[ranges.period].phrase;
  for (const item of config.insights.movers) {
    const info = metricInfo(ctx.model, item.metric, config);
    for (const dimension of item.dimensions) {
      const query = metricQuery(item.metric, ranges.current, {
        dimensions: [dimension],
        compare: 'same_period_last_year',
      });
      const table = tableOf(await runOk(queryMetricsTool, query, ctx));
      const key = table.column('dimension');
      const value = table.column('metric');
      const previous = table.column('compare', '_previous');
      const rows = table.rows.map((r) => ({
        member: String(r[key] ?? '(none)'),
        now: toNumber(r[value]) ?? 0,
        before: toNumber(r[previous]) ?? 0,
      }));
      const base = rows.reduce((sum, r) => sum + Math.abs(r.before), 0);
      const top = rows
        .map((r) => ({ ...r, change: r.now - r.before }))
        .sort((a, b) => Math.abs(b.change) - Math.abs(a.change))[0];
      if (!top || top.change === 0 || base === 0) continue;
      const label = dimensionLabel(ctx.model, dimension).toLowerCase();
      const direction = top.change > 0 ? 'up' : 'down';
      // A percentage moves in points; an amount in its unit and relative to last year.
      const points = info.format === 'percent';
      const moved = points
        ? `${(Math.abs(top.change) * 100).toFixed(1)} pts`
        : `${formatChange(top.change, info.format).slice(1)} (${top.before === 0 ? 'new this year' : pct(top.change / top.before)})`;
      insights.push({
        kind: 'mover',
        text: `Biggest mover by ${label}: ${top.member}, ${info.label.toLowerCase()} ${formatValue(top.now, info.format)}, ${direction} ${moved} on the same period last year.`,
        question: `${info.label} by ${label} ${phrase} compared with the same period last year`,
        score: Math.min(1, points ? Math.abs(top.change) * 4 : Math.abs(top.change) / base) * 0.9,
        key: `mover:${item.metric}:${top.member}`,
      });
    }
  }
  return insights;
}
