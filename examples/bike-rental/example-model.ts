/**
 * Test helpers for the Tejo Bikes example: its model loaded from models/*.yaml by the real
 * validating loader, and a DuckDB warehouse holding its CSV files, each as a table of the same name plus a
 * curated.<name> view over it (what `shoebox load FILE --table NAME --view curated.NAME` makes).
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DuckDbWarehouse } from '../../db/duckdb-warehouse.ts';
import type { SemanticLayerModel } from '../../semantic-layer/model/semantic-layer-model.ts';
import { loadSemanticModel } from '../../semantic-layer/validate/validate-semantic-model.ts';

export const EXAMPLE_DIR = dirname(fileURLToPath(import.meta.url));
export const EXAMPLE_TABLES = ['stations', 'bikes', 'members', 'rentals', 'maintenance'] as const;

/** The example's model through the real loader: parsed, validated, every problem reported at once. */
export function readExampleModel(): SemanticLayerModel {
  return loadSemanticModel(join(EXAMPLE_DIR, 'models'));
}

export async function openExampleWarehouse(): Promise<DuckDbWarehouse> {
  const warehouse = await DuckDbWarehouse.open(join(mkdtempSync(join(tmpdir(), 'bike-rental-')), 'w.duckdb'));
  await warehouse.execute('CREATE SCHEMA curated');
  for (const table of EXAMPLE_TABLES) {
    const csv = join(EXAMPLE_DIR, 'data', `${table}.csv`).replaceAll("'", "''");
    await warehouse.execute(`CREATE TABLE ${table} AS SELECT * FROM read_csv('${csv}', header = true)`);
    await warehouse.execute(`CREATE VIEW curated.${table} AS SELECT * FROM main.${table}`);
  }
  return warehouse;
}
