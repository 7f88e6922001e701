import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { trapFixtureModel } from '../../semantic-layer/compiler/test-fixtures/trap-fixture.ts';
import type { TableArtifact } from '../../tools/artifact-store.ts';
import { queryMetricsTool } from '../../tools/query-metrics-tool.ts';
import { runTool } from '../../tools/run-tool.ts';
import type { ToolContext } from '../../tools/tool.ts';
import { fixtureContext, openFixtureWarehouse, type TestWarehouse } from '../../tools/tool-test-context.ts';
import { parseDashboardConfig } from './dashboard-config.ts';
import { type RunningDashboard, startDashboardApp } from './test-dashboard-app.ts';

const CONFIG = `
title: Fixture overview
kpis:
  - { metric: revenue, label: Revenue }
  - { metric: order_count }
  - { metric: discount_rate, label: Discount rate }
  - { metric: revenue_all_time, label: Revenue since the start }
charts:
  - { title: Revenue by month, metric: revenue, grain: month, months: 24 }
  - { title: Revenue by region, metric: revenue, dimension: regions.region_name }
insights:
  movers:
    - { metric: revenue, dimensions: [orders.channel] }
`;

let fixture: TestWarehouse;
let ctx: ToolContext;
let app: RunningDashboard;
const dir = mkdtempSync(path.join(tmpdir(), 'dash-'));

beforeAll(async () => {
  fixture = await openFixtureWarehouse();
  ctx = await fixtureContext(fixture.warehouse);
  writeFileSync(path.join(dir, 'dashboard.yaml'), CONFIG);
  app = await startDashboardApp(ctx, { configFile: path.join(dir, 'dashboard.yaml') });
}, 60_000);

afterAll(async () => {
  await app?.close();
  await fixture?.close();
  rmSync(dir, { recursive: true, force: true });
});

interface Tile {
  metric: string;
  label: string;
  value: number | null;
  previous: number | null;
  lastYear: number | null;
  vsLastYear: number | null;
  error: string | null;
}
interface DashboardJson {
  ranges: {
    current: { start: string; end: string };
    previous: { start: string; end: string };
    lastYear: { start: string; end: string };
  };
  tiles: Tile[];
  charts: { title: string; url: string | null; error: string | null }[];
  cache: { hits: number; misses: number };
}

const get = (pathname: string, user = 'manager') =>
  fetch(`${app.url}${pathname}`, { headers: { 'x-test-user': user } });

/** The figure as query_metrics gives it, written out here rather than through the dashboard's helpers. */
async function figure(metric: string, range: { start: string; end: string }): Promise<number | null> {
  // A running total is read by month; its figure is the last month's.
  const balance = metric === 'revenue_all_time';
  const result = await runTool(
    queryMetricsTool,
    {
      metrics: [metric],
      dimensions: [],
      time: { dimension: 'metric_time', grain: balance ? 'month' : null, range },
      filters: [],
      compare: null,
      share_of_total: false,
      include_others: false,
      order: balance ? [{ by: 'metric_time', direction: 'desc' }] : [],
      limit: 10,
    },
    ctx,
  );
  if (!result.ok) throw new Error(result.error.message);
  const table = result.artifacts[0] as TableArtifact;
  const value = table.rows[0]?.[metric];
  return value === null || value === undefined ? null : Number(value);
}

describe('dashboard over the fixture warehouse', () => {
  it('shows every tile with the figures query_metrics gives for the period, the period before and last year', async () => {
    const response = await get('/api/dashboard?period=last_quarter');
    expect(response.status).toBe(200);
    const d = (await response.json()) as DashboardJson;
    expect(d.ranges).toEqual({
      period: 'last_quarter',
      current: { start: '2024-10-01', end: '2024-12-31' },
      previous: { start: '2024-07-01', end: '2024-09-30' },
      lastYear: { start: '2023-10-01', end: '2023-12-31' },
    });
    expect(d.tiles.map((t) => t.label)).toEqual([
      'Revenue',
      'Order count',
      'Discount rate',
      'Revenue since the start',
    ]);
    for (const tile of d.tiles) {
      expect(tile.error, tile.metric).toBeNull();
      expect(tile.value, tile.metric).toBe(await figure(tile.metric, d.ranges.current));
      expect(tile.previous, tile.metric).toBe(await figure(tile.metric, d.ranges.previous));
      expect(tile.lastYear, tile.metric).toBe(await figure(tile.metric, d.ranges.lastYear));
    }
    expect(d.tiles[0]?.value).toBeGreaterThan(0);
    expect(d.tiles[3]?.value).toBeGreaterThan(d.tiles[0]?.value ?? 0);
    expect(d.charts.map((c) => c.title)).toEqual(['Revenue by month', 'Revenue by region']);
    const svg = await get(d.charts[1]?.url ?? '');
    expect(svg.headers.get('content-type')).toBe('image/svg+xml; charset=utf-8');
    expect(await svg.text()).toMatch(/^<svg/);
  });

  it('serves a second load from memory and builds again when a new load lands', async () => {
    const first = (await (await get('/api/dashboard?period=this_quarter')).json()) as DashboardJson;
    const queriesAfterBuild = app.queries;
    const started = performance.now();
    const second = (await (await get('/api/dashboard?period=this_quarter')).json()) as DashboardJson;
    const warmMs = performance.now() - started;
    const page = await get('/dashboard?period=this_quarter');
    expect(page.status).toBe(200);
    expect(app.queries).toBe(queriesAfterBuild);
    expect(second.cache.hits).toBe(first.cache.hits + 1);
    expect(second.tiles).toEqual(first.tiles);
    console.info(`dashboard warm /api/dashboard: ${warmMs.toFixed(1)} ms (fixture warehouse)`);

    app.freshness = [{ source: 'erp', lastLoadedAt: '2025-03-15T09:00:00.000Z', loads: 2 }];
    const third = (await (await get('/api/dashboard?period=this_quarter')).json()) as DashboardJson;
    expect(third.cache.misses).toBe(second.cache.misses + 1);
    expect(app.queries).toBeGreaterThan(queriesAfterBuild);
  });

  it('renders the page: period picker, tiles with changes, chart images, links to the chat', async () => {
    const html = await (await get('/dashboard?period=last_12_months')).text();
    expect(html).toContain('<h1>Fixture overview</h1>');
    expect(html).toContain('href="/dashboard?period=last_12_months" aria-current="true"');
    expect(html).toContain('<span class="tile-label">Revenue</span>');
    expect(html).toContain('vs last year');
    expect(html).toMatch(
      /<img src="\/dashboard\/charts\/last_12_months\/0\.svg\?v=[^"]+" alt="Revenue by month"/,
    );
    expect(html).toContain(
      'href="/chat?q=Revenue%20in%20the%20last%2012%20months%20compared%20with%20last%20year"',
    );
  });

  it('refuses an unknown period, and signed-out callers', async () => {
    expect((await get('/api/dashboard?period=forever')).status).toBe(400);
    expect((await fetch(`${app.url}/api/dashboard`)).status).toBe(401);
    expect((await fetch(`${app.url}/dashboard`, { redirect: 'manual' })).status).toBe(303);
  });
});

describe('dashboard configuration', () => {
  it('names every unknown member and shape problem at once', () => {
    const bad = `kpis:\n  - { metric: revenu }\ncharts:\n  - { title: x, metric: revenue, dimension: regions.nope }\n  - { title: y, metric: revenue }\n`;
    expect(() => parseDashboardConfig(bad, trapFixtureModel())).toThrowError(
      /kpis\[0\]: no metric "revenu"[\s\S]*charts\[0\]: no dimension "regions.nope"[\s\S]*charts\[1\]: give either a dimension or a grain/,
    );
    expect(() => parseDashboardConfig('kpis: []\nextra: 1\n', trapFixtureModel())).toThrowError(
      /DASHBOARD|kpis|extra/,
    );
  });
});
