/** The comparison behind reconciliation: exact decimals, per day, missing days on either side. */
import { describe, expect, it } from 'vitest';
import { canonicalDecimal, compareFigures } from './reconcile-stage.ts';

describe('canonicalDecimal', () => {
  it.each([
    ['12.500000', '12.5'],
    ['12.00', '12'],
    ['-0.00', '0'],
    ['007.10', '7.1'],
    ['-3.40', '-3.4'],
    [undefined, '0'],
    ['123456789012345678.12', '123456789012345678.12'],
  ])('%s → %s', (input, output) => {
    expect(canonicalDecimal(input)).toBe(output);
  });
});

describe('compareFigures', () => {
  const day = (d: string | null, rows: number, amount: string) => ({ day: d, rows, sums: { amount } });

  it('finds nothing when the figures agree up to trailing zeros', () => {
    expect(
      compareFigures('t', ['amount'], [day('2024-01-01', 2, '10.50')], [day('2024-01-01', 2, '10.500000')]),
    ).toEqual([]);
  });

  it('names the table, day, figure and both values of each difference, and days only one side has', () => {
    const found = compareFigures(
      'sales',
      ['amount'],
      [day('2024-01-01', 2, '10.50'), day('2024-01-02', 1, '3.00')],
      [day('2024-01-01', 2, '10.51'), day('2024-01-03', 1, '1')],
    );
    expect(found).toEqual([
      { table: 'sales', day: '2024-01-01', figure: 'sum(amount)', source: '10.5', warehouse: '10.51' },
      { table: 'sales', day: '2024-01-02', figure: 'rows', source: '1', warehouse: '0' },
      { table: 'sales', day: '2024-01-02', figure: 'sum(amount)', source: '3', warehouse: '0' },
      { table: 'sales', day: '2024-01-03', figure: 'rows', source: '0', warehouse: '1' },
      { table: 'sales', day: '2024-01-03', figure: 'sum(amount)', source: '0', warehouse: '1' },
    ]);
  });

  it('compares a table without a day column as one whole-table figure', () => {
    expect(compareFigures('t', [], [day(null, 5, '0')], [day(null, 4, '0')])).toEqual([
      { table: 't', day: null, figure: 'rows', source: '5', warehouse: '4' },
    ]);
  });
});
