/**
 * The pipeline end to end on a small demo and the embedded warehouse, in process: a second run
 * changes nothing (checksums of every table equal), late and new ERP rows arrive by watermark
 * and give exactly what a clean full load of the same data gives, and a tampered warehouse row
 * fails the run with a report naming it.
 */
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ErrorCode } from '../core/coded-error.ts';
import { dataFreshness } from '../db/data-freshness.ts';
import { readManifest } from '../demo/manifest.ts';
import { acquireRunLock } from '../glue/pipeline/run-lock.ts';
import { changeTheErp } from './etl-erp-changes.ts';
import {
  AS_OF,
  checksumsOf,
  demoHomes,
  homeContext,
  openHomeWarehouse,
  runCli,
  warehouseChecksums,
} from './etl-test-support.ts';
import { describeRun, runDemoEtl } from './run-demo-etl.ts';

let homes: Awaited<ReturnType<typeof demoHomes>>;
beforeAll(async () => {
  homes = await demoHomes(0.002);
}, 60_000);
afterAll(() => rmSync(homes.root, { recursive: true, force: true }));

async function run(home: string, options: { full?: boolean } = {}) {
  const warehouse = await openHomeWarehouse(home);
  try {
    return await runDemoEtl(homeContext(home), warehouse, options);
  } finally {
    await warehouse.close();
  }
}

describe('the ERP pipeline on the demo', () => {
  it('is idempotent: a second run and a full rerun change nothing', async () => {
    const home = homes.fresh('idempotent');
    const first = await run(home);
    expect(first.merged).toBeGreaterThan(1000);
    const before = await checksumsOf(home);
    expect(Object.keys(before).filter((t) => t.startsWith('dw.fact_')).length).toBeGreaterThan(3);
    // The accountants' files came in after the transform: good rows to curated.expenses, bad ones to rejects.
    const manifest = await readManifest(path.join(home, 'demo'));
    const planted = manifest?.accountantFiles ?? [];
    const expenses = planted.filter((f) => f.kind === 'expenses');
    expect(expenses.length).toBeGreaterThan(0);
    expect(first.files?.files).toHaveLength(planted.length);
    expect(first.files?.rowsRejected).toBe(planted.reduce((n, f) => n + f.badRows, 0));
    expect(describeRun(first, 'here')).toMatch(
      /24 accountants' files: 24 loaded \([\d,]+ rows, \d+ rejected/,
    );
    const second = await run(home);
    expect(second.merged).toBe(0);
    expect(second.transformedTables).toBe(0);
    expect(second.files?.files.map((f) => f.status)).toEqual(planted.map(() => 'unchanged'));
    expect(describeRun(second, 'here')).toContain(
      '0 loaded (0 rows, 0 rejected to meta.load_rejects), 24 unchanged',
    );
    expect(await checksumsOf(home)).toEqual(before);
    const full = await run(home, { full: true });
    expect(full.merged).toBe(first.merged);
    expect(await checksumsOf(home)).toEqual(before);
    // Clean-up keeps the staged files of the newest two runs that staged any (a no-change run
    // stages none): the ERP's and the ledger's just before it.
    const runs = () => readdirSync(path.join(home, 'staging', 'runs')).sort();
    expect(runs()).toEqual([full.ledger.runId, full.runId].sort());
    const again = await run(home, { full: true });
    expect(runs()).toEqual([again.ledger.runId, again.runId].sort());

    const warehouse = await openHomeWarehouse(home);
    try {
      const runs = await warehouse.query(
        "SELECT status, mode FROM meta.etl_runs WHERE source = 'erp' ORDER BY started_at",
      );
      // The first load of a demo is full (its manifest is new); the second is incremental.
      expect(runs.rows).toEqual([
        { status: 'succeeded', mode: 'full' },
        { status: 'succeeded', mode: 'incremental' },
        { status: 'succeeded', mode: 'full' },
        { status: 'succeeded', mode: 'full' },
      ]);
      expect(await warehouse.listRelations('stage')).toEqual([]);
      const good = await warehouse.query('SELECT COUNT(*) AS n FROM curated.expenses');
      expect(Number(good.rows[0]?.n)).toBe(expenses.reduce((n, f) => n + f.rows - f.badRows, 0));
      const bad = await warehouse.query('SELECT COUNT(*) AS n FROM meta.load_rejects');
      expect(Number(bad.rows[0]?.n)).toBe(planted.reduce((n, f) => n + f.badRows, 0));
      const freshness = await dataFreshness(warehouse);
      const orders = freshness.tables.find((t) => t.table === 'sales_orders');
      const count = await warehouse.query('SELECT COUNT(*) AS n FROM erp.sales_orders');
      expect(orders?.rows).toBe(count.rows[0]?.n);
      const erp = freshness.sources.find((s) => s.source === 'erp');
      expect(erp?.lastRun?.status).toBe('succeeded');
      expect(erp?.lagSeconds).toBeGreaterThanOrEqual(0);
    } finally {
      await warehouse.close();
    }
  }, 90_000);

  it('refuses a second run while one holds the lock, then shows freshness with etl status', async () => {
    const home = homes.fresh('locked');
    const lock = await acquireRunLock(path.join(home, 'etl.lock'), 'a-running-run');
    try {
      await expect(run(home)).rejects.toMatchObject({ code: ErrorCode.EtlRunInProgress });
    } finally {
      lock.release();
    }
    await run(home);
    const status = await runCli(home, ['etl', 'status', '--json']);
    expect(status.code, status.output).toBe(0);
    const freshness = JSON.parse(status.output.slice(status.output.indexOf('{')));
    expect(freshness.sources.map((s: { source: string }) => s.source).sort()).toEqual(['erp', 'ledger']);
    for (const source of freshness.sources)
      expect(source.lastRun).toEqual(expect.objectContaining({ status: 'succeeded' }));
    expect(freshness.tables.map((t: { table: string }) => t.table)).toContain('journal_lines');
    expect(freshness.tables.map((t: { table: string }) => t.table)).toContain('sales_order_lines');
    const text = await runCli(home, ['etl', 'status']);
    expect(text.output).toMatch(/^erp: last successful load \S+ \(\d+ s ago\)$/m);
    expect(text.output).toMatch(/^ {2}sales_orders +[\d,]+ +\S+ +\d+ s$/m);
    expect(freshness.files).toHaveLength(24);
    expect(text.output).toMatch(/^files \(accountants\):$/m);
    expect(text.output).toMatch(/^ {2}expenses-\d{4}-\d{2}\.(csv|xlsx) +[\d,]+ +\d+ +\S+ +\d+ s$/m);
  }, 90_000);

  it('extracts from SQL Server when ERP_URL is mssql://, failing clearly when it cannot connect', async () => {
    // No demo data in this home: a real ERP needs none.
    const home = path.join(homes.root, 'mssql');
    mkdirSync(home);
    const warehouse = await openHomeWarehouse(home);
    try {
      const context = homeContext(home, {
        ERP_URL: 'mssql://loader:s3cret-pw@erp.invalid:1433/cordova?connectTimeout=3000',
      });
      const error = await runDemoEtl(context, warehouse).catch((e: unknown) => e);
      expect(error).toMatchObject({
        code: ErrorCode.EtlSourceFailed,
        message: expect.stringMatching(
          /^Cannot connect to SQL Server at erp\.invalid:1433, database "cordova", as loader: /,
        ),
      });
      expect(String((error as Error).message)).not.toContain('s3cret-pw');
      const runs = await warehouse.query("SELECT status, error FROM meta.etl_runs WHERE source = 'erp'");
      expect(runs.rows).toEqual([]);
    } finally {
      await warehouse.close();
    }
  }, 60_000);

  it('brings new orders, an updated order and a return against an old order by watermark, equal to a clean full load', async () => {
    const incremental = homes.fresh('incremental');
    await run(incremental);
    changeTheErp(incremental);
    const second = await run(incremental);
    // 2 new orders, 1 updated order, 2 new lines, 1 new return
    expect(second.rows).toMatchObject({ sales_orders: 3, sales_order_lines: 2, returns: 1, stores: 0 });

    const clean = homes.fresh('clean');
    changeTheErp(clean);
    await run(clean);
    const expected = await checksumsOf(clean);
    const actual = await checksumsOf(incremental);
    for (const table of Object.keys(expected))
      expect({ table, sum: actual[table] }).toEqual({ table, sum: expected[table] });
    expect(Object.keys(actual).sort()).toEqual(Object.keys(expected).sort());

    const warehouse = await openHomeWarehouse(incremental);
    try {
      const updated = await warehouse.query(
        'SELECT total_amount FROM erp.sales_orders WHERE sales_order_id = 1',
      );
      expect(updated.rows).toEqual([{ total_amount: 999.99 }]);
      const newest = await warehouse.query(
        `SELECT COUNT(*) AS n FROM erp.sales_orders WHERE order_date = '${AS_OF}' AND order_number LIKE 'SONEW%'`,
      );
      expect(newest.rows[0]?.n).toBe(2);
    } finally {
      await warehouse.close();
    }
  }, 90_000);

  it('fails the run when a warehouse row was tampered with, naming the table, day, figure and both values', async () => {
    const home = homes.fresh('tampered');
    await run(home);
    const warehouse = await openHomeWarehouse(home);
    let day: string;
    try {
      const row = await warehouse.query(
        'SELECT order_date, total_amount FROM erp.sales_orders WHERE sales_order_id = 2',
      );
      day = String(row.rows[0]?.order_date);
      await warehouse.execute(
        'UPDATE erp.sales_orders SET total_amount = total_amount + 1 WHERE sales_order_id = 2',
      );
    } finally {
      await warehouse.close();
    }
    const failure = await run(home).catch((error: unknown) => error);
    expect(failure).toMatchObject({ code: ErrorCode.EtlReconcileFailed });
    const message = (failure as Error).message;
    expect(message).toMatch(
      new RegExp(
        `sales_orders on ${day}: sum\\(total_amount\\) is [0-9.]+ in the source, [0-9.]+ in the warehouse`,
      ),
    );
    expect(message).not.toMatch(/sales_order_lines on/);
    const after = await openHomeWarehouse(home);
    try {
      const last = await after.query(
        'SELECT status, error FROM meta.etl_runs ORDER BY started_at DESC LIMIT 1',
      );
      expect(last.rows[0]?.status).toBe('failed');
      expect(String(last.rows[0]?.error)).toContain('sum(total_amount)');
      expect(await warehouseChecksums(after)).toBeDefined();
    } finally {
      await after.close();
    }
  }, 90_000);
});
