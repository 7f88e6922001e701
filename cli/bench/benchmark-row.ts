/** One line of BENCHMARKS.md: what was measured, the result, and the target it is held to. */
export interface BenchmarkRow {
  name: string;
  value: string;
  target: string;
  /** The figure held to the target, when the target is a number (see judgeRow). */
  check?: BenchmarkCheck;
}

export interface BenchmarkCheck {
  measured: number;
  limit: number;
  /** 'lower': the measured figure must be at most the limit; 'higher': at least. */
  better: 'lower' | 'higher';
}

export const atMost = (measured: number, limit: number): BenchmarkCheck => ({
  measured,
  limit,
  better: 'lower',
});
export const atLeast = (measured: number, limit: number): BenchmarkCheck => ({
  measured,
  limit,
  better: 'higher',
});

export type Verdict = 'met' | 'missed' | 'missed by more than 50%' | '-';

/** A miss "by more than 50%": over 1.5x a maximum, or under half a minimum. */
export function judgeRow(row: BenchmarkRow): Verdict {
  const check = row.check;
  if (!check || !Number.isFinite(check.measured)) return '-';
  if (check.better === 'lower') {
    if (check.measured <= check.limit) return 'met';
    return check.measured > check.limit * 1.5 ? 'missed by more than 50%' : 'missed';
  }
  if (check.measured >= check.limit) return 'met';
  return check.measured < check.limit * 0.5 ? 'missed by more than 50%' : 'missed';
}
