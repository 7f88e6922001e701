import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../core/clock.ts';
import { ErrorCode } from '../../core/coded-error.ts';
import { DuckDbWarehouse } from '../../db/duckdb-warehouse.ts';
import { PostgresWarehouse } from '../../db/postgres-warehouse.ts';
import { RedshiftDataStandIn } from '../../db/redshift-data-stand-in.ts';
import { RedshiftDataWarehouse } from '../../db/redshift-data-warehouse.ts';
import { createTestDatabase } from '../../db/test-postgres.ts';
import type { Warehouse } from '../../db/warehouse.ts';
import type { SemanticLayerModel } from '../model/semantic-layer-model.ts';
import { fixtureModel } from './catalog-fixture.ts';
import { buildCatalogIndex } from './catalog-index.ts';
import { loadDimensionValueIndex, saveDimensionValueIndex } from './dimension-value-index.ts';
import { indexDimensionValues, refreshDimensionValueIndex } from './index-dimension-values.ts';
import { searchCatalog } from './search-catalog.ts';

const INJECTION = `x'); DROP TABLE raw.stores; --`;
const QUOTED = 'Robert"; DROP TABLE "raw"."stores'; // a double quote, as in a quoted identifier
const LONG = 'L'.repeat(150);
const CITIES = [
  'Bilbao',
  'Bilbao',
  'Bilbao',
  'New York',
  'New York',
  'Zürich',
  INJECTION,
  QUOTED,
  LONG,
  null,
];

async function seed(warehouse: Warehouse): Promise<void> {
  for (const schema of ['raw', 'curated']) await warehouse.execute(`CREATE SCHEMA ${schema}`);
  await warehouse.execute(
    'CREATE TABLE raw.stores (store_id INTEGER, city VARCHAR(300), region_name VARCHAR(20))',
  );
  for (const [i, city] of CITIES.entries()) {
    await warehouse.execute('INSERT INTO raw.stores VALUES ($1, $2, $3)', [
      i,
      city,
      i % 2 === 0 ? 'North' : 'South',
    ]);
  }
  await warehouse.execute('CREATE VIEW curated.stores AS SELECT * FROM raw.stores');
  await warehouse.execute('CREATE TABLE raw.sales (line_id INTEGER, channel VARCHAR(10))');
  await warehouse.execute(`INSERT INTO raw.sales VALUES (1, 'web'), (2, 'store'), (3, 'web')`);
  await warehouse.execute('CREATE VIEW curated.sales AS SELECT * FROM raw.sales');
  // curated.products is left out on purpose: its dimensions must be skipped, not fail the run.
}

/** The fixture model plus a dimension defined by an expression and a model outside curated. */
function modelWithTraps(): SemanticLayerModel {
  const base = fixtureModel();
  const stores = base.semanticModels.find((m) => m.name === 'stores');
  if (stores === undefined) throw new Error('fixture has no stores');
  return {
    ...base,
    semanticModels: [
      ...base.semanticModels.filter((m) => m !== stores),
      {
        ...stores,
        dimensions: [
          ...stores.dimensions,
          { ...stores.dimensions[0], name: 'city_upper', type: 'categorical', expr: 'upper(city)' } as never,
        ],
      },
      { ...stores, name: 'raw_stores', relation: 'raw.stores' },
    ],
  };
}

const ENGINES: Record<string, () => Promise<{ warehouse: Warehouse; cleanup: () => Promise<void> }>> = {
  async duckdb() {
    const warehouse = await DuckDbWarehouse.open(join(mkdtempSync(join(tmpdir(), 'catalog-')), 'w.duckdb'));
    return { warehouse, cleanup: () => warehouse.close() };
  },
  async postgres() {
    const database = await createTestDatabase('catalog');
    const warehouse = new PostgresWarehouse({ url: database.url });
    return {
      warehouse,
      cleanup: async () => {
        await warehouse.close();
        await database.drop();
      },
    };
  },
  /** Dialect redshift: the Data API adapter through the real AWS SDK against the local stand-in. */
  async 'redshift-data'() {
    const database = await createTestDatabase('catalog');
    const standIn = await RedshiftDataStandIn.start({ databaseUrl: database.url, pageSize: 3 });
    const warehouse = new RedshiftDataWarehouse({
      target: { WorkgroupName: 'test-workgroup', Database: 'dev' },
      region: 'us-east-1',
      endpoint: standIn.endpoint,
      credentials: { accessKeyId: 'AKIDTEST', secretAccessKey: 'test-secret' },
    });
    return {
      warehouse,
      cleanup: async () => {
        await warehouse.close();
        await standIn.close();
        await database.drop();
      },
    };
  },
};

describe.each(Object.keys(ENGINES))('indexDimensionValues on %s', (engine) => {
  let warehouse: Warehouse;
  let cleanup: () => Promise<void>;
  const clock = fixedClock(new Date('2026-03-04T05:06:07Z'));

  beforeAll(async () => {
    ({ warehouse, cleanup } = await (ENGINES[engine] as () => ReturnType<(typeof ENGINES)['duckdb']>)());
    await seed(warehouse);
  });
  afterAll(() => cleanup());

  it('reads each categorical dimension: distinct, non-null, length-capped, sorted, with the build time', async () => {
    const index = await indexDimensionValues(warehouse, modelWithTraps(), { clock, maxValueLength: 100 });
    expect(index.builtAt).toBe('2026-03-04T05:06:07.000Z');
    expect(index.source).toBe(warehouse.description);
    const city = index.dimensions.find((d) => d.dimension === 'stores.city');
    expect(city).toEqual({
      dimension: 'stores.city',
      relation: 'curated.stores',
      values: ['Bilbao', 'New York', QUOTED, 'Zürich', INJECTION].sort((a, b) => (a < b ? -1 : 1)),
      truncated: false,
    });
    expect(index.dimensions.find((d) => d.dimension === 'sales.channel')?.values).toEqual(['store', 'web']);
  });

  it('stores injection-looking values as plain data and leaves the warehouse untouched', async () => {
    const index = await indexDimensionValues(warehouse, fixtureModel(), { clock });
    expect(index.dimensions.find((d) => d.dimension === 'stores.city')?.values).toContain(INJECTION);
    const still = await warehouse.query('SELECT COUNT(*) AS n FROM raw.stores');
    expect(Number(still.rows[0]?.n)).toBe(CITIES.length);
    const hit = searchCatalog(buildCatalogIndex(fixtureModel(), index), INJECTION)[0];
    expect(hit?.values[0]?.value).toBe(INJECTION);
  });

  it('keeps the most frequent values under the count cap and says it truncated', async () => {
    const index = await indexDimensionValues(warehouse, fixtureModel(), { clock, maxValuesPerDimension: 2 });
    expect(index.dimensions.find((d) => d.dimension === 'stores.city')).toMatchObject({
      values: ['Bilbao', 'New York'],
      truncated: true,
    });
  });

  it('skips expressions, relations outside curated and missing views, with the reason', async () => {
    const index = await indexDimensionValues(warehouse, modelWithTraps(), { clock });
    const reasons = Object.fromEntries(index.skipped.map((s) => [s.dimension, s.reason]));
    expect(reasons['stores.city_upper']).toBe('defined by an expression, not a column');
    expect(reasons['raw_stores.city']).toBe('relation raw.stores is not a curated.<view> name');
    expect(reasons['products.category']).toMatch(/^query failed: /);
    expect(index.dimensions.map((d) => d.dimension)).not.toContain('raw_stores.city');
  });

  it('refreshes the saved index atomically, leaving no temporary file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'catalog-values-'));
    const path = join(dir, 'nested', 'values.json');
    const built = await refreshDimensionValueIndex(warehouse, fixtureModel(), path, { clock });
    expect(await loadDimensionValueIndex(path)).toEqual(built);
    expect(readdirSync(join(dir, 'nested'))).toEqual(['values.json']);
  });
});

describe('value index options and files', () => {
  it('refuses a bad cap with BAD_ARGUMENT', async () => {
    const warehouse = { dialect: 'duckdb' } as Warehouse; // never queried: the options fail first
    await expect(
      indexDimensionValues(warehouse, fixtureModel(), { maxValuesPerDimension: 0 }),
    ).rejects.toMatchObject({
      code: ErrorCode.BadArgument,
      message: expect.stringContaining('maxValuesPerDimension'),
    });
    await expect(
      indexDimensionValues(warehouse, fixtureModel(), { maxValueLength: 5000 }),
    ).rejects.toMatchObject({
      code: ErrorCode.BadArgument,
    });
  });

  it('names the file when it is missing or not an index', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'catalog-values-'));
    await expect(loadDimensionValueIndex(join(dir, 'none.json'))).rejects.toMatchObject({
      code: ErrorCode.PathUnreadable,
      message: expect.stringContaining('none.json'),
    });
    writeFileSync(join(dir, 'bad.json'), '{"version": 2}');
    await expect(loadDimensionValueIndex(join(dir, 'bad.json'))).rejects.toMatchObject({
      code: ErrorCode.PathUnreadable,
      message: expect.stringContaining('is not a dimension value index'),
    });
  });

  it('reports an unwritable path with PATH_UNWRITABLE', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'catalog-values-'));
    writeFileSync(join(dir, 'file'), 'x');
    const index = { version: 1 as const, builtAt: 'now', source: 's', dimensions: [], skipped: [] };
    await expect(saveDimensionValueIndex(join(dir, 'file', 'values.json'), index)).rejects.toMatchObject({
      code: ErrorCode.PathUnwritable,
    });
  });
});
