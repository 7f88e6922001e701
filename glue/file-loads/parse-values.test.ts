/** Dates and money as accountants type them, to exact warehouse forms, and the reasons refused. */
import { describe, expect, it } from 'vitest';
import { centsText, parseAmount, parseDate, toCents } from './parse-values.ts';

const value = <T>(parsed: { ok: true; value: T } | { ok: false; reason: string }) =>
  parsed.ok ? parsed.value : `REJECT ${parsed.reason}`;

describe('parseDate', () => {
  it.each([
    ['2025-07-15', '2025-07-15'],
    ['07/15/2025', '2025-07-15'],
    ['7/5/2025', '2025-07-05'],
    ['2025/7/5', '2025-07-05'],
    ['15.07.2025', '2025-07-15'],
    ['15-Jul-2025', '2025-07-15'],
    ['July 15, 2025', '2025-07-15'],
    ['2025-07-15T00:00:00Z', '2025-07-15'],
    ['02/29/2024', '2024-02-29'],
  ])('reads %s', (text, iso) => expect(value(parseDate(text))).toBe(iso));

  it('reads date cells and Excel serial days', () => {
    expect(value(parseDate(new Date(Date.UTC(2025, 10, 30))))).toBe('2025-11-30');
    expect(value(parseDate(45991))).toBe('2025-11-30');
  });

  it.each([
    ['', 'missing date'],
    ['   ', 'missing date'],
    [null, 'missing date'],
    ['04/31/2025', 'impossible date'],
    ['02/29/2026', 'impossible date'],
    ['13/01/2025', 'impossible date'],
    ['2025-13-01', 'impossible date'],
    ['yesterday', 'unparseable date'],
    ['2025-07', 'unparseable date'],
    [12.5, 'unparseable date'],
  ])('refuses %j as %s', (text, reason) => expect(value(parseDate(text))).toBe(`REJECT ${reason}`));
});

describe('parseAmount', () => {
  it.each([
    ['$1,234.50', '1234.50'],
    ['1,234.5', '1234.50'],
    ['1234.50', '1234.50'],
    ['12', '12.00'],
    ['-$1,234.56', '-1234.56'],
    ['$-7.10', '-7.10'],
    ['(12.00)', '-12.00'],
    ['€ 3.00', '3.00'],
    ['1,234,567.89', '1234567.89'],
    ['0.00', '0.00'],
  ])('reads %s', (text, decimal) => expect(value(parseAmount(text))).toBe(decimal));

  it('reads numbers exactly, and refuses fractions of a cent', () => {
    expect(value(parseAmount(19468.01))).toBe('19468.01');
    expect(value(parseAmount(-0.1))).toBe('-0.10');
    expect(value(parseAmount(1.005))).toBe('REJECT unparseable amount');
  });

  it.each([
    ['', 'missing amount'],
    [null, 'missing amount'],
    ['TBC', 'unparseable amount'],
    ['12,3O.50', 'unparseable amount'],
    ['#VALUE!', 'unparseable amount'],
    ['1,23.00', 'unparseable amount'],
    ['12.345', 'unparseable amount'],
    ['--5', 'unparseable amount'],
  ])('refuses %j as %s', (text, reason) => expect(value(parseAmount(text))).toBe(`REJECT ${reason}`));

  it('round-trips cents', () => {
    for (const text of ['0.00', '-0.05', '1234.56', '-99999999.99'])
      expect(centsText(toCents(text))).toBe(text);
  });
});
