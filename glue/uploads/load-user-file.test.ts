/**
 * Bring-your-own-file loads on DuckDB and on Postgres (Redshift's stand-in): types inferred from
 * a sample, rows that do not fit rejected with line, column and reason, Parquet read through an
 * in-process DuckDB, the table and its view replaced whole, a failed swap leaving the old table,
 * a rerun of the same file a no-op, and clear errors for bad input.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, describe, expect, it } from 'vitest';
import { openWarehouse } from '../../db/open-warehouse.ts';
import { createTestDatabase } from '../../db/test-postgres.ts';
import type { Warehouse } from '../../db/warehouse.ts';
import { describeType } from './column-kinds.ts';
import { loadUserFile } from './load-user-file.ts';

const dir = mkdtempSync(path.join(os.tmpdir(), 'shoebox-upload-test-'));
const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups) await cleanup();
  rmSync(dir, { recursive: true, force: true });
});

function file(name: string, text: string): string {
  const at = path.join(dir, name);
  writeFileSync(at, text);
  return at;
}

const SALES = [
  'Order ID,Unit Price,Sold On,Sold At,Active,Note',
  '1,12.50,2025-07-01,2025-07-01 10:00:00,true,plain',
  '2,3,07/02/2025,2025-07-02T11:30:00Z,no,"with, comma"',
  '3,100.25,2025-07-03,2025-07-03 09:15,yes,',
  // Past the 3-row sample: each fits no inferred type, or the header.
  'x4,1.00,2025-07-04,2025-07-04 10:00:00,true,bad id',
  '5,1.005,2025-07-05,2025-07-05 10:00:00,true,three decimals',
  '6,2.00,2025-02-30,2025-07-06 10:00:00,true,impossible date',
  '7,2.00,2025-07-07,2025-07-07 10:00:00,maybe,bad boolean',
  '8,2.00,2025-07-08',
  '9,4.75,2025-07-09,2025-07-09 23:59:59,false,last',
  '',
].join('\n');

async function parquet(name: string): Promise<string> {
  const at = path.join(dir, name);
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  await connection.run(
    `COPY (SELECT i AS id, CAST(i * 1.25 AS DECIMAL(10,2)) AS price, DATE '2025-01-01' + CAST(i AS INTEGER) AS day, TIMESTAMP '2025-01-01 08:00:00' + i * INTERVAL 1 HOUR AS at, i % 2 = 0 AS even, 'item ' || i AS label, i / 4.0 AS ratio FROM range(1, 1001) t(i)) TO '${at}' (FORMAT parquet)`,
  );
  connection.disconnectSync();
  instance.closeSync();
  return at;
}

const engines: { name: string; open: () => Promise<Warehouse> }[] = [
  { name: 'duckdb', open: () => openWarehouse(`duckdb:${path.join(dir, 'w.duckdb')}`) },
  {
    name: 'postgres',
    open: async () => {
      const database = await createTestDatabase('uploads');
      cleanups.push(database.drop);
      return openWarehouse(database.url);
    },
  },
];
const ran: string[] = [];
afterAll(() => expect(ran.sort()).toEqual(['duckdb', 'postgres']));

describe.each(engines)('loadUserFile on $name', ({ name, open }) => {
  it('infers types, rejects rows that do not fit, replaces the table and its view whole', async () => {
    ran.push(name);
    const warehouse = await open();
    try {
      const csv = file(`${name}-sales.csv`, SALES);
      let reported: string[] = [];
      const progress: number[] = [];
      const first = await loadUserFile(warehouse, csv, {
        table: 'sales',
        view: 'curated.upload_sales',
        sampleRows: 3,
        onColumns: (columns) => {
          reported = columns.map((c) => `${c.name}:${describeType(c.type)}`);
        },
        onProgress: (p) => progress.push(p.done / p.total),
      });
      expect(reported).toEqual([
        'order_id:integer',
        'unit_price:decimal(18,2)',
        'sold_on:date',
        'sold_at:timestamp',
        'active:boolean',
        'note:text (up to 256 bytes)',
      ]);
      expect(progress.at(-1)).toBe(1);
      expect([first.status, first.rowsLoaded, first.rowsRejected]).toEqual(['loaded', 4, 5]);
      const { rows: rejects } = await warehouse.query(
        "SELECT line_number, column_name, error_code, raw_field_value FROM meta.load_rejects WHERE target_table = 'uploads.sales' ORDER BY line_number",
      );
      expect(
        rejects.map((r) => [Number(r.line_number), r.column_name, r.error_code, r.raw_field_value]),
      ).toEqual([
        [5, 'Order ID', 'invalid integer', 'x4'],
        [6, 'Unit Price', 'invalid decimal', '1.005'],
        [7, 'Sold On', 'invalid date', '2025-02-30'],
        [8, 'Active', 'invalid boolean', 'maybe'],
        [9, null, 'wrong column count', null],
      ]);
      const columns = await warehouse.listColumns('uploads', 'sales');
      expect(columns.map((c) => c.type)).toEqual(
        name === 'duckdb'
          ? ['bigint', 'decimal(18,2)', 'date', 'timestamp', 'boolean', 'varchar']
          : ['bigint', 'numeric', 'date', 'timestamp without time zone', 'boolean', 'character varying'],
      );
      const { rows: price } = await warehouse.query(
        "SELECT numeric_precision, numeric_scale FROM information_schema.columns WHERE table_schema = 'uploads' AND table_name = 'sales' AND column_name = 'unit_price'",
      );
      expect(price[0]).toEqual({ numeric_precision: 18, numeric_scale: 2 });
      const { rows } = await warehouse.query(
        'SELECT order_id, unit_price, sold_on, sold_at, active, note FROM curated.upload_sales ORDER BY order_id',
      );
      expect(rows.map((r) => [r.order_id, r.unit_price, r.sold_on, r.active, r.note])).toEqual([
        [1, 12.5, '2025-07-01', true, 'plain'],
        [2, 3, '2025-07-02', false, 'with, comma'],
        [3, 100.25, '2025-07-03', true, null],
        [9, 4.75, '2025-07-09', false, 'last'],
      ]);
      expect(String(rows[1]?.sold_at)).toMatch(/^2025-07-02T11:30:00/);

      const again = await loadUserFile(warehouse, csv, {
        table: 'sales',
        view: 'curated.upload_sales',
        sampleRows: 3,
      });
      expect([again.status, again.rowsLoaded, again.rowsRejected]).toEqual(['unchanged', 4, 5]);

      // A new version replaces table, view and rejects; a failing swap leaves it all as it was.
      const v2 = file(`${name}-sales.csv`, 'Order ID;Amount\n10;1.5\n11;2.5\n');
      await loadUserFile(warehouse, v2, { table: 'sales', view: 'curated.upload_sales' });
      const failing: Warehouse = Object.assign(Object.create(warehouse) as Warehouse, {
        execute: (sql: string, params?: readonly (string | number | null)[]) =>
          warehouse.execute(
            sql.replace(
              'INSERT INTO meta.loaded_files SELECT *',
              'INSERT INTO meta.loaded_files SELECT *, 1',
            ),
            params,
          ),
      });
      file(`${name}-sales.csv`, 'other\nx\n');
      await expect(
        loadUserFile(failing, v2, { table: 'sales', view: 'curated.upload_sales' }),
      ).rejects.toThrow();
      const { rows: kept } = await warehouse.query(
        'SELECT order_id, amount FROM curated.upload_sales ORDER BY order_id',
      );
      expect(kept).toEqual([
        { order_id: 10, amount: 1.5 },
        { order_id: 11, amount: 2.5 },
      ]);
      const { rows: rejectsAfter } = await warehouse.query(
        "SELECT COUNT(*) AS n FROM meta.load_rejects WHERE target_table = 'uploads.sales'",
      );
      expect(Number(rejectsAfter[0]?.n)).toBe(0);
      const relations = await warehouse.listRelations('uploads');
      expect(relations.map((r) => r.name)).toEqual(['sales']);

      // Without --view, Postgres cannot drop a table its view reads: a clear error, nothing changed.
      const v3 = file(`${name}-sales.csv`, 'Order ID;Amount\n12;1\n');
      const outcome = await loadUserFile(warehouse, v3, { table: 'sales' }).then(
        (r) => r.status,
        (e: Error) => e.message,
      );
      expect(outcome).toBe(
        name === 'postgres'
          ? 'uploads.sales has views over it, so it cannot be replaced: pass the same --view again (it is recreated with the table) or drop those views first'
          : 'loaded',
      );
    } finally {
      await warehouse.close();
    }
  }, 60_000);

  it('loads Parquet with the types it declares', async () => {
    const warehouse = await open();
    try {
      const at = await parquet(`${name}-items.parquet`);
      const result = await loadUserFile(warehouse, at, { table: 'items' });
      expect(result.columns.map((c) => `${c.name}:${describeType(c.type)}`)).toEqual([
        'id:integer',
        'price:decimal(10,2)',
        'day:date',
        'at:timestamp',
        'even:boolean',
        'label:text (up to 65535 bytes)',
        'ratio:double',
      ]);
      expect(result.columns[5]?.examples).toEqual(['item 1', 'item 2', 'item 3']);
      expect([result.rowsLoaded, result.rowsRejected]).toEqual([1000, 0]);
      const { rows } = await warehouse.query(
        'SELECT COUNT(*) AS n, SUM(price) AS total, MAX(day) AS last_day, SUM(CASE WHEN even THEN 1 ELSE 0 END) AS evens, MAX("at") AS last_at FROM uploads.items',
      );
      expect(rows[0]).toMatchObject({ n: 1000, total: 625625, last_day: '2027-09-28', evens: 500 });
      expect(String(rows[0]?.last_at)).toMatch(/^2025-02-12T00:00:00/);
    } finally {
      await warehouse.close();
    }
  }, 60_000);
});

describe('loadUserFile refuses bad input with a clear error', () => {
  it.each([
    [{ path: 'missing.csv', table: 't' }, 'PATH_UNREADABLE', /does not exist/],
    [{ path: 'data.json', table: 't', text: '{}' }, 'LOAD_FILE_INVALID', /reads \.csv/],
    [{ path: 'empty.csv', table: 't', text: '' }, 'LOAD_FILE_INVALID', /is empty/],
    [{ path: 'header.csv', table: 't', text: 'a,b\n' }, 'LOAD_FILE_INVALID', /no data rows/],
    [{ path: 'blank.csv', table: 't', text: '\n\n' }, 'LOAD_FILE_INVALID', /no header/],
    [{ path: 'ok.csv', table: 'Sales; DROP', text: 'a\n1\n' }, 'BAD_ARGUMENT', /--table "Sales; DROP"/],
    [{ path: 'ok.csv', table: 't', view: 'curated', text: 'a\n1\n' }, 'BAD_ARGUMENT', /--view "curated"/],
    [{ path: 'ok.csv', table: 't', view: 'meta.x', text: 'a\n1\n' }, 'BAD_ARGUMENT', /"meta" schema/],
    [{ path: 'bad.parquet', table: 't', text: 'PAR1 nope' }, 'LOAD_FILE_INVALID', /not a Parquet file/],
  ])('%j', async (input, code, message) => {
    const warehouse = await openWarehouse(`duckdb:${path.join(dir, 'errors.duckdb')}`);
    try {
      const at = 'text' in input ? file(input.path, input.text) : path.join(dir, input.path);
      const error = await loadUserFile(warehouse, at, {
        table: input.table,
        ...('view' in input ? { view: input.view } : {}),
      }).catch((e: unknown) => e);
      expect(error).toMatchObject({ code });
      expect(String((error as Error).message)).toMatch(message);
    } finally {
      await warehouse.close();
    }
  });
});
