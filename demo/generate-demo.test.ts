import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoTables, tableFile } from './erp-tables.ts';
import { readManifest } from './manifest.ts';
import { parseCsv } from './read-csv.ts';
import { type GeneratedDemo, generateInto, makeTempDir } from './test-support.ts';

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)))
    .sort();
}

describe('generateDemo', () => {
  let temp: Awaited<ReturnType<typeof makeTempDir>>;
  let first: GeneratedDemo;
  let second: GeneratedDemo;

  beforeAll(async () => {
    temp = await makeTempDir('generate');
    first = await generateInto(join(temp.path, 'a'));
    second = await generateInto(join(temp.path, 'b'));
    // Speed belongs in benchmarks, not assertions: report it for whoever runs the tests.
    console.log(
      `demo scale 0.01 generated in ${first.seconds.toFixed(2)} s and ${second.seconds.toFixed(2)} s`,
    );
  });

  afterAll(() => temp.remove());

  it('writes byte-identical files for the same seed, scale and asOf', async () => {
    const files = await listFiles(first.dir);
    expect(files).toEqual(await listFiles(second.dir));
    expect(files.some((f) => f.endsWith('.xlsx'))).toBe(true);
    for (const file of files) {
      const [a, b] = await Promise.all([readFile(join(first.dir, file)), readFile(join(second.dir, file))]);
      expect(a.equals(b), `${file} differs between two runs`).toBe(true);
    }
  });

  it('gives different sales for a different seed', async () => {
    const other = await generateInto(join(temp.path, 'seed8'), { seed: 8 });
    const a = await readFile(join(first.dir, 'erp/sales_order_lines.csv'));
    const b = await readFile(join(other.dir, 'erp/sales_order_lines.csv'));
    expect(a.equals(b)).toBe(false);
  });

  it('writes a manifest that matches the files', async () => {
    const manifest = await readManifest(first.dir);
    expect(manifest).toEqual(first.manifest);
    expect(manifest).toMatchObject({ seed: 7, scale: 0.01, asOf: '2026-06-30', firstDay: '2023-01-01' });
    expect(manifest?.tables.map((t) => t.name)).toEqual(demoTables.map((t) => t.name));
    for (const t of first.manifest.tables) {
      const rows = parseCsv(await readFile(join(first.dir, t.file), 'utf8'));
      expect(rows.length - 1, t.name).toBe(t.rows);
    }
    expect(first.manifest.accountantFiles).toHaveLength(24);
    expect(await readManifest(join(temp.path, 'nothing-here'))).toBeUndefined();
  });

  it('writes every table with exactly the described columns, in order', async () => {
    for (const spec of demoTables) {
      const text = await readFile(join(first.dir, tableFile(spec)), 'utf8');
      const header = text.slice(0, text.indexOf('\n'));
      expect(header, spec.name).toBe(spec.columns.map((c) => c.name).join(','));
      expect(text.includes('\r'), `${spec.name} uses \\n line ends`).toBe(false);
    }
  });

  it('leaves NOT NULL columns filled and formats dates, datetimes and decimals', async () => {
    for (const spec of demoTables) {
      const rows = await first.table(spec.name);
      for (const row of rows.slice(0, 500)) {
        for (const column of spec.columns) {
          const value = row[column.name] ?? '';
          if (!column.nullable) expect(value, `${spec.name}.${column.name}`).not.toBe('');
          if (value === '') continue;
          if (column.type === 'date') expect(value).toMatch(/^\d{4}-\d{2}-\d{2}$/);
          if (column.type === 'datetime2') expect(value).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
          if (column.type.startsWith('decimal')) expect(value).toMatch(/^-?\d+\.\d{2}$/);
          if (column.type === 'bit') expect(['0', '1']).toContain(value);
          if (column.type === 'int' || column.type === 'bigint') expect(value).toMatch(/^-?\d+$/);
        }
      }
    }
  });

  it('has about 1,000,000 x scale sales lines, growing with scale', async () => {
    const lines = (m: GeneratedDemo) =>
      m.manifest.tables.find((t) => t.name === 'sales_order_lines')?.rows ?? 0;
    expect(lines(first)).toBeGreaterThan(8_500);
    expect(lines(first)).toBeLessThan(11_500);
    const doubled = await generateInto(join(temp.path, 'double'), { scale: 0.02 });
    const ratio = lines(doubled) / lines(first);
    expect(ratio).toBeGreaterThan(1.7);
    expect(ratio).toBeLessThan(2.3);
  });

  it('keeps modified_at and row_version rising together', async () => {
    for (const name of [
      'products',
      'customers',
      'sales_orders',
      'returns',
      'purchase_orders',
      'purchase_order_lines',
    ]) {
      const rows = (await first.table(name)).sort((a, b) => Number(a.row_version) - Number(b.row_version));
      for (let i = 1; i < rows.length; i++) {
        expect(Number(rows[i]?.row_version), name).toBeGreaterThan(Number(rows[i - 1]?.row_version));
        expect((rows[i]?.modified_at ?? '') >= (rows[i - 1]?.modified_at ?? ''), name).toBe(true);
      }
    }
  });
});
