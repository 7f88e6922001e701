/**
 * Test support: a SHOEBOX_HOME holding the Cordova demo (scale 0.01) built into its DuckDB
 * warehouse, with the catalog's value index, as `shoebox demo` would leave it, for tests of the
 * assistant's runtime and `shoebox ask` (assistant/ may not import demo/, so it lives here).
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fixedClock } from '../core/clock.ts';
import { openWarehouse } from '../db/open-warehouse.ts';
import { CORDOVA_FISCAL_YEAR_START_MONTH } from '../demo/cordova-questions.ts';
import { generateDemo } from '../demo/generate-demo.ts';
import { catalogValuesFile } from '../semantic-layer/catalog/dimension-value-index.ts';
import { refreshDimensionValueIndex } from '../semantic-layer/catalog/index-dimension-values.ts';
import { loadSemanticModel } from '../semantic-layer/validate/validate-semantic-model.ts';
import { buildDemoWarehouse } from './build-demo-warehouse.ts';

export const CORDOVA_NOW = '2026-06-30';

/** Builds the home in `dir`; returns the environment that points `shoebox` (or loadConfig) at it. */
export async function buildCordovaHome(dir: string): Promise<Record<string, string>> {
  const home = join(dir, 'home');
  await mkdir(home, { recursive: true });
  await generateDemo({ seed: 42, scale: 0.01, asOf: CORDOVA_NOW, outDir: join(dir, 'demo') });
  const warehouse = await openWarehouse(`duckdb:${join(home, 'warehouse.duckdb')}`);
  try {
    await buildDemoWarehouse(warehouse, join(dir, 'demo'));
    const model = loadSemanticModel(join(import.meta.dirname, '../semantic-layer/models'));
    await refreshDimensionValueIndex(warehouse, model, catalogValuesFile(home), {
      clock: fixedClock(new Date(`${CORDOVA_NOW}T12:00:00Z`)),
    });
  } finally {
    await warehouse.close();
  }
  return {
    SHOEBOX_HOME: home,
    SHOEBOX_NOW: CORDOVA_NOW,
    FISCAL_YEAR_START_MONTH: String(CORDOVA_FISCAL_YEAR_START_MONTH),
  };
}
