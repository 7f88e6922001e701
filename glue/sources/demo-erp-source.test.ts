/**
 * The demo ERP source keeps the extract procedures' contract: rows after the watermark, ascending,
 * at most batchSize, a short batch at the end; a changed file is picked up; figures per day.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { DemoErpSource } from './demo-erp-source.ts';

const dir = mkdtempSync(path.join(os.tmpdir(), 'shoebox-demo-source-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const orders = {
  name: 'orders',
  primaryKey: ['order_id'],
  columns: [
    { name: 'order_id', type: 'int', nullable: false },
    { name: 'order_date', type: 'date', nullable: false },
    { name: 'note', type: 'nvarchar(20)', nullable: true },
    { name: 'amount', type: 'decimal(12,2)', nullable: false },
    { name: 'row_version', type: 'bigint', nullable: false },
  ],
};

function write(lines: string[]) {
  mkdirSync(path.join(dir, 'erp'), { recursive: true });
  writeFileSync(
    path.join(dir, 'erp', 'orders.csv'),
    `order_id,order_date,note,amount,row_version\n${lines.join('\n')}\n`,
  );
}

describe('DemoErpSource', () => {
  it('serves batches by row_version as the procedures do, and notices a changed file', async () => {
    write(['1,2024-01-01,"a, b",10.50,5', '2,2024-01-01,,2.25,3', '3,2024-01-02,c,1.00,9']);
    const source = await DemoErpSource.open({
      dir,
      tables: [orders],
      cacheFile: path.join(dir, 'cache.duckdb'),
    });
    try {
      expect(source.tables[0]).toMatchObject({
        watermarkColumn: 'row_version',
        dayColumn: 'order_date',
        sumColumns: ['amount'],
      });
      const first = await source.extractBatch('orders', 0n, 2);
      expect(first.map((r) => r.row_version)).toEqual(['3', '5']);
      expect(first[1]).toEqual({
        order_id: '1',
        order_date: '2024-01-01',
        note: 'a, b',
        amount: '10.50',
        row_version: '5',
      });
      expect(first[0]?.note).toBeNull();
      const rest = await source.extractBatch('orders', 5n, 2);
      expect(rest.map((r) => r.order_id)).toEqual(['3']);
      expect(await source.extractBatch('orders', 9n, 2)).toEqual([]);
      const csv = await source.extractCsvBatch('orders', 0n, 2);
      expect({ rows: csv.rows, watermark: csv.watermark }).toEqual({ rows: 2, watermark: 5n });
      const lines = gunzipSync(csv.gzipCsv).toString('utf8').trimEnd().split('\n');
      expect(lines[0]).toBe('order_id,order_date,note,amount,row_version');
      expect(lines.slice(1).sort()).toEqual(['1,2024-01-01,"a, b",10.50,5', '2,2024-01-01,,2.25,3']);
      expect(await source.extractCsvBatch('orders', 9n, 2)).toMatchObject({ rows: 0, watermark: 9n });
      expect(await source.reconcileFigures('orders')).toEqual(
        expect.arrayContaining([
          { day: '2024-01-01', rows: 2, sums: { amount: '12.75' } },
          { day: '2024-01-02', rows: 1, sums: { amount: '1.00' } },
        ]),
      );
    } finally {
      await source.close();
    }
    write([
      '1,2024-01-01,"a, b",10.50,5',
      '2,2024-01-01,,2.25,3',
      '3,2024-01-02,changed,1.00,12',
      '4,2024-01-03,new,4.00,11',
    ]);
    const again = await DemoErpSource.open({
      dir,
      tables: [orders],
      cacheFile: path.join(dir, 'cache.duckdb'),
    });
    try {
      const changed = await again.extractBatch('orders', 9n, 10);
      expect(changed.map((r) => [r.order_id, r.row_version])).toEqual([
        ['4', '11'],
        ['3', '12'],
      ]);
    } finally {
      await again.close();
    }
  });
});
