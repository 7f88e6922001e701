/**
 * query_metrics: a semantic query (metrics, dimensions, period, filters...) to rows. The model
 * never writes SQL: the semantic layer compiles the query and the warehouse runs it read-only.
 * Arguments are validated with the generic query shape so that an unknown member reaches the
 * compiler, whose error names the nearest members; the model is offered the model-specific
 * schema, with the members as enums.
 */
import { dimensionLabel, metricLabel } from '../semantic-layer/model/member-labels.ts';
import type { SemanticLayerModel } from '../semantic-layer/model/semantic-layer-model.ts';
import { queryToolJsonSchema } from '../semantic-layer/query/query-schema.ts';
import { type SemanticQuery, semanticQueryShape } from '../semantic-layer/query/semantic-query-shape.ts';
import type { TableArtifact } from './artifact-store.ts';
import { compactTable } from './compact-rows.ts';
import { readFreshness } from './read-freshness.ts';
import { runSemanticQuery } from './run-semantic-query.ts';
import type { Tool } from './tool.ts';

export const queryMetricsTool: Tool<SemanticQuery> & {
  jsonSchema(model: SemanticLayerModel): Record<string, unknown>;
} = {
  name: 'query_metrics',
  description:
    'Reads figures from the warehouse: metrics by dimensions over a period, with filters, comparison, order and limit. ' +
    'Use the catalog names exactly (search_catalog finds them). Returns the first rows, totals and a result_id for make_chart.',
  input: semanticQueryShape,
  role: 'viewer',
  jsonSchema: (model) => queryToolJsonSchema(model),
  async run(query, ctx) {
    const { compiled, result } = await runSemanticQuery(ctx, query);
    const freshness = await readFreshness(ctx);
    const table = ctx.artifacts.put({
      kind: 'table',
      title: titleOf(ctx.model, query),
      columns: compiled.columns,
      rows: result.rows,
      truncated: result.truncated,
      sql: compiled.sql,
      params: compiled.params.map((p) => (typeof p === 'bigint' ? p.toString() : p)),
      query,
      provenance: compiled.plan.provenance,
      period: compiled.plan.range,
      freshness,
      elapsedMs: result.elapsedMs,
    }) as TableArtifact;
    const compact = compactTable(compiled, result.rows, {
      modelRows: ctx.limits.modelRows,
      warehouseTruncated: result.truncated,
      maxRows: ctx.limits.maxRows,
    });
    return {
      content: {
        result_id: table.id,
        columns: compiled.columns.map((c) => ({ name: c.name, format: c.format })),
        ...compact,
        period: compiled.plan.range,
        compared_with: compiled.plan.compare?.range ?? null,
        definitions: compiled.plan.provenance.metrics.map((m) => ({
          metric: m.name,
          definition: m.definition,
        })),
        filters: compiled.plan.provenance.filters,
      },
      artifacts: [table],
    };
  },
};

/** "Revenue by region": the table's title, in the model's labels. */
function titleOf(model: SemanticLayerModel, query: SemanticQuery): string {
  const metrics = query.metrics.map((m) => metricLabel(model, m)).join(', ');
  const dimensions = query.dimensions.map((d) => dimensionLabel(model, d).toLowerCase()).join(', ');
  return dimensions ? `${metrics} by ${dimensions}` : metrics;
}
