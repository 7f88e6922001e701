/**
 * Checks a query (as JSON from the model, the planner or a person) against the loaded model and
 * returns it typed. Every refusal is a CodedError whose message says what to ask for instead:
 * the nearest member names, the allowed values, the cap. Join paths (can this metric be sliced
 * by that dimension?) are checked by the planner of the compiler, which knows the joins.
 */
import { CodedError, ErrorCode } from '../../core/coded-error.ts';
import type { SemanticLayerModel } from '../model/semantic-layer-model.ts';
import { findDimension, METRIC_TIME, modelMembers } from './model-members.ts';
import { didYouMean } from './nearest-names.ts';
import { checkExplicitRange } from './resolve-time-range.ts';
import { authoredQueryShape, MAX_QUERY_LIMIT, type SemanticQuery } from './semantic-query-shape.ts';

const VALUE_COUNTS: Record<string, [number, number]> = {
  equals: [1, 1],
  not_equals: [1, 1],
  contains: [1, 1],
  gt: [1, 1],
  gte: [1, 1],
  lt: [1, 1],
  lte: [1, 1],
  between: [2, 2],
  in: [1, 100],
  not_in: [1, 100],
  is_null: [0, 0],
  is_not_null: [0, 0],
};

function unknown(kind: string, asked: string, candidates: readonly string[], where: string): CodedError {
  return new CodedError(
    ErrorCode.SemanticUnknownMember,
    `Unknown ${kind} "${asked}" in ${where}. ${didYouMean(asked, candidates)} Use one of the catalog's names exactly.`,
    { details: { member: asked, where } },
  );
}

function checkLimit(input: unknown): void {
  const limit = (input as { limit?: unknown } | null)?.limit;
  if (typeof limit === 'number' && limit > MAX_QUERY_LIMIT) {
    throw new CodedError(
      ErrorCode.SemanticLimitExceeded,
      `limit ${limit} is over the cap of ${MAX_QUERY_LIMIT} rows; ask for at most ${MAX_QUERY_LIMIT}, or for a coarser grain or fewer dimensions.`,
      { details: { limit, max: MAX_QUERY_LIMIT } },
    );
  }
}

export function validateQuery(model: SemanticLayerModel, input: unknown): SemanticQuery {
  checkLimit(input);
  const parsed = authoredQueryShape.safeParse(input);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.') || '(query)'}: ${i.message}`);
    throw new CodedError(ErrorCode.SemanticQueryInvalid, `The query is not valid: ${problems.join('; ')}.`, {
      details: { problems },
    });
  }
  const query = parsed.data;
  const members = modelMembers(model);
  for (const metric of query.metrics) {
    if (!members.metrics.includes(metric)) throw unknown('metric', metric, members.metrics, 'metrics');
  }
  for (const dimension of query.dimensions) {
    if (!findDimension(model, dimension))
      throw unknown('dimension', dimension, members.dimensions, 'dimensions');
  }
  if (query.time) {
    if (!members.timeDimensions.includes(query.time.dimension)) {
      throw unknown('time dimension', query.time.dimension, members.timeDimensions, 'time.dimension');
    }
    const range = query.time.range;
    if ('start' in range) checkExplicitRange(range.start, range.end);
  }
  for (const filter of query.filters) {
    if (!findDimension(model, filter.dimension)) {
      throw unknown('dimension', filter.dimension, members.dimensions, 'filters');
    }
    const [min, max] = VALUE_COUNTS[filter.operator] ?? [0, 0];
    if (filter.values.length < min || filter.values.length > max) {
      const wanted = min === max ? `exactly ${min}` : `${min} to ${max}`;
      throw new CodedError(
        ErrorCode.SemanticQueryInvalid,
        `The filter on "${filter.dimension}" with operator ${filter.operator} needs ${wanted} value(s), got ${filter.values.length}.`,
        { details: { filter } },
      );
    }
  }
  const orderable = [...query.metrics, ...query.dimensions, ...(query.time?.grain ? [METRIC_TIME] : [])];
  for (const order of query.order) {
    if (!orderable.includes(order.by)) {
      throw new CodedError(
        ErrorCode.SemanticQueryInvalid,
        `order.by "${order.by}" is not in the query; order by one of: ${orderable.join(', ')}.`,
        { details: { by: order.by } },
      );
    }
  }
  return query;
}
