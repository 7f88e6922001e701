/**
 * Rules every tool keeps: a strict JSON Schema the provider can send (checked against the strict
 * subset), no argument that carries SQL or identity, closed inputs, and a role check before any
 * work: a caller with no role is refused by every tool without the tool running.
 */
import { describe, expect, it } from 'vitest';
import type { Warehouse } from '../db/warehouse.ts';
import { buildCatalogIndex } from '../semantic-layer/catalog/catalog-index.ts';
import { trapFixtureModel } from '../semantic-layer/compiler/test-fixtures/trap-fixture.ts';
import { createArtifactStore } from './artifact-store.ts';
import { ASSISTANT_TOOLS, findTool, toolsFor } from './assistant-tools.ts';
import { runTool } from './run-tool.ts';
import { checkStrictSchema } from './strict-tool-schema.ts';
import { DEFAULT_TOOL_LIMITS, type ToolContext } from './tool.ts';
import { toolDefinitions } from './tool-definitions.ts';
import { analyst, financeCaller, TEST_CLOCK, viewer } from './tool-test-context.ts';

const model = trapFixtureModel();
const definitions = toolDefinitions(ASSISTANT_TOOLS, model);

/** Every property name anywhere in a schema. */
function propertyNames(schema: unknown): string[] {
  if (Array.isArray(schema)) return schema.flatMap(propertyNames);
  if (!schema || typeof schema !== 'object') return [];
  const node = schema as Record<string, unknown>;
  const own = node.properties && typeof node.properties === 'object' ? Object.keys(node.properties) : [];
  return [...own, ...Object.values(node).flatMap(propertyNames)];
}

describe('the assistant tools', () => {
  it('offers the eight tools of issue 6, each with a description and a role', () => {
    expect(definitions.map((d) => d.name)).toEqual([
      'search_catalog',
      'query_metrics',
      'list_dimension_values',
      'explain_change',
      'make_chart',
      'data_freshness',
      'draft_transaction',
      'list_transactions',
    ]);
    for (const tool of ASSISTANT_TOOLS) expect(tool.description.length).toBeGreaterThan(40);
  });

  it('gives strict JSON Schemas: root object, closed objects, every property required, no default', () => {
    for (const d of definitions) expect(() => checkStrictSchema(d.parameters, d.name)).not.toThrow();
    const query = definitions.find((d) => d.name === 'query_metrics')?.parameters as {
      properties: Record<string, { items?: { enum?: string[] } }>;
    };
    expect(query.properties.metrics?.items?.enum).toContain('revenue');
    const explain = definitions.find((d) => d.name === 'explain_change')?.parameters as {
      properties: Record<string, { enum?: string[] }>;
    };
    expect(explain.properties.metric?.enum).toEqual(model.metrics.map((m) => m.name));
    const values = definitions.find((d) => d.name === 'list_dimension_values')?.parameters as {
      properties: Record<string, { enum?: string[] }>;
    };
    expect(values.properties.dimension?.enum).toContain('regions.region_name');
    expect(values.properties.dimension?.enum).not.toContain('orders.order_date');
  });

  it('has no argument for SQL or for who is asking', () => {
    const forbidden = /^(sql|raw_?sql|statement|user(_?id)?|roles?|caller|actor|created_?by|channel)$/i;
    for (const d of definitions)
      expect({ tool: d.name, bad: propertyNames(d.parameters).filter((p) => forbidden.test(p)) }).toEqual({
        tool: d.name,
        bad: [],
      });
  });

  it('refuses every tool to a caller with no role, before the tool does anything', async () => {
    const untouchable = new Proxy({} as Warehouse, {
      get: () => {
        throw new Error('a refused call must not reach the warehouse');
      },
    });
    const ctx: ToolContext = {
      caller: { userId: 'nobody', roles: [], channel: { kind: 'web' } },
      requestId: 'r',
      warehouse: untouchable,
      model,
      catalog: buildCatalogIndex(model),
      dimensionValues: undefined,
      ledger: undefined,
      freshness: async () => {
        throw new Error('a refused call must not read freshness');
      },
      clock: TEST_CLOCK,
      fiscalYearStartMonth: 1,
      limits: DEFAULT_TOOL_LIMITS,
      artifacts: createArtifactStore(),
    };
    for (const tool of ASSISTANT_TOOLS) {
      const result = await runTool(tool, {}, ctx);
      expect(result).toMatchObject({ ok: false, tool: tool.name, error: { code: 'TOOL_FORBIDDEN' } });
    }
    expect(ctx.artifacts.list()).toEqual([]);
  });

  it('offers each caller only the tools their roles allow', () => {
    const names = (c: typeof viewer) => toolsFor(c).map((t) => t.name);
    expect(names(viewer)).not.toContain('draft_transaction');
    expect(names(analyst)).not.toContain('list_transactions');
    expect(names(financeCaller)).toContain('draft_transaction');
    expect(names(viewer)).toContain('query_metrics');
    expect(findTool('query_metrics')?.role).toBe('viewer');
    expect(findTool('drop_tables')).toBeUndefined();
  });
});
