/**
 * The model-specific query schema: the generic semantic query with the catalog's member names as
 * enums, and from it the strict JSON Schema offered to the language model as its tool's input
 * (OpenAI strict mode: every object closed, every property required, optional = nullable, no
 * default). It accepts exactly the JSON the generic shape accepts, minus unknown names.
 */
import { z } from 'zod';
import type { SemanticLayerModel } from '../model/semantic-layer-model.ts';
import { modelMembers } from './model-members.ts';
import {
  COMPARE_MODES,
  FILTER_OPERATORS,
  MAX_QUERY_LIMIT,
  QUERY_GRAINS,
  semanticQueryShape,
  timeRangeShape,
} from './semantic-query-shape.ts';

/** z.enum of names; a model with none gets a string no value can match, so the schema stays valid. */
function names(values: readonly string[]): z.ZodType<string> {
  return values.length > 0 ? z.enum(values as [string, ...string[]]) : z.string().max(0);
}

export function buildQuerySchema(model: SemanticLayerModel) {
  const members = modelMembers(model);
  const orderable = [...members.metrics, ...members.dimensions, 'metric_time'];
  return z
    .object({
      metrics: z.array(names(members.metrics)).min(1).max(8),
      dimensions: z.array(names(members.dimensions)).max(4),
      time: z
        .object({
          dimension: names(members.timeDimensions),
          grain: z.enum(QUERY_GRAINS).nullable(),
          range: timeRangeShape,
        })
        .strict()
        .nullable(),
      filters: z.array(
        z
          .object({
            dimension: names(members.dimensions),
            operator: z.enum(FILTER_OPERATORS),
            values: semanticQueryShape.shape.filters.element.shape.values,
          })
          .strict(),
      ),
      compare: z.enum(COMPARE_MODES).nullable(),
      share_of_total: z.boolean(),
      include_others: z.boolean(),
      order: z.array(z.object({ by: names(orderable), direction: z.enum(['asc', 'desc']) }).strict()),
      limit: z.number().int().positive().max(MAX_QUERY_LIMIT),
    })
    .strict();
}

export type JsonSchema = Record<string, unknown>;

/** The strict JSON Schema of the model's query tool. */
export function queryToolJsonSchema(model: SemanticLayerModel): JsonSchema {
  const schema = z.toJSONSchema(buildQuerySchema(model), { target: 'draft-7', io: 'input' }) as JsonSchema;
  delete schema.$schema;
  return schema;
}
