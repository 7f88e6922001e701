/** Metrics defined in terms of each other (a -> b -> a) can never be computed: report each loop. */
import type { IssueSink } from './issue-sink.ts';
import { type ModelIndex, placeOf, referencedMetrics } from './model-index.ts';

export function reportMetricCycles(index: ModelIndex, sink: IssueSink): void {
  const state = new Map<string, 'open' | 'done'>();
  const visit = (name: string, trail: string[]) => {
    state.set(name, 'open');
    const metric = index.metrics.get(name);
    for (const ref of metric ? referencedMetrics(metric.spec) : []) {
      if (state.get(ref) === 'open' && metric) {
        sink.add(
          'METRIC_CYCLE',
          placeOf(metric, 'name'),
          `metrics refer to each other in a cycle: ${[...trail, name, ref].join(' -> ')}; break the loop`,
        );
      } else if (!state.has(ref) && index.metrics.has(ref)) visit(ref, [...trail, name]);
    }
    state.set(name, 'done');
  };
  for (const name of index.metrics.keys()) if (!state.has(name)) visit(name, []);
}
