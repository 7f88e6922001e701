/**
 * Resolves a dimension named by a metric filter or a query ("stores.region_name", or a bare name
 * of the metric's own model) and checks it can be reached from every model the metric reads.
 */
import type { DimensionSpec } from '../model/model-file.ts';
import type { IssueSink, Place } from './issue-sink.ts';
import type { JoinGraph } from './join-graph.ts';
import { findDimension, type ModelIndex, splitQualified } from './model-index.ts';

export interface DimensionRefContext {
  index: ModelIndex;
  graph: JoinGraph;
  sink: IssueSink;
  /** The code for a name that does not exist (queries have their own). */
  unknownCode: 'UNKNOWN_DIMENSION' | 'VERIFIED_QUERY_UNKNOWN_MEMBER';
}

export function resolveDimension(
  ctx: DimensionRefContext,
  name: string,
  baseModels: ReadonlySet<string>,
  place: Place,
  what: string,
): DimensionSpec | undefined {
  const qualified = splitQualified(name);
  const onlyModel = baseModels.size === 1 ? [...baseModels][0] : undefined;
  const [modelName, dimName] = qualified ?? [onlyModel ?? '', name];
  if (!qualified && !onlyModel) {
    ctx.sink.add(ctx.unknownCode, place, `${what}: "${name}" must be qualified as "<model>.<dimension>"`);
    return undefined;
  }
  const model = ctx.index.models.get(modelName);
  const dimension = model ? findDimension(model.spec, dimName) : undefined;
  if (!model || !dimension) {
    const known = model
      ? model.spec.dimensions.map((d) => d.name).join(', ')
      : [...ctx.index.models.keys()].join(', ');
    ctx.sink.add(
      ctx.unknownCode,
      place,
      `${what}: unknown dimension "${name}"; ${model ? `"${modelName}" has ${known || 'no dimensions'}` : `known models: ${known}`}`,
    );
    return undefined;
  }
  for (const base of baseModels) {
    if (!ctx.graph.reachable(base).has(modelName)) {
      ctx.sink.add(
        'DIMENSION_NOT_REACHABLE',
        place,
        `${what}: "${name}" cannot be reached from model "${base}" by many-to-one joins; pick a dimension of "${base}" or of a model it joins to`,
      );
    }
  }
  return dimension;
}

/** How many values each operator takes: equals one, between two, in at least one, is_null none. */
export function filterValuesProblem(operator: string, count: number): string | undefined {
  if (operator === 'is_null' || operator === 'is_not_null') {
    return count === 0 ? undefined : `${operator} takes no values (got ${count})`;
  }
  if (operator === 'in' || operator === 'not_in') {
    return count > 0 ? undefined : `${operator} needs at least one value`;
  }
  if (operator === 'between') return count === 2 ? undefined : `between needs two values (got ${count})`;
  return count === 1 ? undefined : `${operator} needs exactly one value (got ${count})`;
}
