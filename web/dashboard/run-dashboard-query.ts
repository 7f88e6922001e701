/**
 * The dashboard reads figures only through the assistant's own tools (query_metrics, make_chart,
 * explain_change via runTool), so its numbers are the chat's numbers: same compiler, same role
 * checks, same limits. These helpers turn a tool result into rows or a typed failure.
 */
import { CodedError, ErrorCode } from '../../core/coded-error.ts';
import type { ResultValue } from '../../db/warehouse.ts';
import type { SemanticLayerModel } from '../../semantic-layer/model/semantic-layer-model.ts';
import { findDimension, METRIC_TIME } from '../../semantic-layer/query/model-members.ts';
import type { DateRange } from '../../semantic-layer/query/resolve-time-range.ts';
import type { QueryGrain, SemanticQuery } from '../../semantic-layer/query/semantic-query-shape.ts';
import type { ArtifactColumn, TableArtifact } from '../../tools/artifact-store.ts';
import { runTool } from '../../tools/run-tool.ts';
import type { AnyTool, ToolContext, ToolResult } from '../../tools/tool.ts';

export function metricQuery(
  metric: string,
  range: DateRange,
  options: {
    dimensions?: string[];
    grain?: QueryGrain;
    compare?: SemanticQuery['compare'];
    limit?: number;
  } = {},
): SemanticQuery {
  return {
    metrics: [metric],
    dimensions: options.dimensions ?? [],
    time: {
      dimension: METRIC_TIME,
      grain: options.grain ?? null,
      range: { start: range.start, end: range.end },
    },
    filters: [],
    compare: options.compare ?? null,
    share_of_total: false,
    include_others: false,
    order: options.dimensions?.length ? [{ by: metric, direction: 'desc' }] : [],
    limit: options.limit ?? 1000,
  };
}

export async function runOk(
  tool: AnyTool,
  args: unknown,
  ctx: ToolContext,
): Promise<Extract<ToolResult, { ok: true }>> {
  const result = await runTool(tool, args, ctx);
  if (!result.ok)
    throw new CodedError(
      ErrorCode.BadArgument,
      `${result.tool}: ${result.error.code} ${result.error.message}`,
    );
  return result;
}

export interface QueryRows {
  table: TableArtifact;
  rows: Record<string, ResultValue>[];
  column(role: ArtifactColumn['role'], suffix?: string): string;
}

export function tableOf(result: Extract<ToolResult, { ok: true }>): QueryRows {
  const table = result.artifacts.find((a): a is TableArtifact => a.kind === 'table');
  if (!table) throw new CodedError(ErrorCode.BadArgument, `${result.tool} returned no table`);
  return {
    table,
    rows: table.rows,
    column(role, suffix = '') {
      const found = table.columns.find((c) => c.role === role && c.name.endsWith(suffix));
      if (!found)
        throw new CodedError(ErrorCode.BadArgument, `no ${role} column${suffix ? ` ending ${suffix}` : ''}`);
      return found.name;
    },
  };
}

export const toNumber = (value: ResultValue | undefined): number | null => {
  if (value === null || value === undefined) return null;
  const n = Number(value);
  return Number.isFinite(n) ? n : null;
};

/** How a metric is called on the page: its tile's label, its own label, else its name in words. */
export function metricInfo(
  model: SemanticLayerModel,
  name: string,
  config?: { kpis: { metric: string; label?: string | undefined }[] },
) {
  const spec = model.metrics.find((m) => m.name === name);
  return {
    label: config?.kpis.find((k) => k.metric === name)?.label ?? spec?.label ?? words(name),
    format: spec?.format ?? 'number',
    higherIsBetter: spec?.higher_is_better ?? true,
    /** A sum or count: members add up to the total and a missing month is a zero. */
    additive: spec?.type === 'simple' && (spec.agg === 'sum' || spec.agg === 'count'),
    /** A running total (a balance): read at the period's end, by month, as it refuses no grain. */
    cumulative: spec?.type === 'cumulative',
  };
}

export function dimensionLabel(model: SemanticLayerModel, qualified: string): string {
  const found = findDimension(model, qualified);
  return found?.dimension.label ?? words(found?.dimension.name ?? qualified);
}

function words(name: string): string {
  const text = name.replace(/_/g, ' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}
