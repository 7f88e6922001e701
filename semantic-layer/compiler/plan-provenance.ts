/** Plain-language definitions of the metrics and filters a plan used, for the answer's sources. */
import type { FilterSpec, MetricSpec, SqlExpression } from '../model/model-file.ts';
import type { QueryFilter } from '../query/semantic-query-shape.ts';
import type { MetricDefinition } from './query-plan.ts';

function text(expr: SqlExpression): string {
  return typeof expr === 'string' ? expr : expr.default;
}

export function describeFilter(filter: QueryFilter | FilterSpec): string {
  return `${filter.dimension} ${filter.operator}${filter.values.length > 0 ? ` ${filter.values.map((v) => JSON.stringify(v)).join(', ')}` : ''}`;
}

export function describeMetric(metric: MetricSpec): MetricDefinition {
  const definition = (() => {
    switch (metric.type) {
      case 'simple': {
        const base = `${metric.agg}(${text(metric.expr)}) over ${metric.model}`;
        const nad = metric.non_additive_dimension;
        return nad ? `${base}, taking the ${nad.window} ${nad.dimension} of each period` : base;
      }
      case 'ratio':
        return `${metric.numerator} / ${metric.denominator}, after aggregation`;
      case 'derived':
        return metric.expr;
      case 'cumulative': {
        const span = metric.window
          ? `over the trailing ${metric.window.count} ${metric.window.grain}(s)`
          : metric.grain_to_date
            ? `${metric.grain_to_date} to date`
            : 'since the beginning';
        return `running total of ${metric.metric} ${span}`;
      }
    }
  })();
  return {
    name: metric.name,
    type: metric.type,
    description: metric.description,
    definition,
    filters: metric.filters.map(describeFilter),
  };
}
