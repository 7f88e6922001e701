/**
 * The output side of a plan: the dimension columns, the row order (asked order, then time and the
 * first metric by default, then every key as a tie-breaker) and the checks "all others" needs.
 */
import { CodedError, ErrorCode } from '../../core/coded-error.ts';
import type { SemanticLayerModel } from '../model/semantic-layer-model.ts';
import { findDimension, METRIC_TIME } from '../query/model-members.ts';
import type { SemanticQuery } from '../query/semantic-query-shape.ts';
import type { PlannedDimension, QueryPlan } from './query-plan.ts';
import type { SourceDraft } from './source-draft.ts';

function invalid(message: string): CodedError {
  return new CodedError(ErrorCode.SemanticQueryInvalid, message);
}

export function checkOthers(query: SemanticQuery, sources: readonly SourceDraft[]): void {
  if (!query.include_others) return;
  if (query.time?.grain)
    throw invalid(
      'include_others ranks groups over the whole period; set time.grain to null, or drop include_others.',
    );
  if (query.dimensions.length === 0)
    throw invalid('include_others needs at least one dimension to rank; add one, or drop include_others.');
  for (const source of sources) {
    for (const m of source.measures) {
      if (source.kind !== 'aggregate' || m.agg === 'count_distinct' || m.agg === 'average') {
        throw invalid(
          `include_others cannot add up "${m.metric}" (${source.kind === 'aggregate' ? m.agg : source.kind}) into one "all others" row; drop include_others for it.`,
        );
      }
    }
  }
}

export function planDimensions(model: SemanticLayerModel, query: SemanticQuery): PlannedDimension[] {
  const short = query.dimensions.map((d) => d.split('.')[1] ?? d);
  return query.dimensions.map((member, i) => ({
    member,
    key: `d${i}`,
    column: short.filter((s) => s === short[i]).length > 1 ? member.replace('.', '_') : (short[i] as string),
    type: findDimension(model, member)?.dimension.type ?? 'categorical',
  }));
}

export function planOrder(query: SemanticQuery, dimensions: readonly PlannedDimension[]): QueryPlan['order'] {
  const target = (by: string): QueryPlan['order'][number]['target'] => {
    if (by === METRIC_TIME) return { kind: 'time' };
    const metric = query.metrics.indexOf(by);
    if (metric >= 0) return { kind: 'metric', index: metric };
    return { kind: 'dimension', key: dimensions.find((d) => d.member === by)?.key ?? 'd0' };
  };
  const asked = query.order.map((o) => ({ target: target(o.by), direction: o.direction }));
  const defaults: QueryPlan['order'][number][] =
    asked.length > 0
      ? []
      : [
          ...(query.time?.grain ? [{ target: target(METRIC_TIME), direction: 'asc' as const }] : []),
          { target: target(query.metrics[0] ?? ''), direction: 'desc' },
        ];
  const ties = [
    ...(query.time?.grain ? [{ target: { kind: 'time' as const }, direction: 'asc' as const }] : []),
    ...dimensions.map((d) => ({
      target: { kind: 'dimension' as const, key: d.key },
      direction: 'asc' as const,
    })),
  ];
  const seen = new Set<string>();
  return [...asked, ...defaults, ...ties].filter((o) => {
    const key = JSON.stringify(o.target);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
