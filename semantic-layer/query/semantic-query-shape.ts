/**
 * The semantic query: what the model (or the offline planner) asks for instead of SQL.
 * Cube-shaped and strict, so that the same schema can be the model's structured-output tool schema:
 * every property is required (optional ones are nullable), no extra properties, closed enums.
 *
 * This is the shape with member names as plain strings. A model-specific schema, with the
 * catalog's member names as enums, is generated from it for the model's tool (see the compiler's
 * query module); both accept exactly the same JSON for a valid query.
 *
 * Member names:
 * - metrics by their name ("revenue");
 * - dimensions as "<semantic model>.<dimension>" ("stores.region_name", "products.category");
 * - time: "metric_time" (each metric's own default time dimension) or a qualified time dimension.
 */
import { z } from 'zod';

/** The closed set of relative ranges, resolved in TypeScript against an injected clock. */
export const RELATIVE_RANGES = [
  'today',
  'yesterday',
  'this_week',
  'last_week',
  'week_to_date',
  'this_month',
  'last_month',
  'month_to_date',
  'this_quarter',
  'last_quarter',
  'quarter_to_date',
  'this_year',
  'last_year',
  'year_to_date',
  'this_fiscal_quarter',
  'last_fiscal_quarter',
  'this_fiscal_year',
  'last_fiscal_year',
  'fiscal_year_to_date',
  'last_7_days',
  'last_28_days',
  'last_30_days',
  'last_90_days',
  'last_12_weeks',
  'last_3_months',
  'last_6_months',
  'last_12_months',
  'all_time',
] as const;
export type RelativeRange = (typeof RELATIVE_RANGES)[number];

/** Grains a query may group time by; fiscal grains follow FISCAL_YEAR_START_MONTH. */
export const QUERY_GRAINS = [
  'day',
  'week',
  'month',
  'quarter',
  'year',
  'fiscal_quarter',
  'fiscal_year',
] as const;
export type QueryGrain = (typeof QUERY_GRAINS)[number];

export const FILTER_OPERATORS = [
  'equals',
  'not_equals',
  'in',
  'not_in',
  'contains',
  'gt',
  'gte',
  'lt',
  'lte',
  'between',
  'is_null',
  'is_not_null',
] as const;
export type FilterOperator = (typeof FILTER_OPERATORS)[number];

/** previous_period: the same length just before; same_period_last_year: shifted back one year. */
export const COMPARE_MODES = ['previous_period', 'same_period_last_year'] as const;
export type CompareMode = (typeof COMPARE_MODES)[number];

/** Largest `limit` a query may ask for; the compiler refuses more with SEMANTIC_LIMIT_EXCEEDED. */
export const MAX_QUERY_LIMIT = 1000;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const isoDate = z.string().regex(ISO_DATE, 'must be an ISO date, YYYY-MM-DD');

export const timeRangeShape = z.union([
  z.object({ relative: z.enum(RELATIVE_RANGES) }).strict(),
  /** Both days included. */
  z.object({ start: isoDate, end: isoDate }).strict(),
]);

export const filterShape = z
  .object({
    /** A qualified dimension ("stores.region_name"). */
    dimension: z.string(),
    operator: z.enum(FILTER_OPERATORS),
    /** One value for equals/contains/gt..., two for between, any number for in, none for is_null. */
    values: z.array(z.union([z.string(), z.number(), z.boolean()])),
  })
  .strict();

export const orderShape = z
  .object({
    /** A metric name or a qualified dimension of the query (or "metric_time"). */
    by: z.string(),
    direction: z.enum(['asc', 'desc']),
  })
  .strict();

export const semanticQueryShape = z
  .object({
    metrics: z.array(z.string()).min(1).max(8),
    dimensions: z.array(z.string()).max(4),
    /** null: no time grouping and all time. */
    time: z
      .object({
        /** "metric_time" or a qualified time dimension. */
        dimension: z.string(),
        /** null: filter by the range only, no grouping by time. */
        grain: z.enum(QUERY_GRAINS).nullable(),
        range: timeRangeShape,
      })
      .strict()
      .nullable(),
    filters: z.array(filterShape),
    compare: z.enum(COMPARE_MODES).nullable(),
    /** Add each metric's share of the total over the whole result (before limit) as <metric>_share. */
    share_of_total: z.boolean(),
    /** With a limit smaller than the number of groups: add one "all others" row for the rest. */
    include_others: z.boolean(),
    order: z.array(orderShape),
    limit: z.number().int().positive().max(MAX_QUERY_LIMIT),
  })
  .strict();

export type SemanticQuery = z.infer<typeof semanticQueryShape>;
export type TimeRange = z.infer<typeof timeRangeShape>;
export type QueryFilter = z.infer<typeof filterShape>;

/**
 * The same query as people write it (verified queries in YAML, `shoebox semantic compile`):
 * everything but `metrics` may be left out and takes the default shown. Parses to a SemanticQuery.
 */
export const authoredQueryShape = z
  .object({
    metrics: semanticQueryShape.shape.metrics,
    dimensions: semanticQueryShape.shape.dimensions.default([]),
    time: semanticQueryShape.shape.time.default(null),
    filters: semanticQueryShape.shape.filters.default([]),
    compare: semanticQueryShape.shape.compare.default(null),
    share_of_total: z.boolean().default(false),
    include_others: z.boolean().default(false),
    order: semanticQueryShape.shape.order.default([]),
    limit: semanticQueryShape.shape.limit.default(100),
  })
  .strict();
