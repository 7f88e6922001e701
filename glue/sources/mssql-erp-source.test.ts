/**
 * The mssql ERP source against a fake at the `mssql` request level (there is no SQL Server
 * here): the fake checks each procedure name and parameter type, emulates the documented
 * extract contract over in-memory rows, and returns values as tedious does (bigint as text).
 * One test uses the real driver against a closed port, for the connection error.
 */
import mssql from 'mssql';
import { describe, expect, it } from 'vitest';
import { CodedError, ErrorCode } from '../../core/coded-error.ts';
import type { ExtractSource, SourceRow } from './extract-source.ts';
import { type MssqlConnectionLike, type MssqlRequestLike, openMssqlErpSource } from './mssql-erp-source.ts';

const URL_ =
  'mssql://etl:s3cr%40t-pw@erp.example.com:14330/cordova?encrypt=false&trustServerCertificate=true';
const PASSWORD = 's3cr@t-pw';

type Raw = Record<string, unknown>;
interface Call {
  procedure: string;
  inputs: { name: string; type: unknown; value: unknown }[];
}

function order(id: number, rowVersion: number, day: string): Raw {
  return {
    sales_order_id: id,
    order_number: `SO${id}`,
    order_date: new Date(`${day}T00:00:00Z`),
    order_datetime: new Date(`${day}T10:00:00Z`),
    store_id: 1,
    channel_id: 1,
    customer_id: id % 2 ? null : 7,
    salesperson_id: null,
    promotion_id: null,
    line_count: 1,
    total_amount: 10.25 * id,
    modified_at: new Date(`${day}T10:00:00Z`),
    row_version: String(rowVersion),
  };
}

/** An ERP with one table, sales_orders, behind the procedures' contract. */
function fakeErp(orders: Raw[], fail?: Error) {
  const calls: Call[] = [];
  const connection: MssqlConnectionLike & { closed: boolean } = {
    closed: false,
    request() {
      const call: Call = { procedure: '', inputs: [] };
      const request: MssqlRequestLike = {
        input(name, type, value) {
          call.inputs.push({ name, type, value });
          return request;
        },
        async execute(procedure) {
          call.procedure = procedure;
          calls.push(call);
          if (fail) throw fail;
          if (procedure === 'extract.usp_extract_sales_orders') {
            const [since, size] = call.inputs;
            if (since?.name !== 'since_row_version' || since.type !== mssql.BigInt)
              throw new Error('bad @since');
            if (size?.name !== 'batch_size' || size.type !== mssql.Int) throw new Error('bad @batch_size');
            const recordset = orders
              .filter((o) => BigInt(o.row_version as string) > BigInt(since.value as string))
              .sort((a, b) => Number(BigInt(a.row_version as string) - BigInt(b.row_version as string)))
              .slice(0, size.value as number);
            return { recordset };
          }
          if (procedure === 'extract.usp_reconcile_sales_orders') {
            if (call.inputs.length) throw new Error('reconcile takes no parameters');
            const days = [...new Set(orders.map((o) => (o.order_date as Date).toISOString()))].sort();
            const recordset = days.map((iso) => {
              const rows = orders.filter((o) => (o.order_date as Date).toISOString() === iso);
              const cents = rows.reduce((sum, o) => sum + Math.round((o.total_amount as number) * 100), 0);
              return {
                figure_day: new Date(iso),
                row_count: rows.length,
                total_amount: (cents / 100).toFixed(2),
                line_count: String(rows.length),
              };
            });
            return { recordset };
          }
          throw Object.assign(new Error(`Could not find stored procedure '${procedure}'.`), { number: 2812 });
        },
      };
      return request;
    },
    async close() {
      connection.closed = true;
    },
  };
  return { calls, connection };
}

async function open(connection: MssqlConnectionLike): Promise<ExtractSource> {
  return openMssqlErpSource(URL_, { connect: async () => connection });
}

async function extractAll(source: ExtractSource, since: bigint, size: number) {
  const batches: SourceRow[][] = [];
  let watermark = since;
  for (;;) {
    const batch = await source.extractBatch('sales_orders', watermark, size);
    batches.push(batch);
    const last = batch.at(-1);
    if (last) watermark = last.row_version as bigint;
    if (batch.length < size) return { batches, watermark };
  }
}

describe('mssql ERP source', () => {
  it('reads the tables from the procedure contracts and describes itself without the password', async () => {
    const { connection } = fakeErp([]);
    let seen: mssql.config | undefined;
    const source = await openMssqlErpSource(URL_, {
      connect: async (config) => {
        seen = config;
        return connection;
      },
    });
    expect(source.name).toBe('erp');
    expect(source.description).toBe('mssql://etl@erp.example.com:14330/cordova');
    expect(seen).toMatchObject({
      server: 'erp.example.com',
      port: 14330,
      database: 'cordova',
      password: PASSWORD,
    });
    expect(seen?.options).toMatchObject({ encrypt: false, trustServerCertificate: true });
    const orders = source.tables.find((t) => t.name === 'sales_orders');
    expect(orders).toMatchObject({
      primaryKey: ['sales_order_id'],
      watermarkColumn: 'row_version',
      dayColumn: 'order_date',
      sumColumns: ['total_amount', 'line_count'],
    });
    expect(source.tables).toHaveLength(14);
    await source.close();
    expect(connection.closed).toBe(true);
  });

  it('extracts in batches by watermark, then picks up a new row in the next run', async () => {
    const rows = [order(1, 101, '2026-01-02'), order(2, 105, '2026-01-02'), order(3, 103, '2026-01-03')];
    rows.push(order(4, 110, '2026-01-03'), order(5, 120, '2026-01-04'));
    const { calls, connection } = fakeErp(rows);
    const source = await open(connection);
    const first = await extractAll(source, 0n, 2);
    expect(first.batches.map((b) => b.map((r) => r.sales_order_id))).toEqual([[1, 3], [2, 4], [5]]);
    expect(first.watermark).toBe(120n);
    expect(calls.map((c) => c.inputs.map((i) => i.value))).toEqual([
      ['0', 2],
      ['103', 2],
      ['110', 2],
    ]);
    expect(calls.every((c) => c.procedure === 'extract.usp_extract_sales_orders')).toBe(true);
    const row = first.batches[0]?.[0];
    expect(row?.row_version).toBe(101n);
    expect(row?.customer_id).toBeNull();
    expect(Object.keys(row ?? {})).toEqual(
      source.tables.find((t) => t.name === 'sales_orders')?.columns.map((c) => c.name),
    );

    rows.push(order(6, 121, '2026-01-05'));
    const second = await extractAll(source, first.watermark, 2);
    expect(second.batches.flat().map((r) => r.sales_order_id)).toEqual([6]);
    expect(second.watermark).toBe(121n);
  });

  it('returns the reconcile figures per day as exact text', async () => {
    const rows = [order(1, 1, '2026-01-02'), order(2, 2, '2026-01-02'), order(3, 3, '2026-01-03')];
    const { calls, connection } = fakeErp(rows);
    const source = await open(connection);
    expect(await source.reconcileFigures('sales_orders')).toEqual([
      { day: '2026-01-02', rows: 2, sums: { total_amount: '30.75', line_count: '2' } },
      { day: '2026-01-03', rows: 1, sums: { total_amount: '30.75', line_count: '1' } },
    ]);
    expect(calls.map((c) => c.procedure)).toEqual(['extract.usp_reconcile_sales_orders']);
  });

  it('names the server, database and procedure when a call fails, and hints at the missing procedure', async () => {
    const { connection } = fakeErp([]);
    const source = await open(connection);
    const error = await source.extractBatch('regions', 0n, 10).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CodedError);
    expect((error as CodedError).code).toBe(ErrorCode.EtlSourceFailed);
    expect((error as CodedError).message).toMatch(
      /erp\.example\.com, database "cordova": extract\.usp_extract_regions failed: .*install sql\/sqlserver/,
    );
  });

  it('wraps a driver error without leaking the password', async () => {
    const { connection } = fakeErp([], new Error(`Login failed for user 'etl' (password ${PASSWORD})`));
    const source = await open(connection);
    const error = (await source.reconcileFigures('sales_orders').catch((e: unknown) => e)) as CodedError;
    expect(error.code).toBe(ErrorCode.EtlSourceFailed);
    expect(error.message).toContain('extract.usp_reconcile_sales_orders failed');
    expect(error.message).not.toContain(PASSWORD);
  });

  it('refuses a rows set that breaks the contract, an unknown table and a bad batch size', async () => {
    const broken = order(1, 1, '2026-01-02');
    delete broken.total_amount;
    const source = await open(fakeErp([broken]).connection);
    await expect(source.extractBatch('sales_orders', 0n, 5)).rejects.toThrow(
      /returned no column total_amount/,
    );
    const unordered = await open(fakeErp([order(1, 7, '2026-01-02'), order(2, 7, '2026-01-02')]).connection);
    await expect(unordered.extractBatch('sales_orders', 0n, 5)).rejects.toThrow(
      /row_version 7 after 7, not in ascending order/,
    );
    await expect(source.extractBatch('sales_ordres', 0n, 5)).rejects.toThrow(
      /no extract table "sales_ordres"/,
    );
    await expect(source.extractBatch('sales_orders', 0n, 0)).rejects.toThrow(/batch size 0/);
    await expect(source.extractBatch('sales_orders', -1n, 5)).rejects.toThrow(/bigint range/);
  });

  it('reports an unreachable server by host and database through the real driver', async () => {
    const started = Date.now();
    const error = (await openMssqlErpSource(
      'mssql://etl:hunter22@127.0.0.1:1/cordova?connectTimeout=2000&encrypt=false',
    ).catch((e: unknown) => e)) as CodedError;
    expect(error.code).toBe(ErrorCode.EtlSourceFailed);
    expect(error.message).toMatch(
      /Cannot connect to SQL Server at 127\.0\.0\.1:1, database "cordova", as etl: /,
    );
    expect(error.message).not.toContain('hunter22');
    expect(Date.now() - started).toBeLessThan(10_000);
  });
});
