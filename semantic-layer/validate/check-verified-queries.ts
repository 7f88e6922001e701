/**
 * Checks each verified query against the model: its metrics, dimensions, filters and order name
 * members that exist, its time dimension is a time dimension (or metric_time, when every metric
 * has one), and every dimension can be reached from every metric's model.
 */
import { filterValuesProblem, resolveDimension } from './dimension-reference.ts';
import type { IssueSink } from './issue-sink.ts';
import type { JoinGraph } from './join-graph.ts';
import { baseModelsOf, type ModelIndex, placeOf } from './model-index.ts';

export function checkVerifiedQueries(index: ModelIndex, graph: JoinGraph, sink: IssueSink): void {
  const ctx = { index, graph, sink, unknownCode: 'VERIFIED_QUERY_UNKNOWN_MEMBER' as const };
  for (const verified of index.verified) {
    const { query, question } = verified.spec;
    const what = `verified query "${question}"`;
    const bases = new Set<string>();
    let metricsOk = true;
    query.metrics.forEach((name, i) => {
      if (!index.metrics.has(name)) {
        metricsOk = false;
        sink.add(
          'VERIFIED_QUERY_UNKNOWN_MEMBER',
          placeOf(verified, 'query', 'metrics', i),
          `${what}: unknown metric "${name}"; known metrics: ${[...index.metrics.keys()].join(', ')}`,
        );
      } else for (const m of baseModelsOf(index, name)) bases.add(m);
    });
    // Without all its metrics the reachability of dimensions cannot be judged; names still can.
    const reachFrom = metricsOk ? bases : new Set<string>();
    query.dimensions.forEach((name, i) => {
      resolveQualified(
        ctx,
        name,
        reachFrom,
        placeOf(verified, 'query', 'dimensions', i),
        `${what} dimension`,
      );
    });
    query.filters.forEach((f, i) => {
      resolveQualified(
        ctx,
        f.dimension,
        reachFrom,
        placeOf(verified, 'query', 'filters', i, 'dimension'),
        `${what} filter`,
      );
      const problem = filterValuesProblem(f.operator, f.values.length);
      if (problem) {
        sink.add(
          'BAD_FILTER_VALUES',
          placeOf(verified, 'query', 'filters', i),
          `${what} filter on "${f.dimension}": ${problem}`,
        );
      }
    });
    if (query.time) {
      const place = placeOf(verified, 'query', 'time', 'dimension');
      if (query.time.dimension === 'metric_time') {
        for (const m of bases) {
          if (!index.models.get(m)?.spec.default_time_dimension) {
            sink.add(
              'NO_METRIC_TIME',
              place,
              `${what}: metric_time needs a default_time_dimension on model "${m}"; name a time dimension instead`,
            );
          }
        }
      } else {
        const dim = resolveQualified(ctx, query.time.dimension, reachFrom, place, `${what} time`);
        if (dim && dim.type !== 'time') {
          sink.add(
            'VERIFIED_QUERY_NOT_TIME',
            place,
            `${what}: "${query.time.dimension}" is not a time dimension; use metric_time or a \`type: time\` dimension`,
          );
        }
      }
    }
    const orderable = new Set([
      ...query.metrics,
      ...query.dimensions,
      'metric_time',
      query.time?.dimension ?? 'metric_time',
    ]);
    query.order.forEach((o, i) => {
      if (!orderable.has(o.by)) {
        sink.add(
          'VERIFIED_QUERY_UNKNOWN_MEMBER',
          placeOf(verified, 'query', 'order', i, 'by'),
          `${what}: order by "${o.by}" is not one of the query's metrics or dimensions`,
        );
      }
    });
  }
}

function resolveQualified(
  ctx: Parameters<typeof resolveDimension>[0],
  name: string,
  reachFrom: ReadonlySet<string>,
  place: { file: string; line: number },
  what: string,
) {
  // In a query every dimension is written "<model>.<dimension>", whatever the metrics.
  if (!name.includes('.')) {
    ctx.sink.add(ctx.unknownCode, place, `${what}: "${name}" must be qualified as "<model>.<dimension>"`);
    return undefined;
  }
  return resolveDimension(ctx, name, reachFrom, place, what);
}
