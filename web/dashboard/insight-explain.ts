/**
 * "Why did the top KPI move": explain_change against the same period last year, written as one
 * sentence naming the dimension member that accounts for most of the change.
 */
import { explainChangeTool } from '../../tools/explain-change-tool.ts';
import type { ToolContext } from '../../tools/tool.ts';
import { formatValue } from '../chat/format-value.ts';
import type { DashboardConfig } from './dashboard-config.ts';
import { PERIOD_LABELS, type PeriodRanges } from './dashboard-periods.ts';
import { type Insight, pct } from './insight.ts';
import { dimensionLabel, metricInfo, runOk } from './run-dashboard-query.ts';

interface ExplainContent {
  change: number;
  change_pct: number | null;
  dimensions: {
    dimension: string;
    top_members: { member: string; change: number; share_of_change: number | null }[];
  }[];
}

export async function explainInsights(
  ctx: ToolContext,
  config: DashboardConfig,
  ranges: PeriodRanges,
): Promise<Insight[]> {
  const insights: Insight[] = [];
  const phrase = PERIOD_LABELS[ranges.period].phrase;
  for (const item of config.insights.explain) {
    const info = metricInfo(ctx.model, item.metric, config);
    const result = await runOk(
      explainChangeTool,
      {
        metric: item.metric,
        current: ranges.current,
        baseline: ranges.lastYear,
        dimensions: item.dimensions ?? null,
        filters: [],
        top: 3,
      },
      ctx,
    );
    const content = result.content as unknown as ExplainContent;
    if (!content.change) continue;
    const direction = content.change > 0 ? 'rose' : 'fell';
    const by = content.change_pct === null ? '' : ` (${pct(content.change_pct)})`;
    const best = content.dimensions[0];
    const lead = best?.top_members[0];
    const driver =
      best && lead && lead.share_of_change !== null
        ? ` By ${dimensionLabel(ctx.model, best.dimension).toLowerCase()}, ${lead.member} accounts for ${pct(lead.share_of_change)} of the change${lead.share_of_change > 1 ? ' (the others moved the other way)' : ''}.`
        : '';
    insights.push({
      kind: 'explain',
      text: `${info.label} ${direction} ${formatValue(Math.abs(content.change), info.format)}${by} against the same period last year.${driver}`,
      question: `Why did ${info.label.toLowerCase()} change ${phrase} compared with last year?`,
      score: 1,
      key: `explain:${item.metric}`,
    });
  }
  return insights;
}
