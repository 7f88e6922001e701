/**
 * The one contract every Warehouse adapter must pass, run for each fixture of
 * warehouse-fixtures.ts (DuckDB, Postgres, the Data API through the stand-in). Each adapter gets
 * an empty schema of its own; the suite creates its tables through execute() and checks the
 * rest through the public interface only. The last test fails if any adapter did not run.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ErrorCode } from '../core/coded-error.ts';
import type { Warehouse } from './warehouse.ts';
import { WAREHOUSE_FIXTURES, type WarehouseFixture } from './warehouse-fixtures.ts';

/** Registers the contract for one adapter; `ran` collects the names whose setup succeeded. */
function warehouseContract(name: string, setup: () => Promise<WarehouseFixture>, ran: Set<string>): void {
  describe(`Warehouse contract: ${name}`, () => {
    let fx: WarehouseFixture;
    let w: Warehouse;
    let s: string;

    beforeAll(async () => {
      fx = await setup();
      w = fx.warehouse;
      s = fx.schema;
      await w.execute(`
        CREATE TABLE ${s}.orders (id integer NOT NULL, customer varchar(50), amount decimal(12,2), ordered_on date, created_at timestamp, paid boolean);
        INSERT INTO ${s}.orders VALUES
          (1, 'O''Brien', 12.50, '2024-03-05', '2024-03-05 14:30:00', true),
          (2, 'Smith; Jones', 7.25, '2024-03-06', '2024-03-06 09:00:00', false),
          (3, NULL, NULL, NULL, NULL, NULL);
        CREATE VIEW ${s}.paid_orders AS SELECT id, amount FROM ${s}.orders WHERE paid;
        CREATE TABLE ${s}.loaded (id integer, name varchar(100), amount decimal(12,2), day date, note varchar(20));
      `);
      ran.add(name);
    });

    afterAll(async () => {
      await fx?.cleanup();
    });

    it('runs a parameterised query and returns plain typed values', async () => {
      const text = `O'Brien said "hi"; -- $2`;
      const at = new Date('2024-03-05T14:30:00Z');
      const result = await w.query(
        'SELECT $1::integer AS i, $2::decimal(12,2) AS d, $3::varchar AS t, $4::date AS dt, $5::timestamp AS ts, $6::boolean AS b, $7::integer AS n',
        [42, '12.50', text, '2024-03-05', at, true, null],
      );
      expect(result.rows).toEqual([
        { i: 42, d: 12.5, t: text, dt: '2024-03-05', ts: '2024-03-05T14:30:00.000Z', b: true, n: null },
      ]);
      expect(result.columns.map((c) => c.name)).toEqual(['i', 'd', 't', 'dt', 'ts', 'b', 'n']);
      expect(result.columns[0]?.type).toMatch(/int/);
      expect(result.columns[1]?.type).toMatch(/^(numeric|decimal)\(12,\s?2\)$/);
      expect(result.truncated).toBe(false);
      expect(result.elapsedMs).toBeGreaterThanOrEqual(0);
    });

    it('reads stored rows, with NULLs, by a text parameter containing a quote', async () => {
      const result = await w.query(
        `SELECT id, customer, amount, ordered_on, created_at, paid FROM ${s}.orders WHERE customer = $1 OR customer IS NULL ORDER BY id`,
        ["O'Brien"],
      );
      expect(result.rows).toEqual([
        {
          id: 1,
          customer: "O'Brien",
          amount: 12.5,
          ordered_on: '2024-03-05',
          created_at: '2024-03-05T14:30:00.000Z',
          paid: true,
        },
        { id: 3, customer: null, amount: null, ordered_on: null, created_at: null, paid: null },
      ]);
    });

    it('refuses anything but one SELECT before it reaches the engine', async () => {
      for (const sql of [
        `INSERT INTO ${s}.orders (id) VALUES (99)`,
        `DROP TABLE ${s}.orders`,
        `SELECT 1; DROP TABLE ${s}.orders`,
        `DELETE FROM ${s}.orders`,
        `INSERT INTO ${s}.no_such_table VALUES (1)`,
      ]) {
        await expect(w.query(sql), sql).rejects.toMatchObject({ code: ErrorCode.WarehouseReadOnly });
      }
      const count = await w.query(`SELECT count(*) AS n FROM ${s}.orders`);
      expect(count.rows).toEqual([{ n: 3 }]);
    });

    it('accepts semicolons and keywords inside literals and a trailing semicolon', async () => {
      const result = await w.query(`WITH x AS (SELECT ';' AS a, 'DROP TABLE y' AS b) SELECT a, b FROM x;`);
      expect(result.rows).toEqual([{ a: ';', b: 'DROP TABLE y' }]);
    });

    it('stops at maxRows and says the result was truncated', async () => {
      const sql = `SELECT id FROM ${s}.orders ORDER BY id`;
      const cut = await w.query(sql, [], { maxRows: 2 });
      expect(cut.rows).toEqual([{ id: 1 }, { id: 2 }]);
      expect(cut.truncated).toBe(true);
      const whole = await w.query(sql, [], { maxRows: 3 });
      expect(whole.rows).toHaveLength(3);
      expect(whole.truncated).toBe(false);
    });

    it('cancels a query that runs past its timeout, and keeps working', async () => {
      const started = performance.now();
      await expect(w.query(fx.slowSql, [], { timeoutMs: 200 })).rejects.toMatchObject({
        code: ErrorCode.WarehouseTimeout,
      });
      expect(performance.now() - started).toBeLessThan(3000);
      expect((await w.query('SELECT 1 AS one')).rows).toEqual([{ one: 1 }]);
    });

    it('lists relations and columns', async () => {
      expect(await w.listRelations(s)).toEqual([
        { schema: s, name: 'loaded', kind: 'table' },
        { schema: s, name: 'orders', kind: 'table' },
        { schema: s, name: 'paid_orders', kind: 'view' },
      ]);
      expect((await w.listRelations()).some((r) => r.schema === s && r.name === 'orders')).toBe(true);
      const columns = await w.listColumns(s, 'orders');
      expect(columns.map((c) => c.name)).toEqual([
        'id',
        'customer',
        'amount',
        'ordered_on',
        'created_at',
        'paid',
      ]);
      expect(columns[0]).toMatchObject({ nullable: false });
      expect(columns[0]?.type).toMatch(/int/);
      expect(columns[1]).toMatchObject({ nullable: true });
    });

    it('reports a failed statement with the engine message', async () => {
      await expect(w.query(`SELECT * FROM ${s}.no_such_table`)).rejects.toMatchObject({
        code: ErrorCode.WarehouseQueryFailed,
        message: expect.stringMatching(/no_such_table/),
      });
    });

    it('loads a staged local CSV (quoted fields, empty values) or refuses clearly', async () => {
      const dir = mkdtempSync(join(tmpdir(), 'shoebox-load-'));
      const path = join(dir, 'rows.csv');
      writeFileSync(
        path,
        'id,name,amount,day\n1,"Smith, ""Bob""",12.50,2024-01-02\n2,,,\n3,"",7,2024-02-03\n',
      );
      const file = {
        location: path,
        format: 'csv' as const,
        headerLines: 1,
        columns: ['id', 'name', 'amount', 'day'],
      };
      if (!fx.loadsLocalFiles) {
        await expect(w.loadStagedFile(s, 'loaded', file)).rejects.toMatchObject({
          code: ErrorCode.BadArgument,
          message: expect.stringMatching(/S3/),
        });
        return;
      }
      expect(await w.loadStagedFile(s, 'loaded', file)).toEqual({ rowsLoaded: 3 });
      const loaded = await w.query(`SELECT id, name, amount, day, note FROM ${s}.loaded ORDER BY id`);
      expect(loaded.rows).toEqual([
        { id: 1, name: 'Smith, "Bob"', amount: 12.5, day: '2024-01-02', note: null },
        { id: 2, name: null, amount: null, day: null, note: null },
        { id: 3, name: null, amount: 7, day: '2024-02-03', note: null },
      ]);
    });

    it('loads gzip parts listed in a COPY manifest (each part with its header line)', async () => {
      if (!fx.loadsLocalFiles) return; // the Data API reads s3:// only; its COPY text is tested in redshift-copy.test.ts
      const dir = mkdtempSync(join(tmpdir(), 'shoebox-manifest-'));
      const parts = ['id,name\n10,ten\n11,"e, leven"\n', 'id,name\n12,\n'].map((text, i) => {
        const part = join(dir, `part-${i}.csv.gz`);
        writeFileSync(part, gzipSync(text));
        return part;
      });
      const manifest = join(dir, 'manifest.json');
      writeFileSync(manifest, JSON.stringify({ entries: parts.map((url) => ({ url, mandatory: true })) }));
      const file = {
        location: manifest,
        format: 'csv' as const,
        compression: 'gzip' as const,
        manifest: true,
        headerLines: 1,
        columns: ['id', 'name'],
      };
      expect(await w.loadStagedFile(s, 'loaded', file)).toEqual({ rowsLoaded: 3 });
      const loaded = await w.query(`SELECT id, name FROM ${s}.loaded WHERE id >= 10 ORDER BY id`);
      expect(loaded.rows).toEqual([
        { id: 10, name: 'ten' },
        { id: 11, name: 'e, leven' },
        { id: 12, name: null },
      ]);
    });

    it('commits a transaction as a whole, with parameters', async () => {
      await w.execute(`CREATE TABLE ${s}.tx (id integer, label varchar(20), big bigint)`);
      await w.transaction([
        { sql: `INSERT INTO ${s}.tx VALUES ($1, $2, $3)`, params: [1, "it's one", 9007199254740993n] },
        { sql: `INSERT INTO ${s}.tx VALUES ($1, $2, $3)`, params: [2, null, 2n] },
        { sql: `DELETE FROM ${s}.tx WHERE id = $1`, params: [2] },
      ]);
      const rows = await w.query(`SELECT id, label, CAST(big AS varchar) AS big FROM ${s}.tx ORDER BY id`);
      expect(rows.rows).toEqual([{ id: 1, label: "it's one", big: '9007199254740993' }]);
    });

    it('rolls the whole transaction back when one statement fails, and keeps working', async () => {
      await w.execute(`CREATE TABLE ${s}.tx2 (id integer)`);
      await w.execute(`INSERT INTO ${s}.tx2 VALUES (1)`);
      await expect(
        w.transaction([
          { sql: `DELETE FROM ${s}.tx2` },
          { sql: `INSERT INTO ${s}.tx2 VALUES ($1)`, params: [2] },
          { sql: `INSERT INTO ${s}.no_such_table VALUES (3)` },
        ]),
      ).rejects.toMatchObject({ code: ErrorCode.WarehouseQueryFailed });
      const rows = await w.query(`SELECT id FROM ${s}.tx2 ORDER BY id`);
      expect(rows.rows).toEqual([{ id: 1 }]);
    });
  });
}

const ran = new Set<string>();
for (const [name, setup] of Object.entries(WAREHOUSE_FIXTURES)) warehouseContract(name, setup, ran);

describe('Warehouse contract coverage', () => {
  it('ran for all three adapters', () => {
    expect([...ran].sort()).toEqual(['duckdb', 'postgres', 'redshift-data']);
  });
});
