/** Type inference from sampled text, and column names made safe for SQL. */
import { describe, expect, it } from 'vitest';
import { checkValue, describeType } from './column-kinds.ts';
import { columnNames, inferColumns, inferType } from './infer-columns.ts';

const kind = (values: string[]) => describeType(inferType(values));

describe('inferType', () => {
  it.each([
    [['true', 'no', 'Y'], 'boolean'],
    [['1', '-2', '+30', '007'], 'integer'],
    [['1', '0'], 'integer'],
    [['1.5', '2', '-0.25'], 'decimal(18,2)'],
    [['12345678901234567890'], 'decimal(22,0)'],
    [['2025-07-15', '07/16/2025'], 'date'],
    [['2025-07-15 10:00', '2025-07-16T11:12:13Z', '2025-07-17'], 'timestamp'],
    [['1e5', '2.5E-3'], 'double'],
    [['2025-07-15', 'soon'], 'text (up to 256 bytes)'],
    [['x'.repeat(300)], 'text (up to 1024 bytes)'],
    [[], 'text (up to 256 bytes)'],
  ])('%j is %s', (values, expected) => expect(kind(values)).toBe(expected));
});

describe('checkValue', () => {
  it('writes values in the warehouse form, and refuses what does not fit', () => {
    expect(checkValue({ kind: 'boolean' }, 'Yes')).toEqual({ ok: true, value: 'true' });
    expect(checkValue({ kind: 'date' }, '07/16/2025')).toEqual({ ok: true, value: '2025-07-16' });
    expect(checkValue({ kind: 'timestamp' }, '2025-07-16T11:12:13+02:00')).toEqual({
      ok: true,
      value: '2025-07-16 09:12:13.000',
    });
    expect(checkValue({ kind: 'timestamp' }, '2025-07-16')).toEqual({
      ok: true,
      value: '2025-07-16 00:00:00',
    });
    expect(checkValue({ kind: 'integer' }, '1.0').ok).toBe(false);
    expect(checkValue({ kind: 'decimal', precision: 18, scale: 2 }, '1.234').ok).toBe(false);
    expect(checkValue({ kind: 'decimal', precision: 4, scale: 2 }, '123.4').ok).toBe(false);
    expect(checkValue({ kind: 'decimal', precision: 4, scale: 2 }, '12.4')).toEqual({
      ok: true,
      value: '12.4',
    });
    expect(checkValue({ kind: 'text', maxBytes: 3 }, 'héé').ok).toBe(false);
    expect(checkValue({ kind: 'timestamp' }, '2025-07-16 25:00').ok).toBe(false);
  });
});

describe('columnNames', () => {
  it('makes plain, unique identifiers', () => {
    expect(columnNames(['Unit Price ($)', 'unit price', '', '2025 Sales', 'Select', 'Café'])).toEqual([
      'unit_price',
      'unit_price_2',
      'column_3',
      'c_2025_sales',
      'c_select',
      'cafe',
    ]);
  });
});

describe('inferColumns', () => {
  it('reports each column with examples and empty counts', () => {
    const columns = inferColumns(
      ['Id', 'Amount'],
      [
        ['1', '2.50'],
        ['2', ''],
        ['2', '3'],
      ],
    );
    expect(columns).toEqual([
      { header: 'Id', name: 'id', type: { kind: 'integer' }, examples: ['1', '2'], empty: 0 },
      {
        header: 'Amount',
        name: 'amount',
        type: { kind: 'decimal', precision: 18, scale: 2 },
        examples: ['2.50', '3'],
        empty: 1,
      },
    ]);
  });
});
