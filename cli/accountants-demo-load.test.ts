/**
 * The accountants' loader over the demo's real 24 files (CSV and XLSX, bad rows planted by the
 * generator) on DuckDB and Postgres: every planted bad row is rejected with the reason the
 * generator planted, every good row is loaded, each good expense equals its ledger entry to the
 * cent (the ledger is written independently from the same expenses), and a rerun is a no-op.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openWarehouse } from '../db/open-warehouse.ts';
import { createTestDatabase } from '../db/test-postgres.ts';
import type { Warehouse } from '../db/warehouse.ts';
import { BANK_DEFECTS } from '../demo/bank-statement-file.ts';
import { EXPENSE_DEFECTS } from '../demo/expense-file.ts';
import { generateDemo } from '../demo/generate-demo.ts';
import type { DemoManifest } from '../demo/manifest.ts';
import { readCsvObjects } from '../demo/read-csv.ts';
import { accountantFilesIn } from '../glue/accountants/accountant-files-in.ts';
import { loadAccountantsFiles } from '../glue/accountants/load-accountants-files.ts';
import { readWarehouseSql } from '../glue/warehouse-sql.ts';

const dir = mkdtempSync(path.join(os.tmpdir(), 'shoebox-accountants-demo-'));
const demo = path.join(dir, 'demo');
let manifest: DemoManifest;
/** Ledger entries from the accountants' expenses: reference -> cents debited. */
const ledger = new Map<string, number>();
const cleanups: (() => Promise<void>)[] = [];

beforeAll(async () => {
  manifest = await generateDemo({ seed: 7, scale: 0.01, asOf: '2026-06-30', outDir: demo });
  const entries = await readCsvObjects(path.join(demo, 'ledger', 'journal_entries.csv'));
  const byId = new Map(
    entries.filter((e) => e.source === 'accountants').map((e) => [e.journal_entry_id, e.reference as string]),
  );
  for (const line of await readCsvObjects(path.join(demo, 'ledger', 'journal_lines.csv'))) {
    const reference = byId.get(line.journal_entry_id);
    if (reference !== undefined)
      ledger.set(reference, (ledger.get(reference) ?? 0) + Number(line.debit_minor));
  }
}, 120_000);
afterAll(async () => {
  for (const cleanup of cleanups) await cleanup();
  rmSync(dir, { recursive: true, force: true });
});

/** The reasons the generator planted in a file, in the order it cycles through them. */
function plantedReasons(file: DemoManifest['accountantFiles'][number]): string[] {
  const month = Number(/-(\d{2})\.\w+$/.exec(file.file)?.[1]);
  const defects: readonly string[] = file.kind === 'expenses' ? EXPENSE_DEFECTS : BANK_DEFECTS;
  return Array.from(
    { length: file.badRows },
    (_, i) => defects[(month + i) % defects.length] as string,
  ).sort();
}

const engines: { name: string; open: () => Promise<Warehouse> }[] = [
  { name: 'duckdb', open: () => openWarehouse(`duckdb:${path.join(dir, 'w.duckdb')}`) },
  {
    name: 'postgres',
    open: async () => {
      const database = await createTestDatabase('accountants_demo');
      cleanups.push(database.drop);
      return openWarehouse(database.url);
    },
  },
];

describe.each(engines)("the demo's accountants' files on $name", ({ open }) => {
  it('rejects exactly the planted rows, loads the rest to the cent, and reruns as a no-op', async () => {
    const warehouse = await open();
    try {
      await warehouse.execute(readWarehouseSql(warehouse.dialect, 'schema.sql'));
      const files = accountantFilesIn(path.join(demo, 'accountants'));
      expect(files).toHaveLength(24);
      expect(files).toEqual(manifest.accountantFiles.map((f) => path.join(demo, f.file)).sort());
      const result = await loadAccountantsFiles(warehouse, files);

      for (const planted of manifest.accountantFiles) {
        const name = path.basename(planted.file);
        const loaded = result.files.find((f) => f.file === name);
        expect(loaded, name).toMatchObject({
          status: 'loaded',
          rowsLoaded: planted.rows - planted.badRows,
          rowsRejected: planted.badRows,
          check: { matches: true },
        });
        const { rows } = await warehouse.query(
          'SELECT error_code FROM meta.load_rejects WHERE file_name = $1 ORDER BY error_code',
          [name],
        );
        expect(
          rows.map((r) => r.error_code),
          name,
        ).toEqual(plantedReasons(planted));
      }
      expect(result.rowsRejected).toBe(manifest.accountantFiles.reduce((n, f) => n + f.badRows, 0));

      const { rows: expenses } = await warehouse.query(
        'SELECT reference, CAST(amount * 100 AS BIGINT) AS cents FROM dw.fact_expense',
      );
      const loaded = new Map(expenses.map((e) => [String(e.reference), Number(e.cents)]));
      const months = new Set(manifest.accountantFiles.map((f) => /(\d{4}-\d{2})/.exec(f.file)?.[1]));
      const expected = [...ledger].filter(([reference]) => months.has(reference.slice(4, 11)));
      expect(expected.length).toBeGreaterThan(400);
      expect([...loaded].sort()).toEqual(expected.sort());

      const again = await loadAccountantsFiles(warehouse, files);
      expect(new Set(again.files.map((f) => f.status))).toEqual(new Set(['unchanged']));
      const { rows: count } = await warehouse.query(
        'SELECT COUNT(*) AS n, MIN(loaded_at) AS first, MAX(loaded_at) AS last FROM dw.fact_expense',
      );
      expect(Number(count[0]?.n)).toBe(loaded.size);
      expect(count[0]?.first).toBe(count[0]?.last);
    } finally {
      await warehouse.close();
    }
  }, 120_000);
});
