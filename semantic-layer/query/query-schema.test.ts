/** The model's query tool schema: member names as enums, and within OpenAI's strict subset. */
import { describe, expect, it } from 'vitest';
import { trapFixtureModel } from '../compiler/test-fixtures/trap-fixture.ts';
import { buildQuerySchema, type JsonSchema, queryToolJsonSchema } from './query-schema.ts';
import { semanticQueryShape } from './semantic-query-shape.ts';

const model = trapFixtureModel();

/** Every rule of OpenAI strict mode this schema could break, with the JSON path where it breaks. */
function strictModeProblems(schema: unknown, at = '$'): string[] {
  if (Array.isArray(schema)) return schema.flatMap((s, i) => strictModeProblems(s, `${at}[${i}]`));
  if (!schema || typeof schema !== 'object') return [];
  const node = schema as JsonSchema;
  const problems: string[] = [];
  if ('default' in node) problems.push(`${at}: has a default`);
  if (node.type === 'object') {
    if (node.additionalProperties !== false) problems.push(`${at}: additionalProperties is not false`);
    const properties = Object.keys((node.properties as JsonSchema | undefined) ?? {});
    const required = (node.required as string[] | undefined) ?? [];
    for (const p of properties) if (!required.includes(p)) problems.push(`${at}.${p}: not required`);
  }
  for (const [key, value] of Object.entries(node))
    problems.push(...strictModeProblems(value, `${at}.${key}`));
  return problems;
}

const valid = {
  metrics: ['revenue', 'discount_rate'],
  dimensions: ['regions.region_name'],
  time: { dimension: 'metric_time', grain: 'month', range: { relative: 'last_quarter' } },
  filters: [{ dimension: 'orders.channel', operator: 'in', values: ['online', 'store'] }],
  compare: 'previous_period',
  share_of_total: false,
  include_others: false,
  order: [{ by: 'revenue', direction: 'desc' }],
  limit: 10,
};

describe('the query tool schema', () => {
  const schema = queryToolJsonSchema(model);

  it('is a root object within the strict subset: closed objects, every property required, no default', () => {
    expect(schema.type).toBe('object');
    expect(strictModeProblems(schema)).toEqual([]);
  });

  it('the checker finds what strict mode refuses', () => {
    const loose = {
      type: 'object',
      properties: { a: { type: 'string', default: 'x' }, b: { type: 'object', properties: {} } },
      required: [],
    };
    expect(strictModeProblems(loose)).toEqual([
      '$: additionalProperties is not false',
      '$.a: not required',
      '$.b: not required',
      '$.properties.a: has a default',
      '$.properties.b: additionalProperties is not false',
    ]);
  });

  it('offers the model its members as enums, and optional parts as nullable', () => {
    const properties = schema.properties as Record<string, JsonSchema>;
    expect(((properties.metrics?.items ?? {}) as JsonSchema).enum).toEqual(model.metrics.map((m) => m.name));
    expect(((properties.dimensions?.items ?? {}) as JsonSchema).enum).toContain('regions.region_name');
    expect(JSON.stringify(properties.time)).toContain('"metric_time","orders.order_date"');
    expect(properties.compare?.anyOf).toContainEqual({ type: 'null' });
    expect(properties.limit?.maximum).toBe(1000);
  });

  it('accepts what the generic shape accepts, minus unknown names', () => {
    const specific = buildQuerySchema(model);
    expect(specific.safeParse(valid).success).toBe(true);
    expect(semanticQueryShape.safeParse(valid).success).toBe(true);
    const unknown = { ...valid, metrics: ['revnue'] };
    expect(specific.safeParse(unknown).success).toBe(false);
    expect(semanticQueryShape.safeParse(unknown).success).toBe(true);
    expect(specific.safeParse({ ...valid, limit: 1001 }).success).toBe(false);
    expect(specific.safeParse({ ...valid, extra: 1 }).success).toBe(false);
  });
});
