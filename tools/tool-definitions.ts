/**
 * What a provider offers the model: each tool's name, description and strict JSON Schema. The
 * query tools take their schema from the loaded model (member names as enums); the others from
 * their zod input. Every schema is checked against the strict subset (closed objects, every
 * property required, no default; tools/strict-tool-schema.ts) before it leaves here.
 */
import { z } from 'zod';
import type { SemanticLayerModel } from '../semantic-layer/model/semantic-layer-model.ts';
import type { JsonSchema } from '../semantic-layer/query/query-schema.ts';
import { checkStrictSchema } from './strict-tool-schema.ts';
import type { AnyTool } from './tool.ts';

export interface ToolDefinition {
  name: string;
  description: string;
  parameters: JsonSchema;
}

/** Tools whose JSON Schema depends on the loaded model set this instead of using their zod input. */
export interface ModelSchemaTool {
  jsonSchema(model: SemanticLayerModel): JsonSchema;
}

export function toolDefinitions(tools: readonly AnyTool[], model: SemanticLayerModel): ToolDefinition[] {
  return tools.map((tool) => {
    const custom = (tool as Partial<ModelSchemaTool>).jsonSchema;
    const generated = custom
      ? custom(model)
      : (z.toJSONSchema(tool.input, { target: 'draft-7', io: 'input' }) as JsonSchema);
    delete generated.$schema;
    return {
      name: tool.name,
      description: tool.description,
      parameters: checkStrictSchema(generated, tool.name),
    };
  });
}
