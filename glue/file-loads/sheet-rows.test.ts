/** Line numbers and raw text as a person would find them in the file, whatever the line ends. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { readSheetRows, type SheetRow } from './sheet-rows.ts';

const dir = mkdtempSync(path.join(os.tmpdir(), 'shoebox-sheet-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function rows(name: string, text: string, delimiter?: string): Promise<[number, string[], string][]> {
  const file = path.join(dir, name);
  writeFileSync(file, text);
  const out: [number, string[], string][] = [];
  for await (const row of readSheetRows(file, 'csv', delimiter ? { delimiter } : {}))
    out.push([row.line, row.cells as string[], row.raw]);
  return out;
}

describe('readSheetRows (CSV)', () => {
  const expected: [number, string[], string][] = [
    [1, ['a', 'b'], 'a,b'],
    [2, ['1', 'two\nlines'], '1,"two\nlines"'],
    [4, [''], ''],
    [5, ['3', '4', '5'], '3,4,5'],
  ];
  it.each([
    ['LF', '\n', ''],
    ['CRLF with a BOM', '\r\n', '\uFEFF'],
  ])('numbers lines with %s line ends', async (_name, end, bom) => {
    const text = `${bom}a,b${end}1,"two\nlines"${end}${end}3,4,5${end}`;
    expect(await rows(`${end.length}.csv`, text)).toEqual(expected);
  });

  it('reads another delimiter', async () => {
    expect(await rows('semi.csv', 'a;b\n"x;y";2\n', ';')).toEqual([
      [1, ['a', 'b'], 'a;b'],
      [2, ['x;y', '2'], '"x;y";2'],
    ]);
  });

  it('reports a line it cannot parse and goes on', async () => {
    const file = path.join(dir, 'stray.csv');
    writeFileSync(file, 'a,b\n1,x"y"z\n2,ok\n');
    const unreadable: number[] = [];
    const read: number[] = [];
    for await (const row of readSheetRows(file, 'csv', { onUnreadable: (u) => unreadable.push(u.line) }))
      read.push(row.line);
    expect(read).toEqual([1, 3]);
    expect(unreadable).toEqual([2]);
  });
});

describe('readSheetRows (XLSX)', () => {
  it('keeps dates, numbers, errors and rich text as values, row numbers as lines', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('S');
    sheet.addRow(['Title']);
    sheet.addRow([]);
    sheet.addRow([
      new Date(Date.UTC(2025, 6, 15)),
      12.5,
      { error: '#VALUE!' },
      { richText: [{ text: 'a' }, { text: 'b' }] },
    ]);
    const file = path.join(dir, 'x.xlsx');
    await workbook.xlsx.writeFile(file);
    const out: SheetRow[] = [];
    for await (const row of readSheetRows(file, 'xlsx')) out.push(row);
    expect(out.map((r) => r.line)).toEqual([1, 2, 3]);
    expect(out[2]?.cells).toEqual([new Date(Date.UTC(2025, 6, 15)), 12.5, '#VALUE!', 'ab']);
    expect(out[2]?.raw).toBe('2025-07-15,12.5,#VALUE!,ab');
  });
});
