import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CsvWriter, csvField, csvLine, money } from './csv-writer.ts';
import { thousands } from './messy-sheet.ts';
import { parseCsv } from './read-csv.ts';
import { makeTempDir } from './test-support.ts';

describe('CSV writing', () => {
  it('quotes only when needed, doubling quotes', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a, b')).toBe('"a, b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField(null)).toBe('');
    expect(csvField(undefined)).toBe('');
    expect(csvField(true)).toBe('1');
    expect(csvField(false)).toBe('0');
    expect(csvLine([1, "O'Brien", null, 'x,y'])).toBe(`1,O'Brien,,"x,y"`);
  });

  it('formats cents without float noise', () => {
    expect(money(0)).toBe('0.00');
    expect(money(5)).toBe('0.05');
    expect(money(123456)).toBe('1234.56');
    expect(money(-1205)).toBe('-12.05');
    expect(thousands(123456789)).toBe('1,234,567.89');
    expect(thousands(-100)).toBe('-1.00');
  });

  it('streams rows in chunks and round-trips through the reader', async () => {
    const temp = await makeTempDir('csv');
    try {
      const path = join(temp.path, 't.csv');
      const writer = new CsvWriter(path, ['id', 'text']);
      for (let i = 0; i < 20_000; i++) writer.row([i, i % 3 === 0 ? `with "quote", comma ${i}` : `row ${i}`]);
      writer.close();
      expect(writer.rows).toBe(20_000);
      const rows = parseCsv(await readFile(path, 'utf8'));
      expect(rows[0]).toEqual(['id', 'text']);
      expect(rows).toHaveLength(20_001);
      expect(rows[1]).toEqual(['0', 'with "quote", comma 0']);
      expect(rows[20_000]).toEqual(['19999', 'row 19999']);
    } finally {
      await temp.remove();
    }
  });
});
