/**
 * The star schema end to end on both engines: the real demo generator (scale 0.01) -> raw erp.*
 * and ledger_raw.* -> applyWarehouseSchema -> transformWarehouse, on DuckDB and on the Postgres
 * server running the schema derived from the Redshift files. Facts must keep every raw row and
 * cent, every key must resolve, and the curated views must answer alike on both.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openWarehouse } from '../db/open-warehouse.ts';
import { createTestDatabase } from '../db/test-postgres.ts';
import type { Warehouse } from '../db/warehouse.ts';
import { erpTables, tableFile } from '../demo/erp-tables.ts';
import { generateDemo } from '../demo/generate-demo.ts';
import { ledgerTables } from '../demo/ledger-tables.ts';
import { loadRawTables } from '../glue/load-raw-tables.ts';
import {
  applyWarehouseSchema,
  type TransformWarehouseResult,
  transformWarehouse,
} from '../glue/transform-warehouse.ts';
import { FACT_SOURCES, FOREIGN_KEYS, MONTH_BY_REGION } from './warehouse-expectations.ts';

const dir = mkdtempSync(join(tmpdir(), 'shoebox-wh-'));
const engines: {
  name: string;
  warehouse?: Warehouse;
  drop?: () => Promise<void>;
  result?: TransformWarehouseResult;
}[] = [{ name: 'duckdb' }, { name: 'postgres' }];

async function one(warehouse: Warehouse, sql: string): Promise<string> {
  const { rows } = await warehouse.query(sql);
  return String(Object.values(rows[0] ?? {})[0]);
}

beforeAll(async () => {
  await generateDemo({ seed: 42, scale: 0.01, asOf: '2026-06-30', outDir: join(dir, 'demo') });
  const db = await createTestDatabase('shoebox_wh_demo');
  const opened = [
    await openWarehouse(`duckdb:${join(dir, 'warehouse.duckdb')}`),
    await openWarehouse(db.url),
  ];
  await Promise.all(
    engines.map(async (engine, index) => {
      const warehouse = opened[index] as Warehouse;
      engine.warehouse = warehouse;
      engine.drop = index === 1 ? db.drop : async () => {};
      for (const [schema, specs] of [
        ['erp', erpTables],
        ['ledger_raw', ledgerTables],
      ] as const) {
        const files = specs.map((spec) => ({ spec, path: join(dir, 'demo', tableFile(spec)) }));
        await loadRawTables(warehouse, files, { schema, fingerprint: 'test', source: schema });
      }
      await applyWarehouseSchema(warehouse, { fiscalYearStartMonth: 2 });
      engine.result = await transformWarehouse(warehouse);
    }),
  );
});

afterAll(async () => {
  for (const engine of engines) {
    await engine.warehouse?.close();
    await engine.drop?.();
  }
  rmSync(dir, { recursive: true, force: true });
});

describe.each(engines)('warehouse on $name', (engine) => {
  const wh = () => engine.warehouse as Warehouse;

  it('keeps every raw row in its fact and reports the counts', async () => {
    for (const [fact, raw] of Object.entries(FACT_SOURCES)) {
      const rawCount = Number(await one(wh(), `SELECT COUNT(*) FROM ${raw}`));
      expect(rawCount, raw).toBeGreaterThan(0);
      expect(Number(await one(wh(), `SELECT COUNT(*) FROM dw.${fact}`)), fact).toBe(rawCount);
      expect(engine.result?.tables.find((t) => t.name === fact)?.rows).toBe(rawCount);
    }
  });

  it('keeps every cent: sales net amount and ledger debits and credits', async () => {
    const net = await one(wh(), 'SELECT CAST(SUM(net_amount) AS VARCHAR(40)) FROM erp.sales_order_lines');
    expect(await one(wh(), 'SELECT CAST(SUM(net_amount) AS VARCHAR(40)) FROM curated.sales_lines')).toBe(net);
    const cents = await one(wh(), 'SELECT SUM(debit_minor) FROM ledger_raw.journal_lines');
    const debits = await one(
      wh(),
      'SELECT CAST(SUM(debit_amount) * 100 AS BIGINT) FROM curated.ledger_postings',
    );
    expect(debits).toBe(cents);
    expect(await one(wh(), 'SELECT SUM(net_debit_amount) FROM curated.ledger_postings')).toBe('0');
  });

  it('resolves every foreign key in its dimension', async () => {
    for (const { fact, column, dim, key } of FOREIGN_KEYS) {
      const orphans = await one(
        wh(),
        `SELECT COUNT(*) FROM dw.${fact} f LEFT JOIN dw.${dim} d ON d.${key} = f.${column} WHERE f.${column} IS NOT NULL AND d.${key} IS NULL`,
      );
      expect(orphans, `${fact}.${column} -> ${dim}`).toBe('0');
    }
  });

  it('has a date dimension that covers the data with no gaps', async () => {
    const { rows } = await wh().query(
      'SELECT COUNT(*) AS n, MIN(full_date) AS lo, MAX(full_date) AS hi FROM curated.dates WHERE full_date BETWEEN $1 AND $2',
      ['2023-01-01', '2026-06-30'],
    );
    expect(rows[0]).toEqual({ n: 1277, lo: '2023-01-01', hi: '2026-06-30' });
    expect(await one(wh(), 'SELECT MIN(order_date) FROM curated.sales_lines')).toBe('2023-01-01');
    expect(await one(wh(), 'SELECT COUNT(DISTINCT date_key) FROM curated.dates')).toBe(
      await one(wh(), 'SELECT COUNT(*) FROM dw.dim_date'),
    );
  });
});

describe('both engines', () => {
  it('answer month-by-region revenue from the curated views identically', async () => {
    const [duck, pg] = await Promise.all(
      engines.map((e) => (e.warehouse as Warehouse).query(MONTH_BY_REGION)),
    );
    expect(duck?.rows.length).toBeGreaterThan(30);
    expect(pg?.rows).toEqual(duck?.rows);
  });

  it('declare the same dw tables and columns', async () => {
    const shape = async (warehouse: Warehouse) => {
      const tables = (await warehouse.listRelations('dw')).map((r) => r.name).sort();
      return Promise.all(
        tables.map(
          async (t) => `${t}: ${(await warehouse.listColumns('dw', t)).map((c) => c.name).join(',')}`,
        ),
      );
    };
    const [duck, pg] = await Promise.all(engines.map((e) => shape(e.warehouse as Warehouse)));
    expect(duck).toHaveLength(16);
    expect(pg).toEqual(duck);
  });
});
