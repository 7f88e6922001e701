/**
 * The shipped semantic model against the real curated views: every relation and every column an
 * expression reads exists, on DuckDB and on Postgres (the views' columns come from the warehouse's
 * own information_schema). And the check does catch a wrong column.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openWarehouse } from '../db/open-warehouse.ts';
import { createTestDatabase } from '../db/test-postgres.ts';
import type { Warehouse } from '../db/warehouse.ts';
import { applyWarehouseSchema } from '../glue/transform-warehouse.ts';
import { validateSemanticModelOnline } from '../semantic-layer/validate/validate-semantic-model.ts';

const models = join(import.meta.dirname, '../semantic-layer/models');
const dir = mkdtempSync(join(tmpdir(), 'sl-wh-'));
interface Engine {
  name: string;
  warehouse?: Warehouse;
  drop?: () => Promise<void>;
}
const duckdb: Engine = { name: 'duckdb' };
const postgres: Engine = { name: 'postgres' };
const engines = [duckdb, postgres];

beforeAll(async () => {
  const db = await createTestDatabase('shoebox_sl_columns');
  duckdb.warehouse = await openWarehouse(`duckdb:${join(dir, 'warehouse.duckdb')}`);
  postgres.warehouse = await openWarehouse(db.url);
  postgres.drop = db.drop;
  for (const e of engines)
    if (e.warehouse) await applyWarehouseSchema(e.warehouse, { fiscalYearStartMonth: 2 });
}, 120_000);

afterAll(async () => {
  for (const e of engines) {
    await e.warehouse?.close();
    await e.drop?.();
  }
  rmSync(dir, { recursive: true, force: true });
});

describe.each(engines.map((e) => [e.name, e] as const))('the Cordova model on %s', (_name, engine) => {
  it('reads only relations and columns that exist', async () => {
    const { errors } = await validateSemanticModelOnline(models, engine.warehouse);
    expect(errors).toEqual([]);
  });

  it('reports a misspelt column and relation with file, line and code', async () => {
    const copy = mkdtempSync(join(dir, 'copy-'));
    cpSync(models, copy, { recursive: true });
    const sales = join(copy, 'sales.yaml');
    writeFileSync(sales, readFileSync(sales, 'utf8').replace('expr: net_amount', 'expr: net_amt'));
    const shared = join(copy, 'shared-dimensions.yaml');
    writeFileSync(shared, readFileSync(shared, 'utf8').replace('curated.channels', 'curated.chanels'));
    const { errors } = await validateSemanticModelOnline(copy, engine.warehouse);
    expect(errors.map((e) => `${e.file} ${e.code}`)).toEqual([
      'sales.yaml SL019',
      'shared-dimensions.yaml SL028',
    ]);
    expect(errors[0]?.message).toContain(
      'metric "revenue" reads "net_amt", which is not a column of curated.sales_lines',
    );
  });
});
