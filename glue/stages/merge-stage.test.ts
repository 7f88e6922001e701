/**
 * The merge on DuckDB and on Postgres (standing in for Redshift): rows replace rows by a composite
 * primary key, the latest row_version of a key staged twice wins, and a failing statement rolls
 * back every table and every watermark of the run.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openWarehouse } from '../../db/open-warehouse.ts';
import { createTestDatabase } from '../../db/test-postgres.ts';
import type { Warehouse } from '../../db/warehouse.ts';
import { ensureEtlMeta, readWatermarks } from '../pipeline/etl-meta.ts';
import type { SourceTable } from '../sources/extract-source.ts';
import type { ExtractedTable } from './extract-stage.ts';
import { ensureRawTables, mergeStage } from './merge-stage.ts';

const dir = mkdtempSync(path.join(os.tmpdir(), 'shoebox-merge-'));
const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups) await cleanup();
  rmSync(dir, { recursive: true, force: true });
});

const stock: SourceTable = {
  name: 'stock',
  columns: [
    { name: 'day', type: 'date', nullable: false },
    { name: 'store_id', type: 'int', nullable: false },
    { name: 'qty', type: 'int', nullable: false },
    { name: 'row_version', type: 'bigint', nullable: false },
  ],
  primaryKey: ['day', 'store_id'],
  watermarkColumn: 'row_version',
  dayColumn: 'day',
  sumColumns: ['qty'],
};
const other: SourceTable = { ...stock, name: 'other' };

const engines: Record<string, () => Promise<Warehouse>> = {
  duckdb: () => openWarehouse(`duckdb:${path.join(dir, 'merge.duckdb')}`),
  postgres: async () => {
    const db = await createTestDatabase('merge');
    const warehouse = await openWarehouse(db.url);
    cleanups.push(async () => {
      await warehouse.close();
      await db.drop();
    });
    return warehouse;
  },
};

const changed = (table: SourceTable, rows: number, watermark: bigint): ExtractedTable => ({
  table,
  rows,
  since: 0n,
  watermark,
  manifestKey: 'staged',
});

describe.each(Object.keys(engines))('mergeStage on %s', (engine) => {
  it('replaces by composite key, keeps the latest version, and rolls back as a whole', async () => {
    const w = await (engines[engine] as () => Promise<Warehouse>)();
    await ensureEtlMeta(w);
    await ensureRawTables(w, 'src', [stock, other]);
    await w.execute('CREATE SCHEMA IF NOT EXISTS stage');
    await w.execute(
      "INSERT INTO src.stock VALUES ('2024-01-01', 1, 5, 1), ('2024-01-01', 2, 7, 2), ('2024-01-02', 1, 9, 3)",
    );
    await w.execute(
      'CREATE TABLE stage.src_stock (day date, store_id integer, qty integer, row_version bigint)',
    );
    // (2024-01-01, 2) changed twice during the extract; (2024-01-03, 1) is new.
    await w.execute(
      "INSERT INTO stage.src_stock VALUES ('2024-01-01', 2, 8, 4), ('2024-01-01', 2, 6, 6), ('2024-01-03', 1, 1, 5)",
    );
    const merged = await mergeStage(w, {
      source: 'src',
      runId: 'r1',
      tables: [changed(stock, 3, 6n)],
      full: false,
      at: new Date(),
    });
    expect(merged).toBe(3);
    const rows = await w.query(
      'SELECT CAST(day AS VARCHAR(10)) AS day, store_id, qty, row_version FROM src.stock ORDER BY day, store_id',
    );
    expect(rows.rows).toEqual([
      { day: '2024-01-01', store_id: 1, qty: 5, row_version: 1 },
      { day: '2024-01-01', store_id: 2, qty: 6, row_version: 6 },
      { day: '2024-01-02', store_id: 1, qty: 9, row_version: 3 },
      { day: '2024-01-03', store_id: 1, qty: 1, row_version: 5 },
    ]);
    expect(await readWatermarks(w, 'src')).toEqual(new Map([['stock', 6n]]));

    // The second table's staging table is missing: the whole merge, watermarks too, must roll back.
    await w.execute("INSERT INTO stage.src_stock VALUES ('2024-01-02', 1, 100, 7)");
    await expect(
      mergeStage(w, {
        source: 'src',
        runId: 'r2',
        tables: [changed(stock, 4, 7n), changed(other, 1, 9n)],
        full: false,
        at: new Date(),
      }),
    ).rejects.toThrow();
    const after = await w.query('SELECT SUM(qty) AS total, COUNT(*) AS n FROM src.stock');
    expect(after.rows[0]).toEqual({ total: 21, n: 4 });
    expect(await readWatermarks(w, 'src')).toEqual(new Map([['stock', 6n]]));
    if (engine === 'duckdb') await w.close();
  });
});
