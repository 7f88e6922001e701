/**
 * make_chart: draws a previous query_metrics result (by its result_id) as the chart its shape
 * calls for, or the kind asked for when the shape allows it. The picture is an artifact for the
 * channel; the model gets only what was drawn and why.
 */
import { z } from 'zod';
import { CHART_KINDS } from '../charts/chart-choice.ts';
import type { ChartColumn } from '../charts/chart-result.ts';
import { chooseChart } from '../charts/choose-chart.ts';
import { renderChartImages } from '../charts/render-chart.ts';
import { CodedError, ErrorCode } from '../core/coded-error.ts';
import { COMPARISON_WORDS, dimensionLabel, metricLabel } from '../semantic-layer/model/member-labels.ts';
import type { SemanticLayerModel } from '../semantic-layer/model/semantic-layer-model.ts';
import type { ArtifactColumn, TableArtifact } from './artifact-store.ts';
import type { Tool } from './tool.ts';

const input = z.strictObject({
  result_id: z.string().min(1).max(40).describe('The result_id a query_metrics call returned.'),
  kind: z
    .enum(CHART_KINDS)
    .nullable()
    .describe('A chart kind the user asked for; null to choose from the shape.'),
  title: z.string().max(200).nullable().describe('A short title; null for the default.'),
});

const CHART_FORMATS = new Set(['currency', 'number', 'percent', 'days']);
const CHART_GRAINS = new Set(['day', 'week', 'month', 'quarter', 'year']);

/**
 * The table's columns for the chart, labelled as the answer's table is: metrics and dimensions by
 * their labels in the model, a comparison by the period it holds ("Revenue (same period last
 * year)" in a legend, not "Revenue (Revenue previous)").
 */
function chartColumns(table: TableArtifact, model: SemanticLayerModel): ChartColumn[] {
  const query = table.query as { time?: { grain?: string | null } | null; compare?: string | null };
  const grain = query.time?.grain ?? undefined;
  const compared = query.compare ? COMPARISON_WORDS[query.compare]?.replace(/^the /, '') : undefined;
  const labelOf = (c: ArtifactColumn): string | undefined => {
    if (c.role === 'dimension') return dimensionLabel(model, c.member);
    if (c.role === 'metric') return metricLabel(model, c.member);
    if (c.role === 'share') return `${metricLabel(model, c.member)} share`;
    if (c.role === 'compare' && c.name.endsWith('_previous')) return compared;
    return undefined;
  };
  return table.columns.map((c: ArtifactColumn) => {
    const label = labelOf(c);
    return {
      name: c.name,
      role: c.role,
      ...(label ? { label } : {}),
      ...(CHART_FORMATS.has(c.format) ? { format: c.format as ChartColumn['format'] } : {}),
      ...(c.role === 'time' && grain && CHART_GRAINS.has(grain)
        ? { grain: grain as ChartColumn['grain'] }
        : {}),
    };
  });
}

export const makeChartTool: Tool<z.infer<typeof input>> = {
  name: 'make_chart',
  description:
    'Draws a chart of a previous query_metrics result for the user (line for a time series, bar for categories, ' +
    'grouped or stacked for two dimensions, a tile for one number). Returns what was drawn, or why nothing was.',
  input,
  role: 'viewer',
  async run({ result_id, kind, title }, ctx) {
    const table = ctx.artifacts.get(result_id);
    if (table?.kind !== 'table') {
      const known = ctx.artifacts
        .list()
        .filter((a) => a.kind === 'table')
        .map((a) => a.id);
      throw new CodedError(
        ErrorCode.BadArgument,
        `No query result "${result_id}" in this conversation. ${known.length > 0 ? `Use one of: ${known.join(', ')}.` : 'Call query_metrics first and pass its result_id.'}`,
      );
    }
    const choice = chooseChart(
      {
        columns: chartColumns(table, ctx.model),
        rows: table.rows,
        title: title ?? undefined,
        // A query that asked for an order (a top N) keeps it; otherwise the chart sorts by value.
        keepRowOrder: ((table.query as { order?: unknown[] }).order ?? []).length > 0,
      },
      kind ? { requested: kind } : {},
    );
    if (!choice.spec) {
      return {
        content: { drawn: false, reason: choice.reason, refused: choice.refused ?? null },
        artifacts: [],
      };
    }
    // Twice the pixels for high-density screens and Slack.
    const { svg, png } = await renderChartImages(choice.spec, { pngScale: 2 });
    const chart = ctx.artifacts.put({
      kind: 'chart',
      source: table.id,
      chartKind: choice.kind,
      reason: choice.reason,
      spec: choice.spec,
      svg,
      png,
    });
    return {
      content: {
        drawn: true,
        chart_id: chart.id,
        kind: choice.kind,
        reason: choice.reason,
        refused: choice.refused ?? null,
        notes: choice.notes,
      },
      artifacts: [chart],
    };
  },
};
