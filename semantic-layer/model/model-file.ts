/**
 * The shape of one semantic model YAML file (semantic-layer/models/*.yaml, or any folder named by
 * SEMANTIC_MODEL_DIR). Close to dbt MetricFlow's latest, flattened spec: semantic models with
 * entities, dimensions and (simple) metrics' aggregations; metrics of four types; plus Cortex
 * Analyst's grounding fields (description, synonyms, sample_values) on every member, and verified
 * queries. A file may hold any of the three top-level lists; the model is the union of all files.
 *
 * This zod schema checks the shape of each file only. Cross-references (a metric naming a model,
 * a join path, an expression's columns) are the validator's job, which reports every problem with
 * its file, line and a stable code.
 */
import { z } from 'zod';
import { authoredQueryShape } from '../query/semantic-query-shape.ts';

/** Lower-case snake_case: member names are also the enum values the model's tool schema offers. */
export const MEMBER_NAME = /^[a-z][a-z0-9_]*$/;
const memberName = z
  .string()
  .regex(MEMBER_NAME, 'must be lower_snake_case (a-z, 0-9, _), starting with a letter');

/** A SQL expression over the model's relation's columns, with optional per-dialect overrides. */
export const sqlExpression = z.union([
  z.string().min(1),
  z
    .object({
      default: z.string().min(1),
      duckdb: z.string().min(1).optional(),
      postgres: z.string().min(1).optional(),
      redshift: z.string().min(1).optional(),
    })
    .strict(),
]);
export type SqlExpression = z.infer<typeof sqlExpression>;

/** Cortex Analyst-style grounding carried by every member. */
const grounding = {
  label: z.string().min(1).optional(),
  description: z.string().min(1),
  synonyms: z.array(z.string().min(1)).default([]),
};

export const entitySchema = z
  .object({
    name: memberName,
    /** primary: one row per value in this model; unique: at most one row; foreign: many rows per value. */
    type: z.enum(['primary', 'unique', 'foreign']),
    /** The column (or expression) holding the key; defaults to the entity's name. */
    expr: z.string().min(1).optional(),
    description: z.string().min(1).optional(),
  })
  .strict();

export const TIME_GRAINS = ['day', 'week', 'month', 'quarter', 'year'] as const;
export type TimeGrain = (typeof TIME_GRAINS)[number];

export const dimensionSchema = z
  .object({
    name: memberName,
    type: z.enum(['categorical', 'time']),
    /** Defaults to the column of the same name. */
    expr: sqlExpression.optional(),
    /** For time dimensions: the finest grain the column holds. */
    grain: z.enum(TIME_GRAINS).optional(),
    /** Examples shown to the model; the catalog also indexes the warehouse's actual values. */
    sample_values: z.array(z.union([z.string(), z.number()])).default([]),
    /**
     * Members that stand for "none" rather than a real member (the "(no salesperson)" of online
     * orders, the key-0 row of a star schema). They stay in totals and breakdowns, so figures add
     * up; rankings leave them out ("top salespeople" lists people) and say so.
     */
    placeholder_values: z.array(z.union([z.string(), z.number()])).default([]),
    ...grounding,
  })
  .strict();

export const AGGREGATIONS = ['sum', 'count', 'count_distinct', 'min', 'max', 'average'] as const;

export const filterSchema = z
  .object({
    /** A dimension of the same model, or one reachable from it ("model.dimension"). */
    dimension: z.string().min(1),
    operator: z.enum([
      'equals',
      'not_equals',
      'in',
      'not_in',
      'gt',
      'gte',
      'lt',
      'lte',
      'is_null',
      'is_not_null',
    ]),
    values: z.array(z.union([z.string(), z.number(), z.boolean()])).default([]),
  })
  .strict();

export const semanticModelSchema = z
  .object({
    name: memberName,
    /** The curated view this model reads: the only kind of object the assistant may read. */
    relation: z
      .string()
      .regex(/^[a-z_][a-z0-9_]*\.[a-z_][a-z0-9_]*$/, 'must be schema.view, e.g. curated.sales_lines'),
    /** The time dimension metrics of this model are aggregated over ("metric_time"). */
    default_time_dimension: memberName.optional(),
    entities: z.array(entitySchema).min(1),
    dimensions: z.array(dimensionSchema).default([]),
    ...grounding,
  })
  .strict();

const metricBase = {
  name: memberName,
  /** How figures are shown: currency (the model's currency), percent (a 0..1 fraction), number, days. */
  format: z.enum(['currency', 'number', 'percent', 'days']).default('number'),
  /** Whether a rise is good news (true) or bad (false, e.g. returns); for written insights. */
  higher_is_better: z.boolean().default(true),
  /** Filters every row that enters this metric (e.g. only expense accounts). */
  filters: z.array(filterSchema).default([]),
  ...grounding,
};

export const metricSchema = z.discriminatedUnion('type', [
  z
    .object({
      ...metricBase,
      type: z.literal('simple'),
      /** The semantic model whose rows are aggregated. */
      model: memberName,
      agg: z.enum(AGGREGATIONS),
      expr: sqlExpression,
      /**
       * Semi-additive measures (stock on hand): over this time dimension take the value at the
       * last (or first) day of each period instead of summing the days.
       */
      non_additive_dimension: z
        .object({ dimension: memberName, window: z.enum(['last', 'first']) })
        .strict()
        .optional(),
    })
    .strict(),
  z
    .object({
      ...metricBase,
      type: z.literal('ratio'),
      /** Metric names; the ratio is sum(numerator) / sum(denominator), computed after aggregation. */
      numerator: memberName,
      denominator: memberName,
    })
    .strict(),
  z
    .object({
      ...metricBase,
      type: z.literal('derived'),
      /** Arithmetic over other metrics' names: + - * / parentheses and numbers only. */
      expr: z.string().min(1),
      metrics: z.array(memberName).min(1),
    })
    .strict(),
  z
    .object({
      ...metricBase,
      type: z.literal('cumulative'),
      /** The metric accumulated (simple metrics only). */
      metric: memberName,
      /** Running total over a trailing window, or from the start of each grain (to-date), or all time if neither. */
      window: z
        .object({ count: z.number().int().positive(), grain: z.enum(TIME_GRAINS) })
        .strict()
        .optional(),
      grain_to_date: z.enum(['month', 'quarter', 'year', 'fiscal_year']).optional(),
    })
    .strict(),
]);

export const verifiedQuerySchema = z
  .object({
    /** A question as a manager would ask it. */
    question: z.string().min(1),
    /** Its semantic query; relative ranges are re-resolved against the clock each time it is used. */
    query: authoredQueryShape,
    /** Who verified it and when (an admin correcting an answer adds one). */
    verified_by: z.string().optional(),
    verified_at: z.string().optional(),
  })
  .strict();

export const modelFileSchema = z
  .object({
    semantic_models: z.array(semanticModelSchema).default([]),
    metrics: z.array(metricSchema).default([]),
    verified_queries: z.array(verifiedQuerySchema).default([]),
  })
  .strict();

export type ModelFile = z.infer<typeof modelFileSchema>;
export type SemanticModelSpec = z.infer<typeof semanticModelSchema>;
export type EntitySpec = z.infer<typeof entitySchema>;
export type DimensionSpec = z.infer<typeof dimensionSchema>;
export type MetricSpec = z.infer<typeof metricSchema>;
export type FilterSpec = z.infer<typeof filterSchema>;
export type VerifiedQuerySpec = z.infer<typeof verifiedQuerySchema>;
