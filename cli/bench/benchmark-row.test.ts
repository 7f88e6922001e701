import { describe, expect, it } from 'vitest';
import { atLeast, atMost, judgeRow } from './benchmark-row.ts';

const row = (check?: ReturnType<typeof atMost>) => ({
  name: 'x',
  value: 'y',
  target: 'z',
  ...(check ? { check } : {}),
});

describe('judgeRow', () => {
  it('holds a maximum: met, missed, and missed by more than half', () => {
    expect(judgeRow(row(atMost(100, 100)))).toBe('met');
    expect(judgeRow(row(atMost(149, 100)))).toBe('missed');
    expect(judgeRow(row(atMost(151, 100)))).toBe('missed by more than 50%');
  });
  it('holds a minimum: met, missed, and missed by more than half', () => {
    expect(judgeRow(row(atLeast(20, 20)))).toBe('met');
    expect(judgeRow(row(atLeast(11, 20)))).toBe('missed');
    expect(judgeRow(row(atLeast(9, 20)))).toBe('missed by more than 50%');
  });
  it('has no verdict without a numeric check or with a figure that was not measured', () => {
    expect(judgeRow(row())).toBe('-');
    expect(judgeRow(row(atMost(Number.NaN, 1)))).toBe('-');
  });
});
