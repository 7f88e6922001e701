import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { dayOf } from './dates.ts';
import { makeTempDir } from './test-support.ts';
import { type XlsxCell, xlsxBytes } from './xlsx-writer.ts';

const rows: XlsxCell[][] = [
  [{ bold: 'Title & <more>' }],
  [],
  ['Date', 'Amount', 'Note'],
  [{ date: dayOf(2025, 3, 15) }, { money: 1234.5 }, 'a, "quoted" note'],
  ['2025-03-16', 42, null],
];

describe('xlsx writer', () => {
  it('gives the same bytes every time, whatever the clock says', () => {
    const a = xlsxBytes('Sheet', rows, [12, 14, 30]);
    const b = xlsxBytes('Sheet', rows, [12, 14, 30]);
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
    expect(Buffer.from(a.subarray(0, 2)).toString()).toBe('PK');
  });

  it('opens in exceljs with strings, dates, numbers and formats', async () => {
    const temp = await makeTempDir('xlsx');
    try {
      const path = join(temp.path, 'book.xlsx');
      await writeFile(path, xlsxBytes('Expenses', rows, [12, 14, 30]));
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.readFile(path);
      const sheet = workbook.getWorksheet('Expenses');
      expect(sheet?.getCell('A1').value).toBe('Title & <more>');
      expect(sheet?.getCell('A1').font?.bold).toBe(true);
      expect(sheet?.getCell('A3').value).toBe('Date');
      expect(sheet?.getCell('A4').value).toEqual(new Date(Date.UTC(2025, 2, 15)));
      expect(sheet?.getCell('B4').value).toBe(1234.5);
      expect(sheet?.getCell('B4').numFmt).toBe('"$"#,##0.00');
      expect(sheet?.getCell('C4').value).toBe('a, "quoted" note');
      expect(sheet?.getCell('A5').value).toBe('2025-03-16');
      expect(sheet?.getCell('C5').value).toBeNull();
    } finally {
      await temp.remove();
    }
  });
});
