/** Build beside, swap in: on DuckDB and the Postgres server, a failed rebuild keeps the live rows. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openWarehouse } from '../db/open-warehouse.ts';
import { createTestDatabase } from '../db/test-postgres.ts';
import type { Warehouse } from '../db/warehouse.ts';
import { applyWarehouseSchema } from './apply-warehouse-schema.ts';
import { rebuildTable } from './rebuild-table.ts';

const engines = [
  {
    name: 'duckdb',
    open: async () => ({ warehouse: await openWarehouse('duckdb::memory:'), drop: async () => {} }),
  },
  {
    name: 'postgres',
    open: async () => {
      const db = await createTestDatabase('shoebox_rebuild');
      return { warehouse: await openWarehouse(db.url), drop: db.drop };
    },
  },
];

describe.each(engines)('rebuildTable on $name', ({ open }) => {
  let warehouse: Warehouse;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    ({ warehouse, drop } = await open());
    await warehouse.execute('DROP SCHEMA IF EXISTS dw CASCADE; DROP SCHEMA IF EXISTS curated CASCADE');
    await applyWarehouseSchema(warehouse, {
      fiscalYearStartMonth: 1,
      dateRange: { from: '2026-01-01', to: '2026-12-31' },
    });
  });
  afterAll(async () => {
    await warehouse.close();
    await drop();
  });

  const channels = async () =>
    (await warehouse.query('SELECT channel_code FROM curated.channels ORDER BY channel_key')).rows.map(
      (r) => r.channel_code,
    );

  it('swaps the new rows in behind the curated view and leaves no __next table', async () => {
    const rows = await rebuildTable(warehouse, 'dim_channel', (target) =>
      warehouse.execute(`INSERT INTO dw.${target} VALUES (1, 'store', 'In store'), (2, 'online', 'Online')`),
    );
    expect(rows).toBe(2);
    expect(await channels()).toEqual(['store', 'online']);
    expect((await warehouse.listRelations('dw')).map((r) => r.name)).not.toContain('dim_channel__next');
  });

  it('keeps the live rows when the rebuild fails, and can rebuild again afterwards', async () => {
    await expect(
      rebuildTable(warehouse, 'dim_channel', async (target) => {
        await warehouse.execute(`INSERT INTO dw.${target} VALUES (3, 'wholesale', 'Wholesale')`);
        await warehouse.execute(`INSERT INTO dw.${target} VALUES (NULL, 'broken', 'Broken')`);
      }),
    ).rejects.toThrow();
    expect(await channels()).toEqual(['store', 'online']);
    const rows = await rebuildTable(warehouse, 'dim_channel', (target) =>
      warehouse.execute(`INSERT INTO dw.${target} VALUES (3, 'wholesale', 'Wholesale')`),
    );
    expect(rows).toBe(1);
    expect(await channels()).toEqual(['wholesale']);
  });

  it('filled dim_date with every day of the range', async () => {
    const { rows } = await warehouse.query(
      'SELECT COUNT(*) AS n, MIN(full_date) AS lo, MAX(full_date) AS hi, SUM(CASE WHEN is_holiday THEN 1 ELSE 0 END) AS holidays FROM curated.dates',
    );
    expect(rows[0]).toEqual({ n: 365, lo: '2026-01-01', hi: '2026-12-31', holidays: 12 });
  });
});
