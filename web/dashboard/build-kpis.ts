/**
 * KPI tiles: each configured metric over the period, the period before and the same period last
 * year, read with query_metrics (three queries, since cumulative metrics refuse `compare`). A tile
 * that fails says so and the others still show.
 */
import { messageOf } from '../../core/coded-error.ts';
import type { DateRange } from '../../semantic-layer/query/resolve-time-range.ts';
import { queryMetricsTool } from '../../tools/query-metrics-tool.ts';
import type { ToolContext } from '../../tools/tool.ts';
import type { DashboardConfig } from './dashboard-config.ts';
import type { PeriodRanges } from './dashboard-periods.ts';
import { metricInfo, metricQuery, runOk, tableOf, toNumber } from './run-dashboard-query.ts';

export interface KpiTile {
  metric: string;
  label: string;
  format: string;
  higherIsBetter: boolean;
  value: number | null;
  previous: number | null;
  lastYear: number | null;
  /** Relative change (a fraction), or for percent metrics the difference in points (a fraction too). */
  vsPrevious: number | null;
  vsLastYear: number | null;
  /** "relative" or "points" (percent metrics move in points, not in percent of percent). */
  changeKind: 'relative' | 'points';
  error: string | null;
}

async function total(ctx: ToolContext, metric: string, range: DateRange | null): Promise<number | null> {
  if (!range) return null;
  if (metricInfo(ctx.model, metric).cumulative) {
    // A balance: its value at the end of the period, i.e. the last month's.
    const query = {
      ...metricQuery(metric, range, { grain: 'month' }),
      order: [{ by: 'metric_time', direction: 'desc' as const }],
      limit: 1,
    };
    const rows = tableOf(await runOk(queryMetricsTool, query, ctx));
    return toNumber(rows.rows[0]?.[rows.column('metric')]);
  }
  const rows = tableOf(await runOk(queryMetricsTool, metricQuery(metric, range, { limit: 1 }), ctx));
  return toNumber(rows.rows[0]?.[rows.column('metric')]);
}

export function change(
  now: number | null,
  before: number | null,
  kind: KpiTile['changeKind'],
): number | null {
  if (now === null || before === null) return null;
  if (kind === 'points') return now - before;
  return before === 0 ? null : (now - before) / Math.abs(before);
}

export async function buildKpis(
  ctx: ToolContext,
  config: DashboardConfig,
  ranges: PeriodRanges,
): Promise<KpiTile[]> {
  const tiles: KpiTile[] = [];
  for (const kpi of config.kpis) {
    const info = metricInfo(ctx.model, kpi.metric);
    const changeKind = info.format === 'percent' ? 'points' : 'relative';
    const tile: KpiTile = {
      metric: kpi.metric,
      label: kpi.label ?? info.label,
      format: info.format,
      higherIsBetter: info.higherIsBetter,
      value: null,
      previous: null,
      lastYear: null,
      vsPrevious: null,
      vsLastYear: null,
      changeKind,
      error: null,
    };
    try {
      tile.value = await total(ctx, kpi.metric, ranges.current);
      tile.previous = await total(ctx, kpi.metric, ranges.previous);
      tile.lastYear = await total(ctx, kpi.metric, ranges.lastYear);
      tile.vsPrevious = change(tile.value, tile.previous, changeKind);
      tile.vsLastYear = change(tile.value, tile.lastYear, changeKind);
    } catch (error) {
      tile.error = messageOf(error).slice(0, 300);
    }
    tiles.push(tile);
  }
  return tiles;
}
