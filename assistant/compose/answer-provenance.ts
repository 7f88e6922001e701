/**
 * "How I got this": the metrics' definitions from the model, the filters in words, the period and
 * comparison, every semantic query with its SQL and parameters, the data's freshness with its lag
 * in hours, the provider and the tools in the order they ran.
 */
import type { Clock } from '../../core/clock.ts';
import { COMPARISON_WORDS, dimensionLabel, metricLabel } from '../../semantic-layer/model/member-labels.ts';
import type { SemanticLayerModel } from '../../semantic-layer/model/semantic-layer-model.ts';
import type { SemanticQuery } from '../../semantic-layer/query/semantic-query-shape.ts';
import type { TableArtifact, ToolArtifact } from '../../tools/artifact-store.ts';
import { hoursSinceLoad, type SourceFreshness } from '../../tools/freshness.ts';
import type { AnswerFreshness, AnswerMetricSource, Provenance } from '../answer.ts';
import { periodLabel } from './period-words.ts';

const OPERATOR_WORDS: Record<string, string> = {
  equals: 'is',
  not_equals: 'is not',
  in: 'is one of',
  not_in: 'is none of',
  contains: 'contains',
  gt: 'is above',
  gte: 'is at least',
  lt: 'is below',
  lte: 'is at most',
  between: 'is between',
  is_null: 'is empty',
  is_not_null: 'is not empty',
};

export function filterWords(model: SemanticLayerModel, query: SemanticQuery): string[] {
  return query.filters.map((f) => {
    const values = f.operator === 'between' ? f.values.join(' and ') : f.values.join(', ');
    return `${dimensionLabel(model, f.dimension)} ${OPERATOR_WORDS[f.operator] ?? f.operator}${values ? ` ${values}` : ''}`;
  });
}

function metricSources(model: SemanticLayerModel, tables: TableArtifact[]): AnswerMetricSource[] {
  const seen = new Map<string, AnswerMetricSource>();
  for (const t of tables) {
    const defs = (t.provenance as { metrics?: { name: string; description: string; definition: string }[] })
      ?.metrics;
    for (const d of defs ?? [])
      if (!seen.has(d.name))
        seen.set(d.name, {
          name: d.name,
          label: metricLabel(model, d.name),
          description: d.description,
          definition: d.definition,
        });
  }
  return [...seen.values()];
}

export function freshnessOf(sources: readonly SourceFreshness[], clock: Clock): AnswerFreshness[] {
  const now = clock.now();
  return sources.map((s) => ({
    source: s.source,
    lastLoadedAt: s.lastLoadedAt,
    lagHours: hoursSinceLoad(s.lastLoadedAt, now),
  }));
}

export function buildProvenance(input: {
  model: SemanticLayerModel;
  artifacts: readonly ToolArtifact[];
  tools: string[];
  provider: string;
  clock: Clock;
}): Provenance {
  const tables = input.artifacts.filter((a): a is TableArtifact => a.kind === 'table');
  const main = tables[0];
  const query = main?.query as SemanticQuery | undefined;
  const note = main?.freshness as { sources?: SourceFreshness[] } | undefined;
  const record = input.artifacts.find((a) => a.kind === 'record' && a.title === 'Data freshness');
  const fromRecord =
    record?.kind === 'record' && Array.isArray(record.data) ? (record.data as SourceFreshness[]) : [];
  const sources = note?.sources ?? fromRecord;
  return {
    metrics: metricSources(input.model, tables),
    filters: query ? filterWords(input.model, query) : [],
    period: main?.period
      ? {
          label: periodLabel(main.period.start, main.period.end),
          start: main.period.start,
          end: main.period.end,
        }
      : null,
    comparison: query?.compare ? (COMPARISON_WORDS[query.compare] ?? query.compare) : null,
    semanticQueries: tables.map((t) => t.query as SemanticQuery),
    sql: tables.map((t) => ({ text: t.sql, params: t.params })),
    freshness: freshnessOf(sources, input.clock),
    provider: input.provider,
    tools: input.tools,
  };
}
