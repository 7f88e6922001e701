/**
 * One dashboard for one period: the tiles, the charts and three to five insights, all read
 * through the assistant's tools on one tool context. Insight kinds fail independently: a
 * candidate that cannot run is logged and left out, never shown as a guess.
 */
import { isoDate } from '../../core/clock.ts';
import { messageOf } from '../../core/coded-error.ts';
import type { Logger } from '../../core/logger.ts';
import type { ToolContext } from '../../tools/tool.ts';
import { buildCharts, type DashboardChart } from './build-charts.ts';
import { buildKpis, type KpiTile } from './build-kpis.ts';
import type { DashboardConfig } from './dashboard-config.ts';
import { type DashboardPeriod, type PeriodRanges, periodRanges } from './dashboard-periods.ts';
import type { Insight } from './insight.ts';
import { anomalyInsights } from './insight-anomalies.ts';
import { explainInsights } from './insight-explain.ts';
import { moverInsights } from './insight-movers.ts';

export interface Dashboard {
  title: string;
  ranges: PeriodRanges;
  tiles: KpiTile[];
  charts: DashboardChart[];
  insights: Insight[];
  /** The data's last load per source, as read when the dashboard was built. */
  freshness: { source: string; lastLoadedAt: string }[];
  builtAt: string;
  buildMs: number;
}

/** Explain insights first, then the most notable others, one per subject, up to `max`. */
export function pickInsights(candidates: Insight[], max: number): Insight[] {
  const seen = new Set<string>();
  const ordered = [...candidates].sort(
    (a, b) => (a.kind === 'explain' ? -1 : 0) - (b.kind === 'explain' ? -1 : 0) || b.score - a.score,
  );
  const picked: Insight[] = [];
  for (const insight of ordered) {
    if (seen.has(insight.key) || picked.length >= max) continue;
    seen.add(insight.key);
    picked.push(insight);
  }
  return picked;
}

export async function buildDashboard(
  ctx: ToolContext,
  config: DashboardConfig,
  period: DashboardPeriod,
  log: Logger,
): Promise<Dashboard> {
  const started = performance.now();
  const ranges = periodRanges(period, isoDate(ctx.clock.now()));
  const freshness = (await ctx.freshness()).map((f) => ({ source: f.source, lastLoadedAt: f.lastLoadedAt }));
  const tiles = await buildKpis(ctx, config, ranges);
  const charts = await buildCharts(ctx, config, ranges);
  const candidates: Insight[] = [];
  for (const [name, find] of [
    ['explain', explainInsights],
    ['movers', moverInsights],
    ['anomalies', anomalyInsights],
  ] as const) {
    try {
      candidates.push(...(await find(ctx, config, ranges)));
    } catch (error) {
      log.warn(`dashboard: ${name} insights failed for ${period}: ${messageOf(error)}`);
    }
  }
  return {
    title: config.title,
    ranges,
    tiles,
    charts,
    insights: pickInsights(candidates, config.insights.max),
    freshness,
    builtAt: ctx.clock.now().toISOString(),
    buildMs: Math.round(performance.now() - started),
  };
}
