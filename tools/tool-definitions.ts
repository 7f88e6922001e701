/**
 * What a provider offers the model: each tool's name, description and strict JSON Schema. The
 * query tools take their schema from the loaded model (member names as enums); the others from
 * their zod input. Every schema is checked against the strict subset (closed objects, every
 * property required, no default) before it leaves here.
 */
import { z } from 'zod';
import { CodedError, ErrorCode } from '../core/coded-error.ts';
import type { SemanticLayerModel } from '../semantic-layer/model/semantic-layer-model.ts';
import type { JsonSchema } from '../semantic-layer/query/query-schema.ts';
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
    const parameters = custom
      ? custom(model)
      : (z.toJSONSchema(tool.input, { target: 'draft-7', io: 'input' }) as JsonSchema);
    delete parameters.$schema;
    const problems = strictSchemaProblems(parameters);
    if (problems.length > 0) {
      throw new CodedError(
        ErrorCode.BadArgument,
        `The schema of tool ${tool.name} is outside the strict subset: ${problems.join('; ')}.`,
      );
    }
    return { name: tool.name, description: tool.description, parameters };
  });
}

/** Every strict-mode rule a schema breaks, with the JSON path where it breaks. */
export function strictSchemaProblems(schema: unknown, at = '$'): string[] {
  if (Array.isArray(schema)) return schema.flatMap((s, i) => strictSchemaProblems(s, `${at}[${i}]`));
  if (!schema || typeof schema !== 'object') return [];
  const node = schema as JsonSchema;
  const problems: string[] = [];
  if (at === '$' && node.type !== 'object') problems.push('$: the root is not an object');
  if ('default' in node) problems.push(`${at}: has a default`);
  if (node.type === 'object') {
    if (node.additionalProperties !== false) problems.push(`${at}: additionalProperties is not false`);
    const properties = Object.keys((node.properties as JsonSchema | undefined) ?? {});
    const required = (node.required as string[] | undefined) ?? [];
    for (const p of properties) if (!required.includes(p)) problems.push(`${at}.${p}: not required`);
  }
  for (const [key, value] of Object.entries(node)) {
    if (key === 'enum' || key === 'const') continue;
    problems.push(...strictSchemaProblems(value, `${at}.${key}`));
  }
  return problems;
}
