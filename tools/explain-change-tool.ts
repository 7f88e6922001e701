/**
 * explain_change: why a metric moved between two periods. For each candidate dimension it runs the
 * metric by that dimension in both periods (two compiled semantic queries, never SQL from the
 * model), computes each member's contribution to the change, ranks the dimensions and members,
 * and says how much of the change the top members explain.
 */
import { z } from 'zod';
import { CodedError, ErrorCode, isCodedError } from '../core/coded-error.ts';
import { METRIC_TIME, modelMembers } from '../semantic-layer/query/model-members.ts';
import {
  filterShape,
  MAX_QUERY_LIMIT,
  timeRangeShape,
} from '../semantic-layer/query/semantic-query-shape.ts';
import { breakdown, type DimensionBreakdown, rankBreakdowns } from './member-contributions.ts';
import { categoricalDimensions, namesEnum, strictJsonSchema } from './member-enums.ts';
import { compileFor, runSemanticQuery } from './run-semantic-query.ts';
import type { Tool, ToolContext } from './tool.ts';
import type { ModelSchemaTool } from './tool-definitions.ts';

const MAX_DIMENSIONS = 8;

const input = z.strictObject({
  metric: z.string().min(1).max(200).describe('One metric name.'),
  current: timeRangeShape.describe('The period to explain.'),
  baseline: timeRangeShape.describe('The period to compare it with.'),
  dimensions: z
    .array(z.string().max(200))
    .min(1)
    .max(MAX_DIMENSIONS)
    .nullable()
    .describe(
      'Dimensions to decompose by; null for every categorical dimension the metric can be sliced by.',
    ),
  filters: z.array(filterShape).max(10).describe('Filters applied to both periods (may be empty).'),
  top: z.number().int().min(1).max(10).nullable().describe('Members to report per dimension; null for 3.'),
});
type Input = z.infer<typeof input>;

/** Rounded for the model; "+ 0" turns -0 into 0. */
const round = (n: number, digits = 2) => Math.round(n * 10 ** digits) / 10 ** digits + 0;

function query(args: Input, range: Input['current'], dimensions: string[]) {
  return {
    metrics: [args.metric],
    dimensions,
    time: { dimension: METRIC_TIME, grain: null, range },
    filters: args.filters,
    compare: null,
    share_of_total: false,
    include_others: false,
    order: [],
    limit: MAX_QUERY_LIMIT,
  };
}

async function total(ctx: ToolContext, args: Input, range: Input['current']) {
  const { compiled, result } = await runSemanticQuery(ctx, query(args, range, []));
  const column = compiled.columns.find((c) => c.role === 'metric')?.name ?? args.metric;
  const value = Number(result.rows[0]?.[column] ?? 0);
  return { value: Number.isFinite(value) ? value : 0, compiled };
}

/** Categorical dimensions the metric can be sliced by (compiling is cheap; unreachable ones refuse). */
function candidates(
  ctx: ToolContext,
  args: Input,
  skipped: { dimension: string; reason: string }[],
): string[] {
  const asked = args.dimensions ?? categoricalDimensions(ctx.model);
  return asked
    .filter((dimension) => {
      try {
        compileFor(ctx, query(args, args.current, [dimension]));
        return true;
      } catch (error) {
        // An unknown dimension the model named is its mistake: say so. An unreachable one is skipped.
        if (args.dimensions !== null || !isCodedError(error)) throw error;
        skipped.push({ dimension, reason: error.message });
        return false;
      }
    })
    .slice(0, MAX_DIMENSIONS);
}

export const explainChangeTool: Tool<Input> & ModelSchemaTool = {
  name: 'explain_change',
  description:
    'Explains why a metric changed between two periods: decomposes the change by each candidate dimension, ranks the members ' +
    'that contributed most, and says how much of the change the top ones explain.',
  input,
  role: 'viewer',
  jsonSchema: (model) => {
    const dimensions = modelMembers(model).dimensions;
    return strictJsonSchema(
      input.extend({
        metric: namesEnum(modelMembers(model).metrics),
        dimensions: z
          .array(namesEnum(categoricalDimensions(model)))
          .min(1)
          .max(MAX_DIMENSIONS)
          .nullable(),
        filters: z.array(filterShape.extend({ dimension: namesEnum(dimensions) }).strict()).max(10),
      }),
    );
  },
  async run(args, ctx) {
    const now = await total(ctx, args, args.current);
    const before = await total(ctx, args, args.baseline);
    const change = now.value - before.value;
    const skipped: { dimension: string; reason: string }[] = [];
    const dims = candidates(ctx, args, skipped);
    if (dims.length === 0) {
      throw new CodedError(
        ErrorCode.SemanticUnsupportedSlice,
        `${args.metric} cannot be broken down by any categorical dimension. Use query_metrics to show it over time instead.`,
      );
    }
    const top = args.top ?? 3;
    const breakdowns: DimensionBreakdown[] = [];
    const sql: { dimension: string; current: string; baseline: string }[] = [];
    for (const dimension of dims) {
      const a = await runSemanticQuery(ctx, query(args, args.current, [dimension]));
      const b = await runSemanticQuery(ctx, query(args, args.baseline, [dimension]));
      const key = a.compiled.columns.find((c) => c.role === 'dimension')?.name ?? dimension;
      const value = a.compiled.columns.find((c) => c.role === 'metric')?.name ?? args.metric;
      breakdowns.push(
        breakdown(
          dimension,
          { rows: a.result.rows, key, value },
          { rows: b.result.rows, key, value },
          change,
          top,
        ),
      );
      sql.push({ dimension, current: a.compiled.sql, baseline: b.compiled.sql });
    }
    const ranked = rankBreakdowns(breakdowns);
    const additive = now.compiled.plan.provenance.metrics.every(
      (m) => m.type === 'simple' && /^(sum|count)\(/.test(m.definition),
    );
    const record = ctx.artifacts.put({
      kind: 'record',
      title: `Why ${args.metric} changed`,
      data: {
        metric: args.metric,
        current: { period: now.compiled.plan.range, value: now.value },
        baseline: { period: before.compiled.plan.range, value: before.value },
        change,
        breakdowns: ranked,
        skipped,
        sql,
        provenance: now.compiled.plan.provenance,
      },
    });
    return {
      content: {
        record_id: record.id,
        metric: args.metric,
        current: { period: now.compiled.plan.range, value: round(now.value) },
        baseline: { period: before.compiled.plan.range, value: round(before.value) },
        change: round(change),
        change_pct: before.value === 0 ? null : round(change / before.value, 4),
        dimensions: ranked.slice(0, 5).map((d) => ({
          dimension: d.dimension,
          top_members: d.members.slice(0, top).map((m) => ({
            member: m.member,
            current: round(m.current),
            baseline: round(m.baseline),
            change: round(m.change),
            share_of_change: m.share === null ? null : round(m.share, 4),
          })),
          top_explain: d.topExplains === null ? null : round(d.topExplains, 4),
        })),
        summary: summarize(args.metric, change, ranked[0], top),
        note: additive
          ? null
          : `${args.metric} is not a sum: the members' changes show where it moved, but they do not add up to the total change.`,
      },
      artifacts: [record],
    };
  },
};

function summarize(
  metric: string,
  change: number,
  best: DimensionBreakdown | undefined,
  top: number,
): string {
  if (change === 0) return `${metric} did not change between the two periods.`;
  const lead = best?.members[0];
  if (!best || !lead || lead.share === null) return `${metric} changed by ${round(change)}.`;
  const pct = (n: number) => `${Math.round(n * 100)}%`;
  const topText =
    best.topExplains === null
      ? ''
      : `; its top ${Math.min(top, best.members.length)} members explain ${pct(best.topExplains)}`;
  return `${metric} changed by ${round(change)}. By ${best.dimension}, "${lead.member}" accounts for ${pct(lead.share)} of the change${topText}.`;
}
