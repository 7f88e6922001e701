/**
 * The dashboard's charts: a configured metric by a dimension over the period, or over time up to
 * the period's end, read with query_metrics and drawn by make_chart (the chat's own chart choice
 * and renderer). The SVG is served as an image by the router, like the chat's.
 */
import { messageOf } from '../../core/coded-error.ts';
import { addDays, addMonths, periodStart } from '../../semantic-layer/query/calendar-dates.ts';
import type { ChartArtifact } from '../../tools/artifact-store.ts';
import { makeChartTool } from '../../tools/make-chart-tool.ts';
import { queryMetricsTool } from '../../tools/query-metrics-tool.ts';
import type { ToolContext } from '../../tools/tool.ts';
import type { ChartConfig, DashboardConfig } from './dashboard-config.ts';
import { lastCompleteMonthEnd, type PeriodRanges } from './dashboard-periods.ts';
import { metricQuery, runOk, tableOf } from './run-dashboard-query.ts';

export interface DashboardChart {
  title: string;
  svg: string | null;
  error: string | null;
}

function query(chart: ChartConfig, ranges: PeriodRanges) {
  if (chart.dimension) {
    return metricQuery(chart.metric, ranges.current, { dimensions: [chart.dimension], limit: chart.limit });
  }
  const end = lastCompleteMonthEnd(ranges.current);
  const start = addMonths(periodStart('month', addDays(end, 1)), -chart.months);
  return metricQuery(chart.metric, { start, end }, { grain: chart.grain ?? 'month' });
}

export async function buildCharts(
  ctx: ToolContext,
  config: DashboardConfig,
  ranges: PeriodRanges,
): Promise<DashboardChart[]> {
  const charts: DashboardChart[] = [];
  for (const chart of config.charts) {
    try {
      const table = tableOf(await runOk(queryMetricsTool, query(chart, ranges), ctx));
      const drawn = await runOk(
        makeChartTool,
        { result_id: table.table.id, kind: null, title: chart.title },
        ctx,
      );
      const picture = drawn.artifacts.find((a): a is ChartArtifact => a.kind === 'chart');
      charts.push({
        title: chart.title,
        svg: picture?.svg ?? null,
        error: picture ? null : String(drawn.content.reason ?? 'Nothing to draw for this period.'),
      });
    } catch (error) {
      charts.push({ title: chart.title, svg: null, error: messageOf(error).slice(0, 300) });
    }
  }
  return charts;
}
