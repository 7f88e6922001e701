/**
 * The raw loader on every warehouse that can load a local file (DuckDB, and Postgres standing
 * in for Redshift's wire protocol): tables swap in whole, a rerun of the same extract is
 * skipped, and a failed load leaves the previous table and marker as they were.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openWarehouse } from '../db/open-warehouse.ts';
import { createTestDatabase } from '../db/test-postgres.ts';
import type { Warehouse } from '../db/warehouse.ts';
import { lastLoadedFingerprint, loadRawTables, type RawTableFile } from './load-raw-tables.ts';

const dir = mkdtempSync(path.join(os.tmpdir(), 'shoebox-raw-'));
const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups) await cleanup();
  rmSync(dir, { recursive: true, force: true });
});

function csv(name: string, text: string): string {
  const file = path.join(dir, name);
  writeFileSync(file, text);
  return file;
}

const regions = {
  name: 'regions',
  columns: [
    { name: 'region_id', type: 'int' },
    { name: 'region_name', type: 'nvarchar(40)' },
  ],
};
const sales = {
  name: 'sales',
  columns: [
    { name: 'sale_id', type: 'int' },
    { name: 'region_id', type: 'int' },
    { name: 'sold_on', type: 'date' },
    { name: 'amount', type: 'decimal(10,2)' },
    { name: 'note', type: 'nvarchar(80)' },
  ],
};
const goodFiles: RawTableFile[] = [
  { spec: regions, path: csv('regions.csv', 'region_id,region_name\n1,North\n2,"South, coast"\n') },
  {
    spec: sales,
    path: csv(
      'sales.csv',
      'sale_id,region_id,sold_on,amount,note\n1,1,2026-01-05,10.50,\n2,2,2026-01-06,1200.00,"said ""hi"""\n3,2,2026-01-07,3.25,x\n',
    ),
  },
];

/** Each engine gets its own file or database so runs never meet. */
const engines: { name: string; open: () => Promise<{ warehouse: Warehouse; schema: string }> }[] = [
  {
    name: 'duckdb',
    open: async () => ({
      warehouse: await openWarehouse(`duckdb:${path.join(dir, 'w.duckdb')}`),
      schema: 'erp',
    }),
  },
  {
    name: 'postgres',
    open: async () => {
      const database = await createTestDatabase('raw');
      cleanups.push(database.drop);
      return { warehouse: await openWarehouse(database.url), schema: 'erp' };
    },
  },
];

const ran: string[] = [];
afterAll(() => expect(ran.sort()).toEqual(['duckdb', 'postgres']));

describe.each(engines)('loadRawTables on $name', ({ name, open }) => {
  it('loads, skips a rerun, reloads on force, and keeps the old table when a load fails', async () => {
    ran.push(name);
    const { warehouse, schema } = await open();
    try {
      const options = { schema, fingerprint: 'extract-1', source: schema };
      const first = await loadRawTables(warehouse, goodFiles, options);
      expect(first).toEqual({
        skipped: false,
        tables: [
          { name: 'regions', rows: 2 },
          { name: 'sales', rows: 3 },
        ],
      });
      const rows = await warehouse.query(
        `SELECT sale_id, sold_on, amount, note FROM ${schema}.sales ORDER BY sale_id`,
      );
      expect(rows.rows).toEqual([
        { sale_id: 1, sold_on: '2026-01-05', amount: 10.5, note: null },
        { sale_id: 2, sold_on: '2026-01-06', amount: 1200, note: 'said "hi"' },
        { sale_id: 3, sold_on: '2026-01-07', amount: 3.25, note: 'x' },
      ]);
      expect(await lastLoadedFingerprint(warehouse, schema)).toBe('extract-1');

      expect(await loadRawTables(warehouse, goodFiles, options)).toEqual({ skipped: true, tables: [] });
      expect((await loadRawTables(warehouse, goodFiles, { ...options, force: true })).skipped).toBe(false);

      const broken: RawTableFile[] = [
        goodFiles[0] as RawTableFile,
        {
          spec: sales,
          path: csv(`broken-${name}.csv`, 'sale_id,region_id,sold_on,amount,note\n9,1,not-a-date,1,x\n'),
        },
      ];
      await expect(
        loadRawTables(warehouse, broken, { ...options, fingerprint: 'extract-2' }),
      ).rejects.toThrow();
      const after = await warehouse.query(`SELECT COUNT(*) AS n FROM ${schema}.sales`);
      expect(after.rows[0]?.n).toBe(3);
      expect(await lastLoadedFingerprint(warehouse, schema)).toBe('extract-1');
    } finally {
      await warehouse.close();
    }
  });
});

describe('loadRawTables input checks', () => {
  it('refuses identifiers that are not plain lower-case names', async () => {
    const warehouse = await openWarehouse('duckdb::memory:');
    const bad = [{ spec: { name: 'sales; DROP TABLE x', columns: [] }, path: 'x.csv' }];
    await expect(
      loadRawTables(warehouse, bad, { schema: 'erp', fingerprint: 'f', source: 's' }),
    ).rejects.toThrow('"sales; DROP TABLE x" is not a plain lower-case identifier');
  });
});
