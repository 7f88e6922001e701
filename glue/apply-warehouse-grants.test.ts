/** On the Postgres server: the reader can SELECT curated views and nothing in dw or erp. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openWarehouse } from '../db/open-warehouse.ts';
import { adminQuery, createTestDatabase, uniqueName } from '../db/test-postgres.ts';
import type { Warehouse } from '../db/warehouse.ts';
import { applyWarehouseGrants } from './apply-warehouse-grants.ts';
import { applyWarehouseSchema } from './apply-warehouse-schema.ts';

describe('applyWarehouseGrants on Postgres', () => {
  let db: { url: string; drop: () => Promise<void> };
  let admin: Warehouse;
  let reader: Warehouse;
  const user = uniqueName('shoebox_reader');
  const group = uniqueName('shoebox_readers');

  beforeAll(async () => {
    db = await createTestDatabase('shoebox_grants');
    admin = await openWarehouse(db.url);
    await applyWarehouseSchema(admin, {
      fiscalYearStartMonth: 1,
      dateRange: { from: '2026-01-01', to: '2026-01-31' },
    });
    await admin.execute(
      'CREATE SCHEMA erp; CREATE TABLE erp.stores (store_id INTEGER); GRANT USAGE ON SCHEMA erp TO PUBLIC',
    );
    await admin.execute('GRANT SELECT ON erp.stores TO PUBLIC');
    await adminQuery(`CREATE ROLE ${user} LOGIN`);
    const url = new URL(db.url);
    url.username = user;
    reader = await openWarehouse(url.toString());
  });
  afterAll(async () => {
    await reader?.close();
    await admin?.close();
    await db?.drop();
    await adminQuery(`DROP ROLE IF EXISTS ${user}; DROP ROLE IF EXISTS ${group}`);
  });

  it('lets the reader query curated views but not dw or erp tables', async () => {
    const result = await applyWarehouseGrants(admin, { user, group });
    expect(result.revoked).toEqual(expect.arrayContaining(['dw', 'erp']));
    const dates = await reader.query('SELECT COUNT(*) AS n FROM curated.dates');
    expect(dates.rows[0]?.n).toBe(31);
    await expect(reader.query('SELECT COUNT(*) FROM curated.sales_lines')).resolves.toBeDefined();
    await expect(reader.query('SELECT * FROM dw.dim_date')).rejects.toThrow(/permission denied/);
    await expect(reader.query('SELECT * FROM erp.stores')).rejects.toThrow(/permission denied/);
  });

  it('is safe to rerun and keeps working after the views are recreated', async () => {
    await applyWarehouseSchema(admin, {
      fiscalYearStartMonth: 1,
      dateRange: { from: '2026-01-01', to: '2026-01-31' },
    });
    await applyWarehouseGrants(admin, { user, group });
    expect((await reader.query('SELECT COUNT(*) AS n FROM curated.dates')).rows[0]?.n).toBe(31);
  });

  it('names a missing user and skips DuckDB', async () => {
    await expect(applyWarehouseGrants(admin, { user: 'no_such_user_here' })).rejects.toThrow(
      /create it first/,
    );
    const duck = await openWarehouse('duckdb::memory:');
    expect(await applyWarehouseGrants(duck, { user })).toMatchObject({ applied: false });
    await duck.close();
  });
});
