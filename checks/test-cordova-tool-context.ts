/**
 * Test support: the Cordova demo (seed 42, scale 0.1 unless WEB_CHECK_SCALE says otherwise, as of 2026-06-30) built into a DuckDB file
 * and a tool context over it with the shipped semantic model, as the web's end-to-end checks use.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fixedClock } from '../core/clock.ts';
import { openWarehouse } from '../db/open-warehouse.ts';
import type { Warehouse } from '../db/warehouse.ts';
import { CORDOVA_FISCAL_YEAR_START_MONTH } from '../demo/cordova-questions.ts';
import { generateDemo } from '../demo/generate-demo.ts';
import type { DemoStories } from '../demo/stories.ts';
import { buildCatalogIndex } from '../semantic-layer/catalog/catalog-index.ts';
import { indexDimensionValues } from '../semantic-layer/catalog/index-dimension-values.ts';
import { loadSemanticModel } from '../semantic-layer/validate/validate-semantic-model.ts';
import { createArtifactStore } from '../tools/artifact-store.ts';
import { DEFAULT_TOOL_LIMITS, type ToolContext } from '../tools/tool.ts';
import { buildDemoWarehouse } from './build-demo-warehouse.ts';

export const CORDOVA_MODEL_DIR = join(import.meta.dirname, '../semantic-layer/models');
export const CORDOVA_DASHBOARD_FILE = join(import.meta.dirname, '../semantic-layer/dashboard.yaml');

export interface CordovaContext {
  ctx: ToolContext;
  stories: DemoStories;
  warehouse: Warehouse;
  close(): Promise<void>;
}

export async function openCordovaContext(): Promise<CordovaContext> {
  const dir = mkdtempSync(join(tmpdir(), 'web-cordova-'));
  await generateDemo({
    seed: 42,
    scale: Number(process.env.WEB_CHECK_SCALE ?? 0.1),
    asOf: '2026-06-30',
    outDir: join(dir, 'demo'),
  });
  const warehouse = await openWarehouse(`duckdb:${join(dir, 'warehouse.duckdb')}`);
  await buildDemoWarehouse(warehouse, join(dir, 'demo'));
  const model = loadSemanticModel(CORDOVA_MODEL_DIR);
  const clock = fixedClock(new Date('2026-06-30T12:00:00Z'));
  const dimensionValues = await indexDimensionValues(warehouse, model, { clock });
  const stories = JSON.parse(readFileSync(join(dir, 'demo', 'stories.json'), 'utf8')) as DemoStories;
  const ctx: ToolContext = {
    caller: { userId: 'check', roles: ['analyst'], channel: { kind: 'web' } },
    requestId: 'check',
    warehouse,
    model,
    catalog: buildCatalogIndex(model, dimensionValues),
    dimensionValues,
    ledger: undefined,
    freshness: async () => [{ source: 'erp', lastLoadedAt: '2026-06-30T02:00:00.000Z', loads: 1 }],
    clock,
    fiscalYearStartMonth: CORDOVA_FISCAL_YEAR_START_MONTH,
    limits: DEFAULT_TOOL_LIMITS,
    artifacts: createArtifactStore(),
  };
  return {
    ctx,
    stories,
    warehouse,
    close: async () => {
      await warehouse.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
