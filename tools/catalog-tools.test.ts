/** search_catalog, list_dimension_values, make_chart and data_freshness over the trap fixture on DuckDB. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readLoadFreshness } from '../db/data-freshness.ts';
import type { ChartArtifact } from './artifact-store.ts';
import { dataFreshnessTool } from './data-freshness-tool.ts';
import { listDimensionValuesTool } from './list-dimension-values-tool.ts';
import { makeChartTool } from './make-chart-tool.ts';
import { queryMetricsTool } from './query-metrics-tool.ts';
import { runTool } from './run-tool.ts';
import { searchCatalogTool } from './search-catalog-tool.ts';
import type { ToolContext, ToolResult } from './tool.ts';
import { fixtureContext, openFixtureWarehouse, type TestWarehouse } from './tool-test-context.ts';

let fixture: TestWarehouse;
let ctx: ToolContext;

beforeAll(async () => {
  fixture = await openFixtureWarehouse();
  ctx = await fixtureContext(fixture.warehouse);
}, 60_000);
afterAll(async () => fixture?.close());

function content(result: ToolResult): Record<string, unknown> {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.content;
}

describe('search_catalog', () => {
  it('ranks the members and values the words name', async () => {
    const found = content(await runTool(searchCatalogTool, { text: 'revenue in Bilbao', limit: null }, ctx));
    const members = found.members as { kind: string; name: string; values: string[] }[];
    expect(members[0]?.kind === 'metric' || members[0]?.kind === 'dimension').toBe(true);
    expect(members.find((m) => m.kind === 'metric' && m.name === 'revenue')).toBeTruthy();
    const city = members.find((m) => m.values.some((v) => v.startsWith('Bilbao')));
    expect(city?.kind).toBe('dimension');
  });

  it("tells the model which of a dimension's members stand for none", async () => {
    const model = structuredClone(ctx.model);
    const regions = model.semanticModels.flatMap((m) => m.dimensions).find((d) => d.name === 'region_name');
    if (regions === undefined) throw new Error('the fixture has no region_name');
    regions.placeholder_values = ['(none)'];
    const found = content(
      await runTool(searchCatalogTool, { text: 'region', limit: null }, { ...ctx, model }),
    );
    const members = found.members as { kind: string; name: string; description: string | null }[];
    const region = members.find((m) => m.kind === 'dimension' && m.name.endsWith('.region_name'));
    expect(region?.description).toMatch(/"\(none\)" stands for none: leave it out of rankings/);
    const before = content(await runTool(searchCatalogTool, { text: 'region', limit: null }, ctx));
    const plain = (before.members as typeof members).find((m) => m.name === region?.name);
    expect(plain?.description).not.toMatch(/stands for none/);
  });

  it('says so when nothing matches, and refuses an empty text', async () => {
    const none = content(await runTool(searchCatalogTool, { text: 'zzzqqq', limit: 3 }, ctx));
    expect(none.members).toEqual([]);
    expect(none.note).toMatch(/Nothing in the catalog/);
    expect(await runTool(searchCatalogTool, { text: '', limit: null }, ctx)).toMatchObject({
      ok: false,
      error: { code: 'TOOL_BAD_ARGUMENTS' },
    });
  });
});

describe('list_dimension_values', () => {
  it('lists the warehouse values, filtered by a search string', async () => {
    const all = content(
      await runTool(
        listDimensionValuesTool,
        { dimension: 'regions.region_name', search: null, limit: null },
        ctx,
      ),
    );
    const hand = await fixture.warehouse.query('SELECT DISTINCT region_name FROM fx.regions ORDER BY 1');
    expect([...(all.values as string[])].sort()).toEqual(hand.rows.map((r) => r.region_name));
    expect(all.source).toBe('warehouse');
    const some = content(
      await runTool(
        listDimensionValuesTool,
        { dimension: 'stores.store_name', search: 'LISBOA', limit: null },
        ctx,
      ),
    );
    expect(some.values).toEqual(['Lisboa Chiado']);
  });

  it('names the nearest dimensions for an unknown one, and the nearest values for no match', async () => {
    const unknown = await runTool(
      listDimensionValuesTool,
      { dimension: 'region_name', search: null, limit: null },
      ctx,
    );
    expect(unknown).toMatchObject({ ok: false, error: { code: 'SEMANTIC_UNKNOWN_MEMBER' } });
    if (!unknown.ok) expect(unknown.error.message).toContain('"regions.region_name"');
    const none = content(
      await runTool(
        listDimensionValuesTool,
        { dimension: 'regions.region_name', search: 'Nort', limit: 5 },
        ctx,
      ),
    );
    expect(none.values).toEqual(['North']);
    const typo = content(
      await runTool(
        listDimensionValuesTool,
        { dimension: 'regions.region_name', search: 'Nrth', limit: 5 },
        ctx,
      ),
    );
    expect(typo.values).toEqual([]);
    expect(typo.note).toContain('"North"');
  });
});

/** Revenue by month of 2024 up to `end`, with a comparison or none: a query_metrics result. */
async function monthlyRevenue(end: string, compare: 'same_period_last_year' | null) {
  const query = {
    metrics: ['revenue'],
    dimensions: [],
    time: { dimension: 'metric_time', grain: 'month', range: { start: '2024-01-01', end } },
    filters: [],
    compare,
    share_of_total: false,
    include_others: false,
    order: [],
    limit: 100,
  };
  return content(await runTool(queryMetricsTool, query, ctx));
}

describe('make_chart', () => {
  it('draws a previous result as SVG and PNG artifacts, and refuses an unknown result id', async () => {
    const query = await monthlyRevenue('2024-12-31', null);
    const drawn = await runTool(makeChartTool, { result_id: query.result_id, kind: null, title: null }, ctx);
    expect(content(drawn)).toMatchObject({ drawn: true, kind: 'line' });
    const chart = (drawn.ok ? drawn.artifacts[0] : undefined) as ChartArtifact;
    expect(chart.svg).toMatch(/^<svg/);
    expect(chart.png.subarray(1, 4).toString()).toBe('PNG');
    expect(chart.source).toBe(query.result_id);
    const bar = content(
      await runTool(makeChartTool, { result_id: query.result_id, kind: 'bar', title: 'Revenue' }, ctx),
    );
    expect(bar.kind).toBe('bar');
    const missing = await runTool(makeChartTool, { result_id: 'result_999', kind: null, title: null }, ctx);
    expect(missing).toMatchObject({ ok: false, error: { code: 'BAD_ARGUMENT' } });
    if (!missing.ok) expect(missing.error.message).toContain(String(query.result_id));
  });

  it("names a comparison's line by its period and the metric by its label in the model", async () => {
    const query = await monthlyRevenue('2024-06-30', 'same_period_last_year');
    const drawn = await runTool(makeChartTool, { result_id: query.result_id, kind: null, title: null }, ctx);
    const chart = (drawn.ok ? drawn.artifacts[0] : undefined) as ChartArtifact;
    const series = new Set(
      ((chart.spec as { data: { values: { s: string }[] } }).data.values ?? []).map((p) => p.s),
    );
    const label = ctx.model.metrics.find((m) => m.name === 'revenue')?.label ?? 'Revenue';
    expect([...series].sort()).toEqual([label, `${label} (same period last year)`].sort());
  });
});

describe('data_freshness', () => {
  it('reports each source from the context reader, with its age', async () => {
    const fresh = content(await runTool(dataFreshnessTool, {}, ctx));
    expect(fresh.sources).toEqual([
      { source: 'erp', last_loaded_at: '2025-03-15T02:00:00.000Z', hours_ago: 10 },
    ]);
  });

  it('reads the pipeline runs (meta.etl_runs) through the db reader, successful runs only', async () => {
    expect(await readLoadFreshness(fixture.warehouse)).toEqual([]);
    await fixture.warehouse.execute('CREATE SCHEMA IF NOT EXISTS meta');
    await fixture.warehouse.execute(
      'CREATE TABLE meta.etl_runs (run_id VARCHAR(40), source VARCHAR(64), mode VARCHAR(16), started_at TIMESTAMP, ended_at TIMESTAMP, status VARCHAR(16), rows_json VARCHAR(4000), watermarks_json VARCHAR(4000), error VARCHAR(4000))',
    );
    await fixture.warehouse.execute(
      "INSERT INTO meta.etl_runs (run_id, source, ended_at, status) VALUES ('a', 'erp', TIMESTAMP '2025-03-14 01:00:00', 'succeeded'), ('b', 'erp', TIMESTAMP '2025-03-15 01:30:00', 'succeeded'), ('x', 'erp', TIMESTAMP '2025-03-15 01:50:00', 'failed'), ('c', 'ledger', TIMESTAMP '2025-03-13 00:00:00', 'succeeded')",
    );
    const reader = { ...ctx, freshness: () => readLoadFreshness(fixture.warehouse) };
    const fresh = content(await runTool(dataFreshnessTool, {}, reader));
    expect(fresh.sources).toEqual([
      { source: 'erp', last_loaded_at: '2025-03-15T01:30:00.000Z', hours_ago: 10.5 },
      { source: 'ledger', last_loaded_at: '2025-03-13T00:00:00.000Z', hours_ago: 60 },
    ]);
  });
});
