import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { isCodedError } from '../core/coded-error.ts';
import {
  checkStrictSchema,
  type JsonSchema,
  STRICT_LIMITS,
  toStrictToolSchema,
} from './strict-tool-schema.ts';

function problemsOf(schema: z.ZodType): string[] {
  try {
    toStrictToolSchema(schema, 'probe');
  } catch (error) {
    if (isCodedError(error, 'TOOL_SCHEMA_INVALID')) return (error.details?.problems as string[]) ?? [];
    throw error;
  }
  return [];
}

/** Every object in the schema, at any depth, for the "on every object" rules. */
function objectsIn(node: unknown): JsonSchema[] {
  if (node === null || typeof node !== 'object') return [];
  const self = (node as JsonSchema).type === 'object' ? [node as JsonSchema] : [];
  return [...self, ...Object.values(node).flatMap(objectsIn)];
}

const query = z.object({
  metrics: z.array(z.enum(['revenue', 'units'])).min(1),
  time: z.object({ grain: z.enum(['day', 'month']), range: z.object({ from: z.string(), to: z.string() }) }),
  limit: z.number().int().max(1000),
  note: z.string().min(1).max(200).nullable(),
  filters: z.array(z.object({ member: z.string(), values: z.array(z.string()) })),
});

describe('toStrictToolSchema', () => {
  it('turns a typical tool input into a strict schema with every rule met', () => {
    const schema = toStrictToolSchema(query, 'query_metrics');
    expect(schema.type).toBe('object');
    expect(schema.$schema).toBeUndefined();
    const objects = objectsIn(schema);
    expect(objects.length).toBe(4);
    for (const object of objects) {
      expect(object.additionalProperties).toBe(false);
      expect(object.required).toEqual(Object.keys(object.properties as object));
    }
    expect(JSON.stringify(schema)).not.toMatch(/"default"|minLength|maxLength/);
    // nullable stays a required anyOf with null; numeric limits are kept
    expect((schema.properties as Record<string, JsonSchema>).note).toEqual({
      anyOf: [{ type: 'string' }, { type: 'null' }],
    });
    expect(JSON.stringify(schema)).toContain('"maximum":1000');
  });

  it('rule 1: the root must be an object', () => {
    expect(problemsOf(z.array(z.string()))).toEqual(['(root): must be an object, not anyOf or another type']);
    expect(problemsOf(z.union([z.object({ a: z.string() }), z.object({ b: z.string() })]))[0]).toMatch(
      /root/,
    );
  });

  it('rule 2: extra keys are refused (records, catchall, loose objects)', () => {
    expect(problemsOf(z.object({ tags: z.record(z.string(), z.string()) }))).toContain(
      'tags: allows extra keys (a record, catchall or loose object); list every key',
    );
    expect(problemsOf(z.looseObject({ a: z.string() }))[0]).toMatch(/extra keys/);
  });

  it('rule 3: optional properties are refused, naming the nested path and the fix', () => {
    const problems = problemsOf(z.object({ a: z.object({ b: z.string().optional() }) }));
    expect(problems).toEqual(['a.b: is optional; write .nullable() instead of .optional()']);
  });

  it('rule 4: defaults are refused', () => {
    expect(problemsOf(z.object({ limit: z.number().default(10) })).join(';')).toMatch(/limit: has a default/);
  });

  it('rule 5: oneOf, allOf, not, patternProperties are refused', () => {
    const schema = {
      type: 'object',
      properties: {
        a: { oneOf: [{ type: 'string' }, { type: 'number' }] },
        b: { allOf: [{ type: 'string' }] },
        c: { not: { type: 'string' } },
        d: { type: 'object', properties: {}, patternProperties: { x: {} }, additionalProperties: false },
      },
      required: ['a', 'b', 'c', 'd'],
      additionalProperties: false,
    };
    let message = '';
    try {
      checkStrictSchema(schema, 'probe');
    } catch (error) {
      message = (error as Error).message;
    }
    for (const keyword of ['a: "oneOf"', 'b: "allOf"', 'c: "not"', 'd: "patternProperties"'])
      expect(message).toContain(keyword);
  });

  it('rule 6: nesting deeper than 10 objects and more than 5,000 properties are refused', () => {
    let deep: z.ZodType = z.object({ leaf: z.string() });
    for (let i = 0; i < STRICT_LIMITS.maxDepth; i++) deep = z.object({ next: deep });
    expect(problemsOf(deep).join(';')).toMatch(/deeper than 10 levels/);
    let ok: z.ZodType = z.object({ leaf: z.string() });
    for (let i = 0; i < STRICT_LIMITS.maxDepth - 1; i++) ok = z.object({ next: ok });
    expect(problemsOf(ok)).toEqual([]);
    const wide = Object.fromEntries(Array.from({ length: 5001 }, (_, i) => [`p${i}`, z.boolean()]));
    expect(problemsOf(z.object(wide)).join(';')).toMatch(/5001 properties, more than 5000/);
  });

  it('rule 7: enum sizes are limited', () => {
    const many = Array.from({ length: 1001 }, (_, i) => `v${i}`) as [string, ...string[]];
    expect(problemsOf(z.object({ e: z.enum(many) })).join(';')).toMatch(/1001 enum values/);
    const long = Array.from({ length: 300 }, (_, i) => `${'x'.repeat(60)}${i}`) as [string, ...string[]];
    expect(problemsOf(z.object({ e: z.enum(long) })).join(';')).toMatch(/e: an enum of 300 values/);
  });

  it('reports every problem at once', () => {
    const problems = problemsOf(z.object({ a: z.string().optional(), b: z.number().default(1) }));
    expect(problems.length).toBeGreaterThanOrEqual(2);
  });
});
