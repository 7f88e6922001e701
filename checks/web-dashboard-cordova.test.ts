/**
 * The web dashboard on the Cordova demo (scale 0.1): every tile equals query_metrics' figure, the
 * insights are three to five and the planted stories surface in them, and a second load is served
 * from memory (its latency logged, not asserted: machines differ). The refurbished store's closed
 * November surfaces as the anomaly at scale 1 (npm start's); at 0.1 store months are too noisy for
 * it to win reliably, so it is not asserted here (docs/web-chat.md shows the scale-1 insights).
 */

import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TableArtifact } from '../tools/artifact-store.ts';
import { queryMetricsTool } from '../tools/query-metrics-tool.ts';
import { runTool } from '../tools/run-tool.ts';
import { openBrowserAs } from '../web/chat/test-chromium.ts';
import { type RunningDashboard, startDashboardApp } from '../web/dashboard/test-dashboard-app.ts';
import { screenshotDir } from '../web/test-browser.ts';
import {
  CORDOVA_DASHBOARD_FILE,
  type CordovaContext,
  openCordovaContext,
} from './test-cordova-tool-context.ts';

let cordova: CordovaContext;
let app: RunningDashboard;

beforeAll(async () => {
  cordova = await openCordovaContext();
  app = await startDashboardApp(cordova.ctx, { configFile: CORDOVA_DASHBOARD_FILE });
  app.freshness = [{ source: 'erp', lastLoadedAt: '2026-06-30T02:00:00.000Z', loads: 1 }];
}, 300_000);

afterAll(async () => {
  await app?.close();
  await cordova?.close();
});

interface DashboardJson {
  ranges: Record<'current' | 'previous' | 'lastYear', { start: string; end: string } | null>;
  tiles: {
    metric: string;
    value: number | null;
    previous: number | null;
    lastYear: number | null;
    error: string | null;
  }[];
  insights: { kind: string; text: string; question: string }[];
  charts: { title: string; url: string | null; error: string | null }[];
  cache: { hits: number; misses: number };
  buildMs: number;
}

const load = async (period: string) =>
  (await (
    await fetch(`${app.url}/api/dashboard?period=${period}`, { headers: { 'x-test-user': 'manager' } })
  ).json()) as DashboardJson;

describe('the Cordova dashboard', () => {
  it('shows the configured tiles with the figures query_metrics gives', async () => {
    const d = await load('last_12_months');
    expect(d.tiles.map((t) => t.metric)).toEqual([
      'revenue',
      'gross_margin_pct',
      'units_sold',
      'return_rate',
      'days_of_inventory',
      'cash',
    ]);
    for (const tile of d.tiles) {
      expect(tile.error, tile.metric).toBeNull();
      expect(tile.value, tile.metric).not.toBeNull();
    }
    for (const metric of ['revenue', 'units_sold', 'return_rate']) {
      const result = await runTool(
        queryMetricsTool,
        {
          metrics: [metric],
          dimensions: [],
          time: { dimension: 'metric_time', grain: null, range: d.ranges.current },
          filters: [],
          compare: 'same_period_last_year',
          share_of_total: false,
          include_others: false,
          order: [],
          limit: 1,
        },
        cordova.ctx,
      );
      if (!result.ok) throw new Error(result.error.message);
      const row = (result.artifacts[0] as TableArtifact).rows[0] ?? {};
      const tile = d.tiles.find((t) => t.metric === metric);
      expect(tile?.value, metric).toBeCloseTo(Number(row[metric]), 6);
      expect(tile?.lastYear, metric).toBeCloseTo(Number(row[`${metric}_previous`]), 6);
    }
    expect(
      d.charts.every((c) => c.url !== null),
      JSON.stringify(d.charts),
    ).toBe(true);
  });

  it('writes three to five insights in which the planted stories surface', async () => {
    const d = await load('last_12_months');
    console.info(
      `insights (last 12 months, built in ${d.buildMs} ms):\n${d.insights.map((i) => `- [${i.kind}] ${i.text} -> ${i.question}`).join('\n')}`,
    );
    expect(d.insights.length).toBeGreaterThanOrEqual(3);
    expect(d.insights.length).toBeLessThanOrEqual(5);
    expect(d.insights[0]?.kind).toBe('explain');
    const text = d.insights.map((i) => i.text).join('\n');
    // The line launched last year explains most of the revenue change.
    expect(d.insights[0]?.text).toContain(`By product line, ${cordova.stories.newLine.line} accounts for`);
    // The supplier whose prices rose last April is the biggest margin mover.
    expect(text).toContain(
      `Biggest mover by supplier: ${cordova.stories.supplierPriceRise.supplier}, gross margin`,
    );
    expect(text).toMatch(
      new RegExp(
        `Biggest mover by product line: (${cordova.stories.supplierPriceRise.lines.join('|')}), gross margin [\\d.]+%, down`,
      ),
    );
    for (const insight of d.insights) expect(insight.question.length).toBeGreaterThan(10);
  });

  it('serves the second load from memory', async () => {
    await load('last_quarter');
    const queries = app.queries;
    const started = performance.now();
    const warm = await load('last_quarter');
    const ms = performance.now() - started;
    expect(app.queries).toBe(queries);
    expect(warm.cache.hits).toBeGreaterThan(0);
    console.info(`Cordova dashboard warm load: ${ms.toFixed(1)} ms; cold build ${warm.buildMs} ms`);
  });

  it('renders in Chromium: six tiles, the insights linking to the chat, the charts drawn', async () => {
    const browser = await openBrowserAs('manager');
    try {
      const { page } = browser;
      await page.setViewportSize({ width: 1280, height: 1500 });
      await page.goto(`${app.url}/dashboard`);
      await expect(page.locator('a.tile').count()).resolves.toBe(6);
      const insights = await page
        .locator('li.insight a')
        .evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
      expect(insights.length).toBeGreaterThanOrEqual(3);
      for (const href of insights) expect(href).toMatch(/^\/chat\?q=/);
      // A string, run in the page: the project's TypeScript has no DOM types.
      await page.waitForFunction(
        "[...document.querySelectorAll('.dash-chart img')].every((img) => img.complete && img.naturalWidth > 0)",
      );
      await expect(page.locator('.dash-chart img').count()).resolves.toBe(4);
      await page.screenshot({
        path: path.join(screenshotDir('web'), 'dashboard.png'),
        fullPage: true,
      });
      await page.locator('.periods a', { hasText: 'Last quarter' }).click();
      await page.locator('.periods a[aria-current="true"]', { hasText: 'Last quarter' }).waitFor();
      expect(browser.errors).toEqual([]);
    } finally {
      await browser.close();
    }
  }, 60_000);
});
