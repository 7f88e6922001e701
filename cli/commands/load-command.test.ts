/**
 * `shoebox load` end to end through the CLI entry: on the embedded DuckDB and on a Postgres
 * warehouse (WAREHOUSE_URL), the types are reported before loading, the counts and first
 * rejects after, the table and view are queryable, a rerun is a no-op, and bad input gets one
 * clear line and exit code 1.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openWarehouse } from '../../db/open-warehouse.ts';
import { createTestDatabase } from '../../db/test-postgres.ts';
import { main } from '../main.ts';

let home: string;
beforeEach(() => {
  home = mkdtempSync(path.join(os.tmpdir(), 'shoebox-load-'));
});
afterEach(() => rmSync(home, { recursive: true, force: true }));
const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups) await cleanup();
});

async function shoebox(args: string[], env: Record<string, string> = {}) {
  let stdout = '';
  let stderr = '';
  const write = (append: (text: string) => void) => ({
    write: (text: string) => {
      append(text);
      return true;
    },
  });
  const exitCode = await main(['node', 'shoebox', ...args], {
    stdout: write((t) => {
      stdout += t;
    }),
    stderr: write((t) => {
      stderr += t;
    }),
    env: { SHOEBOX_HOME: home, SHOEBOX_NOW: '2026-11-20', ...env },
    cwd: home,
  });
  return { exitCode, stdout, stderr };
}

const CSV =
  'Store,Day,Revenue,Open\nNYC,2025-07-01,"1200.50",yes\nBOS,2025-07-01,980,no\nSEA,07/02/2025,lots,yes\nMIA,2025-07-02\n';

const engines = [
  { name: 'duckdb', env: async (): Promise<Record<string, string>> => ({}) },
  {
    name: 'postgres',
    env: async (): Promise<Record<string, string>> => {
      const database = await createTestDatabase('load_cli');
      cleanups.push(database.drop);
      return { WAREHOUSE_URL: database.url };
    },
  },
];

describe.each(engines)('shoebox load on $name', ({ env: makeEnv }) => {
  it('reports types, loads, rejects with reasons, creates the view, and skips a rerun', async () => {
    const env = await makeEnv();
    writeFileSync(path.join(home, 'stores.csv'), CSV);
    const first = await shoebox(
      [
        'load',
        'stores.csv',
        '--table',
        'store_revenue',
        '--view',
        'curated.store_revenue',
        '--sample-rows',
        '2',
      ],
      env,
    );
    expect(first.exitCode, first.stderr).toBe(0);
    const lines = first.stdout.split('\n');
    expect(lines[0]).toBe('Columns of stores.csv, inferred from the first 2 rows at most:');
    expect(lines[1]).toMatch(/^ {2}column\s+type\s+examples$/);
    expect(
      lines.slice(2, 6).map((l) =>
        l
          .trim()
          .split(/\s{2,}/)
          .slice(0, 2),
      ),
    ).toEqual([
      ['store', 'text (up to 256 bytes)'],
      ['day', 'date'],
      ['revenue', 'decimal(18,2)'],
      ['open', 'boolean'],
    ]);
    expect(first.stdout).toMatch(
      /Loaded 2 rows into uploads\.store_revenue and the view curated\.store_revenue in [\d.]+ s; 2 rows rejected\./,
    );
    expect(first.stdout).toContain('line 4 Revenue: invalid decimal ("lots" is not a decimal number');
    expect(first.stdout).toContain('line 5 wrong column count (2 fields where the header has 4)');
    expect(first.stdout).toContain("FROM meta.load_rejects WHERE target_table = 'uploads.store_revenue'");
    expect(first.stderr).toContain('loading stores.csv: 100%');

    const warehouse = await openWarehouse(
      env.WAREHOUSE_URL ?? `duckdb:${path.join(home, 'warehouse.duckdb')}`,
    );
    try {
      const { rows } = await warehouse.query(
        'SELECT store, day, revenue, open FROM curated.store_revenue ORDER BY store',
      );
      expect(rows).toEqual([
        { store: 'BOS', day: '2025-07-01', revenue: 980, open: false },
        { store: 'NYC', day: '2025-07-01', revenue: 1200.5, open: true },
      ]);
    } finally {
      await warehouse.close();
    }

    const again = await shoebox(
      ['load', 'stores.csv', '--table', 'store_revenue', '--view', 'curated.store_revenue'],
      env,
    );
    expect(again.exitCode).toBe(0);
    expect(again.stdout).toBe(
      'uploads.store_revenue already holds this file (same content): nothing to do. Use --force to load it again.\n',
    );
  }, 60_000);

  it('loads a Parquet file with its declared types', async () => {
    const env = await makeEnv();
    const file = path.join(home, 'orders.parquet');
    const instance = await DuckDBInstance.create(':memory:');
    const connection = await instance.connect();
    await connection.run(
      `COPY (SELECT i AS order_id, CAST(i / 8 AS DECIMAL(12,3)) AS weight FROM range(1, 5001) t(i)) TO '${file}' (FORMAT parquet)`,
    );
    connection.disconnectSync();
    instance.closeSync();
    const result = await shoebox(['load', file, '--table', 'orders'], env);
    expect(result.exitCode, result.stderr).toBe(0);
    expect(result.stdout).toContain('Columns of orders.parquet, as the Parquet file declares them:');
    expect(result.stdout).toMatch(/weight\s+decimal\(12,3\)\s+0\.125, 0\.250, 0\.375/);
    expect(result.stdout).toMatch(/Loaded 5000 rows into uploads\.orders in [\d.]+ s; 0 rows rejected\./);
  }, 60_000);
});

describe('shoebox load refuses bad input with one line', () => {
  it('is listed in --help and has its own', async () => {
    expect((await shoebox(['--help'])).stdout).toMatch(/^ {2}load \[options\] <FILE>/m);
    const help = await shoebox(['load', '--help']);
    expect(help.exitCode).toBe(0);
    expect(help.stdout).toContain('Usage: shoebox load [options] <FILE>');
  });

  it.each([
    [
      ['load', 'missing.csv', '--table', 't'],
      /^error: .*missing\.csv does not exist or is not a file; check the path\n$/,
    ],
    [
      ['load', 'notes.md', '--table', 't'],
      /^error: .*notes\.md: shoebox load reads \.csv, \.tsv, \.txt \(delimited text\) and \.parquet files/,
    ],
    [['load', 'empty.csv', '--table', 't'], /^error: .*empty\.csv is empty: there is nothing to load\n$/],
    [['load', 'ok.csv', '--table', 'Bad-Name'], /^error: --table "Bad-Name" is not a valid table name/],
    [['load', 'ok.csv', '--table', 't', '--view', 'x'], /^error: --view "x" must be SCHEMA\.NAME/],
    [
      ['load', 'ok.csv', '--table', 't', '--sample-rows', '0'],
      /^error: --sample-rows must be a whole number of at least 1 \(got "0"\)\n$/,
    ],
    [['load', 'ok.csv'], /^error: required option '--table <NAME>' not specified\n$/],
  ])('%j', async (args, message) => {
    writeFileSync(path.join(home, 'notes.md'), '# notes\n');
    writeFileSync(path.join(home, 'empty.csv'), '');
    writeFileSync(path.join(home, 'ok.csv'), 'a\n1\n');
    const { exitCode, stderr } = await shoebox(args);
    expect(exitCode).toBe(1);
    expect(stderr).toMatch(message);
  });
});
