/**
 * Checks every metric: what it names exists (model, metrics, dimensions), derived expressions
 * use only their listed metrics, cumulative metrics accumulate a simple metric over time,
 * semi-additive metrics name a time dimension, no sum of dates, and no metric defined by itself.
 */
import type { MetricSpec } from '../model/model-file.ts';
import { filterValuesProblem, resolveDimension } from './dimension-reference.ts';
import type { IssueSink } from './issue-sink.ts';
import type { JoinGraph } from './join-graph.ts';
import { reportMetricCycles } from './metric-cycles.ts';
import { baseModelsOf, findDimension, type Located, type ModelIndex, placeOf } from './model-index.ts';
import { derivedExpressionProblem, expressionProblem, expressionVariants } from './sql-expression-check.ts';

export function checkMetrics(index: ModelIndex, graph: JoinGraph, sink: IssueSink): void {
  for (const metric of index.allMetrics) {
    const first = index.metrics.get(metric.spec.name);
    if (first !== metric) {
      sink.add(
        'DUPLICATE_METRIC',
        placeOf(metric, 'name'),
        `metric "${metric.spec.name}" is also defined in ${first?.source.file}:${first ? placeOf(first).line : 0}; rename one`,
      );
      continue;
    }
    const refsOk = checkReferences(index, metric, sink);
    if (metric.spec.type === 'simple') checkSimple(index, metric, metric.spec, sink);
    for (const [i, f] of metric.spec.filters.entries()) {
      const problem = filterValuesProblem(f.operator, f.values.length);
      if (problem) {
        sink.add(
          'BAD_FILTER_VALUES',
          placeOf(metric, 'filters', i),
          `metric "${metric.spec.name}" filter on "${f.dimension}": ${problem}`,
        );
      }
    }
    if (!refsOk) continue;
    const bases = baseModelsOf(index, metric.spec.name);
    metric.spec.filters.forEach((f, i) => {
      resolveDimension(
        { index, graph, sink, unknownCode: 'UNKNOWN_DIMENSION' },
        f.dimension,
        bases,
        placeOf(metric, 'filters', i, 'dimension'),
        `metric "${metric.spec.name}" filter`,
      );
    });
  }
  reportMetricCycles(index, sink);
}

/** False when a referenced metric or model is missing (later checks would only repeat it). */
function checkReferences(index: ModelIndex, metric: Located<MetricSpec>, sink: IssueSink): boolean {
  const spec = metric.spec;
  let ok = true;
  const need = (name: string, ...at: (string | number)[]) => {
    if (index.metrics.has(name)) return;
    ok = false;
    sink.add(
      'UNKNOWN_METRIC',
      placeOf(metric, ...at),
      `metric "${spec.name}" refers to unknown metric "${name}"`,
    );
  };
  if (spec.type === 'simple' && !index.models.has(spec.model)) {
    sink.add(
      'UNKNOWN_MODEL',
      placeOf(metric, 'model'),
      `metric "${spec.name}" reads unknown semantic model "${spec.model}"; known models: ${[...index.models.keys()].join(', ')}`,
    );
    return false;
  }
  if (spec.type === 'ratio') {
    need(spec.numerator, 'numerator');
    need(spec.denominator, 'denominator');
  }
  if (spec.type === 'derived') {
    for (const [i, m] of spec.metrics.entries()) need(m, 'metrics', i);
    const problem = derivedExpressionProblem(spec.expr, spec.metrics);
    if (problem)
      sink.add('BAD_DERIVED_EXPRESSION', placeOf(metric, 'expr'), `metric "${spec.name}" expr ${problem}`);
  }
  if (spec.type === 'cumulative') {
    need(spec.metric, 'metric');
    const base = index.metrics.get(spec.metric)?.spec;
    if (base && base.type !== 'simple') {
      sink.add(
        'CUMULATIVE_NOT_SIMPLE',
        placeOf(metric, 'metric'),
        `cumulative metric "${spec.name}" accumulates "${base.name}", a ${base.type} metric; accumulate a simple metric`,
      );
    }
    const model = base?.type === 'simple' ? index.models.get(base.model) : undefined;
    if (model && !model.spec.default_time_dimension) {
      sink.add(
        'NO_METRIC_TIME',
        placeOf(metric, 'metric'),
        `cumulative metric "${spec.name}" needs a time to accumulate over, but model "${model.spec.name}" has no default_time_dimension`,
      );
    }
    if (spec.window && spec.grain_to_date) {
      sink.add(
        'WRONG_SHAPE',
        placeOf(metric, 'window'),
        `cumulative metric "${spec.name}" sets both window and grain_to_date; keep one`,
      );
    }
  }
  return ok;
}

function checkSimple(
  index: ModelIndex,
  metric: Located<MetricSpec>,
  spec: Extract<MetricSpec, { type: 'simple' }>,
  sink: IssueSink,
): void {
  for (const { dialect, sql } of expressionVariants(spec.expr)) {
    const problem = expressionProblem(sql);
    if (problem)
      sink.add(
        'BAD_EXPRESSION',
        placeOf(metric, 'expr'),
        `metric "${spec.name}" expr (${dialect}) ${problem}`,
      );
  }
  const model = index.models.get(spec.model)?.spec;
  if (!model) return;
  const exprText = typeof spec.expr === 'string' ? spec.expr.trim() : spec.expr.default.trim();
  const timeColumn = model.dimensions.find(
    (d) =>
      d.type === 'time' &&
      (typeof d.expr === 'string' ? d.expr : (d.expr?.default ?? d.name)).trim() === exprText,
  );
  if (timeColumn && (spec.agg === 'sum' || spec.agg === 'average')) {
    sink.add(
      'TIME_AGGREGATION',
      placeOf(metric, 'agg'),
      `metric "${spec.name}" takes the ${spec.agg} of time dimension "${model.name}.${timeColumn.name}"; use min, max or count_distinct, or group by the time dimension instead`,
    );
  }
  const nad = spec.non_additive_dimension;
  if (nad) {
    const dim = findDimension(model, nad.dimension);
    const place = placeOf(metric, 'non_additive_dimension', 'dimension');
    if (!dim)
      sink.add(
        'UNKNOWN_DIMENSION',
        place,
        `metric "${spec.name}": non_additive_dimension "${nad.dimension}" is not a dimension of model "${model.name}"`,
      );
    else if (dim.type !== 'time')
      sink.add(
        'NOT_A_TIME_DIMENSION',
        place,
        `metric "${spec.name}": non_additive_dimension "${nad.dimension}" must be a time dimension`,
      );
  }
}
