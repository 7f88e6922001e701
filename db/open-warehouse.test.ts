import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ErrorCode } from '../core/coded-error.ts';
import { openWarehouse } from './open-warehouse.ts';
import { DATABASE_URL } from './test-postgres.ts';

const tempDir = () => mkdtempSync(join(tmpdir(), 'shoebox-open-'));

describe('openWarehouse', () => {
  it('opens duckdb:PATH relative to the working directory, creating parent folders', async () => {
    const previous = process.cwd();
    process.chdir(tempDir());
    try {
      const warehouse = await openWarehouse('duckdb:data/deeper/w.duckdb');
      expect(warehouse.dialect).toBe('duckdb');
      expect(warehouse.description).toBe(`duckdb:${resolve('data/deeper/w.duckdb')}`);
      expect(existsSync('data/deeper/w.duckdb')).toBe(true);
      await warehouse.execute('CREATE TABLE kept AS SELECT 1 AS x');
      await warehouse.close();
      // The last close released the file; opening it again finds the data.
      const reopened = await openWarehouse(`duckdb:${resolve('data/deeper/w.duckdb')}`);
      expect((await reopened.query('SELECT x FROM kept')).rows).toEqual([{ x: 1 }]);
      await reopened.close();
    } finally {
      process.chdir(previous);
    }
  });

  it('puts duckdb: with no path under home', async () => {
    const home = tempDir();
    const warehouse = await openWarehouse('duckdb:', { home });
    expect(warehouse.description).toBe(`duckdb:${join(home, 'warehouse.duckdb')}`);
    await warehouse.close();
  });

  it('shares one in-memory DuckDB across duckdb::memory: warehouses', async () => {
    const writer = await openWarehouse('duckdb::memory:');
    const reader = await openWarehouse('duckdb::memory:');
    await writer.execute('CREATE TABLE shared_probe AS SELECT 1 AS x');
    await writer.close();
    expect((await reader.query('SELECT x FROM shared_probe')).rows).toEqual([{ x: 1 }]);
    await reader.close();
    const later = await openWarehouse('duckdb::memory:');
    expect((await later.query('SELECT x FROM shared_probe')).rows).toEqual([{ x: 1 }]);
    await later.close();
  });

  it('opens the Postgres wire protocol, Redshift on port 5439 or redshift://', async () => {
    const postgres = await openWarehouse(DATABASE_URL);
    expect(postgres.dialect).toBe('postgres');
    expect((await postgres.query('SELECT 1 AS one')).rows).toEqual([{ one: 1 }]);
    await postgres.close();
    for (const url of ['postgresql://u:pw@cluster:5439/dev', 'redshift://u:pw@cluster/dev']) {
      const redshift = await openWarehouse(url);
      expect(redshift.dialect).toBe('redshift');
      expect(redshift.description).not.toContain('pw');
      await redshift.close();
    }
  });

  it('opens the Redshift Data API', async () => {
    const warehouse = await openWarehouse('redshift-data://analytics/dev?region=eu-west-1');
    expect(warehouse.dialect).toBe('redshift');
    expect(warehouse.description).toBe('redshift-data: workgroup analytics, database dev');
    await warehouse.close();
  });

  it('names the supported schemes for anything else', async () => {
    await expect(openWarehouse('mysql://u@host/db')).rejects.toMatchObject({
      code: ErrorCode.UnsupportedUrl,
      message:
        'WAREHOUSE_URL has an unsupported scheme "mysql:"; use duckdb:PATH, postgres://..., or redshift-data://WORKGROUP/DB',
    });
  });
});
