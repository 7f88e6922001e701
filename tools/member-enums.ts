/**
 * JSON Schemas with the loaded model's names as enums, for tools whose zod input takes plain
 * strings (so that an unknown name reaches our own check, which suggests the nearest ones).
 */
import { z } from 'zod';
import type { SemanticLayerModel } from '../semantic-layer/model/semantic-layer-model.ts';
import { findDimension, modelMembers } from '../semantic-layer/query/model-members.ts';
import type { JsonSchema } from '../semantic-layer/query/query-schema.ts';

/** z.enum of names; none gives a string no value matches, so the schema stays valid. */
export function namesEnum(values: readonly string[]): z.ZodType<string> {
  return values.length > 0 ? z.enum(values as [string, ...string[]]) : z.string().max(0);
}

export function categoricalDimensions(model: SemanticLayerModel): string[] {
  return modelMembers(model).dimensions.filter(
    (d) => findDimension(model, d)?.dimension.type === 'categorical',
  );
}

export function strictJsonSchema(schema: z.ZodType): JsonSchema {
  const json = z.toJSONSchema(schema, { target: 'draft-7', io: 'input' }) as JsonSchema;
  delete json.$schema;
  return json;
}
