import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCsv } from './read-csv.ts';
import { type GeneratedDemo, generateInto, makeTempDir } from './test-support.ts';

type Cell = string | number | Date | null;

/** What a tolerant loader would make of a date cell: 'YYYY-MM-DD', or undefined if it cannot. */
function readDate(cell: Cell): string | undefined {
  if (cell instanceof Date) return cell.toISOString().slice(0, 10);
  const text = String(cell ?? '').trim();
  const us = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(text);
  const iso = us ? `${us[3]}-${us[1]}-${us[2]}` : /^\d{4}-\d{2}-\d{2}$/.test(text) ? text : undefined;
  if (!iso) return undefined;
  const back = new Date(`${iso}T00:00:00Z`);
  return Number.isNaN(back.getTime()) || back.toISOString().slice(0, 10) !== iso ? undefined : iso;
}

/** Cents from '$1,234.50', '1,234.50', '1234.50' or a number; undefined if it cannot. */
function readAmount(cell: Cell): number | undefined {
  if (typeof cell === 'number') return Math.round(cell * 100);
  const text = String(cell ?? '')
    .replace(/[$,]/g, '')
    .trim();
  return /^-?\d+(\.\d{1,2})?$/.test(text) ? Math.round(Number(text) * 100) : undefined;
}

async function readGrid(path: string): Promise<Cell[][]> {
  if (path.endsWith('.csv'))
    return parseCsv(await readFile(path, 'utf8')).map((row) => row.map((c) => (c === '' ? null : c)));
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  const sheet = workbook.worksheets[0];
  const grid: Cell[][] = [];
  sheet?.eachRow({ includeEmpty: true }, (row, n) => {
    const values = Array.from((row.values as unknown[]).slice(1), (v) => (v ?? null) as Cell);
    grid[n - 1] = values;
  });
  return Array.from(grid, (row) => row ?? []);
}

const blank = (row: Cell[]) => row.every((c) => c === null || c === '');

describe("accountants' files", () => {
  let temp: Awaited<ReturnType<typeof makeTempDir>>;
  let demo: GeneratedDemo;
  let entriesByRef: Map<string, Record<string, string>>;
  let bankLinesByMonth: Map<string, number[]>;

  beforeAll(async () => {
    temp = await makeTempDir('accountants');
    demo = await generateInto(join(temp.path, 'out'));
    const entries = await demo.table('journal_entries');
    entriesByRef = new Map(
      entries.filter((e) => e.source === 'accountants').map((e) => [e.reference ?? '', e]),
    );
    const dates = new Map(
      entries.filter((e) => e.source !== 'opening').map((e) => [e.journal_entry_id, e.entry_date ?? '']),
    );
    bankLinesByMonth = new Map();
    for (const l of await demo.table('journal_lines')) {
      const date = dates.get(l.journal_entry_id);
      if (l.account_code !== '1010' || !date) continue;
      const list = bankLinesByMonth.get(date.slice(0, 7)) ?? [];
      list.push(Number(l.debit_minor) - Number(l.credit_minor));
      bankLinesByMonth.set(date.slice(0, 7), list);
    }
  });
  afterAll(() => temp.remove());

  it('sends twelve months of expense reports and bank statements, in both CSV and XLSX', () => {
    const files = demo.manifest.accountantFiles;
    expect(files.filter((f) => f.kind === 'expenses')).toHaveLength(12);
    expect(files.filter((f) => f.kind === 'bank-statement')).toHaveLength(12);
    for (const kind of ['expenses', 'bank-statement']) {
      expect(new Set(files.filter((f) => f.kind === kind).map((f) => f.format))).toEqual(
        new Set(['csv', 'xlsx']),
      );
    }
    expect(files[0]?.file).toBe('accountants/expenses-2025-07.csv');
    expect(files.at(-1)?.file).toBe('accountants/bank-statement-2026-06.xlsx');
    expect(files.every((f) => f.badRows >= 1 && f.badRows < f.rows)).toBe(true);
  });

  it('writes expense CSVs the way Excel exports them: BOM, CRLF, title rows, quoted commas, two date formats', async () => {
    const text = await readFile(join(demo.dir, 'accountants/expenses-2025-07.csv'), 'utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(text).toContain('\r\n');
    const lines = text.slice(1).split('\r\n');
    expect(lines[0]).toBe('Cordova Shoe Co. - Expense report,,,,,,');
    expect(lines[4]).toBe('Date,Vendor,Description,Category,Amount,Payment method,Reference');
    expect(text).toMatch(/"[^"]*, [^"]*"/);
    expect(text).toMatch(/\n07\/\d{2}\/2025,/);
    expect(text).toMatch(/\n2025-07-\d{2},/);
    expect(text).toMatch(/"\$\d{1,3},\d{3}\.\d{2}"/);
    expect(text.endsWith(',,,,,,\r\n\r\n\r\n')).toBe(true);
  });

  it('opens the XLSX files in exceljs with real dates and amounts', async () => {
    const grid = await readGrid(join(demo.dir, 'accountants/expenses-2025-08.xlsx'));
    expect(grid[0]?.[0]).toBe('Cordova Shoe Co. - Expense report');
    expect(grid[4]).toEqual([
      'Date',
      'Vendor',
      'Description',
      'Category',
      'Amount',
      'Payment method',
      'Reference',
    ]);
    const data = grid.slice(5);
    expect(data.some((row) => row[0] instanceof Date)).toBe(true);
    expect(data.some((row) => typeof row[4] === 'number')).toBe(true);
    const statement = await readGrid(join(demo.dir, 'accountants/bank-statement-2025-09.xlsx'));
    expect(statement[5]).toEqual(['Date', 'Description', 'Reference', 'Withdrawals', 'Deposits', 'Balance']);
  });

  it('plants exactly the recorded bad rows; every good expense row is a ledger entry', async () => {
    for (const f of demo.manifest.accountantFiles.filter((x) => x.kind === 'expenses')) {
      const grid = await readGrid(join(demo.dir, f.file));
      const header = grid.findIndex((row) => row[0] === 'Date' && row[1] === 'Vendor');
      const rows = grid.slice(header + 1).filter((row) => !blank(row) && row[3] !== 'Total');
      expect(rows.length, f.file).toBe(f.rows);
      let bad = 0;
      for (const row of rows) {
        const date = readDate(row[0] ?? null);
        const amount = readAmount(row[4] ?? null);
        if (date === undefined || amount === undefined) {
          bad++;
          continue;
        }
        const entry = entriesByRef.get(String(row[6]));
        expect(entry, `${f.file} ${row[6]}`).toBeDefined();
        expect(entry?.entry_date).toBe(date);
      }
      expect(bad, f.file).toBe(f.badRows);
    }
  });

  it('lists every bank movement of the month, with a running balance; bad rows are extra', async () => {
    for (const f of demo.manifest.accountantFiles.filter((x) => x.kind === 'bank-statement')) {
      const grid = await readGrid(join(demo.dir, f.file));
      const header = grid.findIndex((row) => row[0] === 'Date' && row[1] === 'Description');
      const body = grid.slice(header + 1).filter((row) => !blank(row));
      expect(body[0]?.[1]).toBe('OPENING BALANCE');
      expect(body.at(-1)?.[1]).toBe('CLOSING BALANCE');
      const opening = readAmount(body[0]?.[5] ?? null) ?? Number.NaN;
      const closing = readAmount(body.at(-1)?.[5] ?? null) ?? Number.NaN;
      const rows = body.slice(1, -1);
      expect(rows.length, f.file).toBe(f.rows);
      let bad = 0;
      let balance = opening;
      const amounts: number[] = [];
      for (const row of rows) {
        const out = (row[3] ?? null) === null ? 0 : readAmount(row[3] ?? null);
        const inn = (row[4] ?? null) === null ? 0 : readAmount(row[4] ?? null);
        if (readDate(row[0] ?? null) === undefined || out === undefined || inn === undefined) {
          bad++;
          continue;
        }
        balance += inn - out;
        amounts.push(inn - out);
        expect(readAmount(row[5] ?? null), `${f.file} balance`).toBe(balance);
      }
      expect(bad, f.file).toBe(f.badRows);
      expect(balance).toBe(closing);
      const month = /(\d{4}-\d{2})\./.exec(f.file)?.[1] ?? '';
      expect(amounts.sort((a, b) => a - b)).toEqual(
        [...(bankLinesByMonth.get(month) ?? [])].sort((a, b) => a - b),
      );
    }
  });
});
