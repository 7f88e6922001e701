/**
 * The accountants' loader on DuckDB and on Postgres (Redshift's stand-in), with files made here
 * whose every bad row is planted on purpose: each lands in meta.load_rejects with its line,
 * column and reason; the good rows' amounts add up to the files' own totals; a rerun changes
 * nothing; a changed file replaces its rows only; a failed commit leaves the old rows in place.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { openWarehouse } from '../../db/open-warehouse.ts';
import { createTestDatabase } from '../../db/test-postgres.ts';
import type { Warehouse } from '../../db/warehouse.ts';
import { readWarehouseSql } from '../warehouse-sql.ts';
import { accountantFilesIn } from './accountant-files-in.ts';
import { loadAccountantsFiles } from './load-accountants-files.ts';

const dir = mkdtempSync(path.join(os.tmpdir(), 'shoebox-accountants-test-'));
const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups) await cleanup();
  rmSync(dir, { recursive: true, force: true });
});

interface Planted {
  file: string;
  line: number;
  column: string | null;
  reason: string;
}

/** An expense CSV as Excel writes it: BOM, CRLF, titles, columns in an unusual order. */
function expenseCsv(name: string, goodCents: number[]): { path: string; planted: Planted[]; cents: number } {
  const lines = [
    'Cordova Shoe Co. - Expense report,,,,,,',
    'Period: July 2025,,,,,,',
    ',,,,,,',
    'Vendor,DATE,Amount,Category,Description,Payment Method,Ref',
  ];
  const planted: Planted[] = [];
  const plant = (line: string, column: string | null, reason: string) => {
    lines.push(line);
    planted.push({ file: name, line: lines.length, column, reason });
  };
  const formats = [
    (c: number) => `"$${(c / 100).toLocaleString('en-US', { minimumFractionDigits: 2 })}"`,
    (c: number) => (c / 100).toFixed(2),
  ];
  goodCents.forEach((cents, i) => {
    const date = i % 2 === 0 ? `07/${String(10 + i).padStart(2, '0')}/2025` : `2025-07-${10 + i}`;
    lines.push(`Saphir,${date},${formats[i % 2]?.(cents)},Marketing,"Polish, neutral",Card,EXP-${i}`);
    if (i === 1) {
      plant('Uline,07/12/2025,TBC,Marketing,Boxes,Card,', 'Amount', 'unparseable amount');
      plant('Uline,,12.00,Marketing,Boxes,Card,', 'DATE', 'missing date');
      plant('Uline,04/31/2025,12.00,Marketing,Boxes,Card,', 'DATE', 'impossible date');
      plant('Uline,07/12/2025,,Marketing,Boxes,Card,', 'Amount', 'missing amount');
      plant(',07/12/2025,12.00,Marketing,Boxes,Card,', 'Vendor', 'missing vendor');
      plant('Uline,07/12/2025,12.00,Marketing,Boxes,Card,,surprise', null, 'wrong column count');
    }
  });
  const total = goodCents.reduce((a, b) => a + b, 0);
  lines.push(`,,"$${(total / 100).toFixed(2)}",Total,,,`, ',,,,,,', '', '');
  const file = path.join(dir, name);
  writeFileSync(file, `\uFEFF${lines.join('\r\n')}\r\n`);
  return { path: file, planted, cents: total };
}

async function expenseXlsx(name: string): Promise<{ path: string; planted: Planted[]; cents: number }> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Expenses');
  sheet.addRow(['Cordova Shoe Co. - Expense report']);
  sheet.addRow([]);
  sheet.addRow(['Date', 'Vendor', 'Description', 'Category', 'Amount', 'Payment method', 'Reference']);
  sheet.addRow([
    new Date(Date.UTC(2025, 7, 3)),
    'FedEx',
    'Shipping',
    'Shipping and packaging',
    1234.5,
    'Direct debit',
    'A1',
  ]);
  sheet.addRow(['2025-08-04', 'UPS', 'Parcels', 'Shipping and packaging', '$2,000.25', 'Direct debit', 'A2']);
  sheet.addRow([
    new Date(Date.UTC(2025, 7, 5)),
    'UPS',
    'Parcels',
    'Shipping and packaging',
    { error: '#VALUE!' },
    'Card',
    null,
  ]);
  sheet.addRow(['08/32/2025', 'UPS', 'Parcels', 'Shipping and packaging', 5, 'Card', null]);
  sheet.addRow([null, null, null, 'Total', 3234.75]);
  const file = path.join(dir, name);
  await workbook.xlsx.writeFile(file);
  return {
    path: file,
    planted: [
      { file: name, line: 6, column: 'Amount', reason: 'unparseable amount' },
      { file: name, line: 7, column: 'Date', reason: 'impossible date' },
    ],
    cents: 323475,
  };
}

function bankCsv(name: string): { path: string; planted: Planted[] } {
  const lines = [
    'First Harbor Bank',
    'Statement of account',
    '',
    'Date,Description,Reference,Withdrawals,Deposits,Balance',
    '07/01/2025,OPENING BALANCE,,,,"$1,000.00"',
    '07/01/2025,SQUARE INC DEPOSIT,SQ-1,,"1,500.00","$2,500.00"',
    ",  CONT'D SQUARE INC ID 123456,,,,",
    '2025-07-02,ACH DEBIT RENT,RENT-7,"2,000.10",,$499.90',
    '07/03/2025,DIRECT DEBIT POWER ADJ,,#VALUE!,,',
    '07/31/2025,CLOSING BALANCE,,,,$499.90',
    '',
  ];
  const file = path.join(dir, name);
  writeFileSync(file, `${lines.join('\n')}\n`);
  return {
    path: file,
    planted: [
      { file: name, line: 7, column: 'Date', reason: 'missing date' },
      { file: name, line: 9, column: 'Withdrawals', reason: 'unparseable amount' },
    ],
  };
}

const engines: { name: string; open: () => Promise<Warehouse> }[] = [
  { name: 'duckdb', open: () => openWarehouse(`duckdb:${path.join(dir, 'w.duckdb')}`) },
  {
    name: 'postgres',
    open: async () => {
      const database = await createTestDatabase('accountants');
      cleanups.push(database.drop);
      return openWarehouse(database.url);
    },
  },
];

const ran: string[] = [];
afterAll(() => expect(ran.sort()).toEqual(['duckdb', 'postgres']));

async function rows(warehouse: Warehouse, sql: string) {
  return (await warehouse.query(sql)).rows;
}

async function snapshot(warehouse: Warehouse) {
  return {
    expenses: await rows(
      warehouse,
      'SELECT expense_id, source_file, amount, loaded_at, account_code FROM dw.fact_expense ORDER BY expense_id',
    ),
    bank: await rows(
      warehouse,
      'SELECT source_file, line_number, amount, loaded_at FROM dw.fact_bank_transaction ORDER BY source_file, line_number',
    ),
    rejects: await rows(
      warehouse,
      'SELECT file_name, line_number, error_code, loaded_at FROM meta.load_rejects ORDER BY file_name, line_number',
    ),
    markers: await rows(
      warehouse,
      'SELECT file_name, content_hash, loaded_at FROM meta.loaded_files ORDER BY file_name',
    ),
  };
}

describe.each(engines)('loadAccountantsFiles on $name', ({ name, open }) => {
  it('loads good rows, rejects every planted bad row with its reason, and reruns as a no-op', async () => {
    ran.push(name);
    const warehouse = await open();
    try {
      await warehouse.execute(readWarehouseSql(warehouse.dialect, 'schema.sql'));
      await warehouse.execute(
        "INSERT INTO dw.dim_account VALUES ('6300', 'Marketing', 'expense', 'debit', NULL, NULL)",
      );
      const csv = expenseCsv(`${name}-expenses-2025-07.csv`, [123450, 99, 200000, 1]);
      const xlsx = await expenseXlsx(`${name}-expenses-2025-08.xlsx`);
      const bank = bankCsv(`${name}-bank-2025-07.csv`);
      const junk = path.join(dir, `${name}-notes.csv`);
      writeFileSync(junk, 'hello,world\n1,2\n');
      const broken = path.join(dir, `${name}-broken.xlsx`);
      writeFileSync(broken, 'not a zip file');
      const files = [csv.path, xlsx.path, bank.path, junk, broken];
      const progress: number[] = [];

      const first = await loadAccountantsFiles(warehouse, files, {
        onProgress: (p) => progress.push(p.done),
      });
      expect(progress).toEqual([0, 1, 2, 3, 4, 5]);
      expect(
        first.files.map(({ file, kind, status, rowsLoaded, rowsRejected }) => [
          file,
          kind,
          status,
          rowsLoaded,
          rowsRejected,
        ]),
      ).toEqual([
        [path.basename(csv.path), 'expenses', 'loaded', 4, 6],
        [path.basename(xlsx.path), 'expenses', 'loaded', 2, 2],
        [path.basename(bank.path), 'bank-statement', 'loaded', 2, 2],
        [path.basename(junk), 'unrecognised', 'unrecognised', 0, 1],
        [path.basename(broken), 'unrecognised', 'unrecognised', 0, 1],
      ]);
      expect(first.files.slice(0, 3).map((f) => f.check?.matches)).toEqual([true, true, true]);

      const rejects = await rows(
        warehouse,
        'SELECT file_name, line_number, column_name, error_code, raw_line, error_message FROM meta.load_rejects ORDER BY file_name, line_number',
      );
      const planted = [...csv.planted, ...xlsx.planted, ...bank.planted].map((p) => [
        p.file,
        p.line,
        p.column,
        p.reason,
      ]);
      expect(
        rejects
          .filter((r) => Number(r.line_number) > 0)
          .map((r) => [r.file_name, Number(r.line_number), r.column_name, r.error_code])
          .sort(),
      ).toEqual(planted.sort());
      for (const reject of rejects) expect(String(reject.error_message).length).toBeGreaterThan(5);
      expect(
        rejects.find((r) => r.error_code === 'unparseable amount' && r.file_name === path.basename(csv.path))
          ?.raw_line,
      ).toContain('TBC');
      expect(
        rejects.filter((r) => Number(r.line_number) === 0).map((r) => [r.file_name, r.error_code]),
      ).toEqual([
        [path.basename(broken), 'unreadable file'],
        [path.basename(junk), 'unrecognised layout'],
      ]);

      const sums = await rows(
        warehouse,
        'SELECT source_file, CAST(SUM(amount) * 100 AS BIGINT) AS cents, COUNT(*) AS n, COUNT(account_code) AS coded FROM dw.fact_expense GROUP BY source_file ORDER BY source_file',
      );
      expect(sums.map((s) => [s.source_file, Number(s.cents), Number(s.n), Number(s.coded)])).toEqual([
        [path.basename(csv.path), csv.cents, 4, 4],
        [path.basename(xlsx.path), xlsx.cents, 2, 0],
      ]);
      const bankRows = await rows(
        warehouse,
        'SELECT transaction_date, amount, balance FROM dw.fact_bank_transaction ORDER BY line_number',
      );
      expect(bankRows.map((r) => [r.transaction_date, Number(r.amount), Number(r.balance)])).toEqual([
        ['2025-07-01', 1500, 2500],
        ['2025-07-02', -2000.1, 499.9],
      ]);

      const before = await snapshot(warehouse);
      const again = await loadAccountantsFiles(warehouse, files);
      expect(again.files.map((f) => f.status)).toEqual([
        'unchanged',
        'unchanged',
        'unchanged',
        'unchanged',
        'unchanged',
      ]);
      expect(again.files.map((f) => [f.rowsLoaded, f.rowsRejected])).toEqual(
        first.files.map((f) => [f.rowsLoaded, f.rowsRejected]),
      );
      expect(await snapshot(warehouse)).toEqual(before);

      // A corrected file replaces its own rows and rejects, and nothing else.
      const fixed = expenseCsv(path.basename(csv.path), [500, 700]);
      const third = await loadAccountantsFiles(warehouse, files);
      expect(third.files.map((f) => f.status)).toEqual([
        'loaded',
        'unchanged',
        'unchanged',
        'unchanged',
        'unchanged',
      ]);
      const after = await snapshot(warehouse);
      const other = (s: typeof before) => s.expenses.filter((e) => e.source_file !== path.basename(csv.path));
      expect(other(after)).toEqual(other(before));
      expect(
        after.expenses
          .filter((e) => e.source_file === path.basename(csv.path))
          .map((e) => Number(e.amount) * 100)
          .sort((a, b) => a - b),
      ).toEqual([500, 700]);
      expect(after.rejects.filter((r) => r.file_name === path.basename(csv.path))).toHaveLength(
        fixed.planted.length,
      );
      // A file that was not an accountants' file at all and now is: its old reject goes.
      writeFileSync(junk, `${readFileSync(bank.path, 'utf8')}`);
      const fourth = await loadAccountantsFiles(warehouse, files);
      expect(fourth.files[3]).toMatchObject({
        kind: 'bank-statement',
        status: 'loaded',
        rowsLoaded: 2,
        rowsRejected: 2,
      });
      const junkRejects = await rows(
        warehouse,
        `SELECT error_code FROM meta.load_rejects WHERE file_name = '${path.basename(junk)}' ORDER BY line_number`,
      );
      expect(junkRejects.map((r) => r.error_code)).toEqual(['missing date', 'unparseable amount']);

      const metaTables = await rows(
        warehouse,
        "SELECT table_name FROM information_schema.tables WHERE table_schema = 'meta'",
      );
      expect(metaTables.map((t) => t.table_name).sort()).toEqual(['load_rejects', 'loaded_files']);
    } finally {
      await warehouse.close();
    }
  }, 60_000);

  it('keeps the old rows, rejects and marker when the commit fails, and a rerun then loads', async () => {
    const warehouse = await open();
    try {
      await warehouse.execute(readWarehouseSql(warehouse.dialect, 'schema.sql'));
      const file = expenseCsv(`${name}-crash.csv`, [1000, 2000]);
      await loadAccountantsFiles(warehouse, [file.path]);
      const before = await snapshot(warehouse);
      expenseCsv(`${name}-crash.csv`, [3000]);
      // The commit script writes the marker last: make that statement fail, after the deletes ran.
      const failing: Warehouse = Object.assign(Object.create(warehouse) as Warehouse, {
        execute: async (sql: string, params?: readonly (string | number | null)[]) => {
          if (sql.includes('INSERT INTO meta.loaded_files SELECT')) {
            await warehouse.execute(
              sql.replace(
                'INSERT INTO meta.loaded_files SELECT *',
                'INSERT INTO meta.loaded_files SELECT *, 1',
              ),
              params,
            );
          }
          return warehouse.execute(sql, params);
        },
      });
      await expect(loadAccountantsFiles(failing, [file.path])).rejects.toThrow();
      expect(await snapshot(warehouse)).toEqual(before);
      const rerun = await loadAccountantsFiles(warehouse, [file.path]);
      expect(rerun.files[0]?.status).toBe('loaded');
      const sum = await rows(
        warehouse,
        `SELECT SUM(amount) AS total FROM dw.fact_expense WHERE source_file = '${name}-crash.csv'`,
      );
      expect(Number(sum[0]?.total)).toBe(30);
    } finally {
      await warehouse.close();
    }
  }, 60_000);
});

describe('loadAccountantsFiles without the star schema', () => {
  it('says what to do when the star schema is missing', async () => {
    const warehouse = await openWarehouse('duckdb::memory:');
    try {
      await expect(loadAccountantsFiles(warehouse, [])).rejects.toMatchObject({
        code: 'ETL_LOAD_FAILED',
        message: expect.stringContaining('apply the warehouse schema (shoebox etl)'),
      });
    } finally {
      await warehouse.close();
    }
  });
});

describe('accountantFilesIn', () => {
  it('lists the .csv and .xlsx files by name, without lock files or hidden files', () => {
    const folder = mkdtempSync(path.join(dir, 'folder-'));
    for (const name of ['b.xlsx', 'a.CSV', '~$b.xlsx', '.hidden.csv', 'notes.txt', 'readme.md'])
      writeFileSync(path.join(folder, name), '');
    expect(accountantFilesIn(folder)).toEqual([path.join(folder, 'a.CSV'), path.join(folder, 'b.xlsx')]);
    expect(() => accountantFilesIn(path.join(folder, 'missing'))).toThrow(
      /Cannot read the accountants' folder/,
    );
  });
});
