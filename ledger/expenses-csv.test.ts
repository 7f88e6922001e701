import { describe, expect, it } from 'vitest';
import { decimalOfMinor, expensesCsv } from './ledger-reports.ts';

describe('expenses CSV', () => {
  it('writes amounts as plain decimals in the currency units, exactly, with no thousands separators', () => {
    expect(decimalOfMinor(1_205_000, 'USD')).toBe('12050.00');
    expect(decimalOfMinor(-5, 'EUR')).toBe('-0.05');
    expect(decimalOfMinor(1234, 'JPY')).toBe('1234');
    expect(decimalOfMinor(900_719_925_474_099, 'USD')).toBe('9007199254740.99');
    expect(
      expensesCsv([
        {
          month: '2026-03',
          accountCode: '6100',
          accountName: 'Rent, shop',
          currency: 'USD',
          amountMinor: 1_205_000,
        },
      ] as never),
    ).toBe('month,account_code,account_name,currency,amount\r\n2026-03,6100,"Rent, shop",USD,12050.00\r\n');
  });
});
