/**
 * The statistics behind the anomaly insights, on plain series: a month is compared with the
 * median of its neighbouring months (three each side) and judged in robust units (median absolute
 * deviation of the series' residuals, with a floor); sums by their share of each month.
 */
const MIN_RELATIVE = 0.3;
/** Fewer robust standard deviations off than this is ordinary noise. */
const MIN_Z = 3.5;

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

export interface Outlier {
  index: number;
  value: number;
  expected: number;
  z: number;
}

/** The point farthest off its neighbours' median, or null when none is far enough off. */
export function worstOutlier(
  values: (number | null)[],
  floor: (expected: number, index: number) => number = (expected) => Math.abs(expected) * 0.1,
): Outlier | null {
  const residuals: { index: number; value: number; expected: number; r: number }[] = [];
  values.forEach((value, index) => {
    if (value === null) return;
    const around = values
      .slice(Math.max(0, index - 3), index + 4)
      .filter((v, j): v is number => v !== null && j !== Math.min(3, index));
    if (around.length < 4) return;
    const expected = median(around);
    residuals.push({ index, value, expected, r: value - expected });
  });
  if (residuals.length < 6) return null;
  const centre = median(residuals.map((x) => x.r));
  const scale = 1.4826 * median(residuals.map((x) => Math.abs(x.r - centre)));
  let best: Outlier | null = null;
  for (const x of residuals) {
    if (x.expected === 0 || Math.abs(x.r / x.expected) < MIN_RELATIVE) continue;
    // The floor keeps a very steady series from calling a small wobble an anomaly.
    const z = x.r / Math.max(scale, floor(x.expected, x.index), 1e-9);
    if (Math.abs(z) < MIN_Z) continue;
    if (!best || Math.abs(z) > Math.abs(best.z))
      best = { index: x.index, value: x.value, expected: x.expected, z };
  }
  return best;
}

/**
 * For a sum: the member's share of each month's total, so that seasons (a December every member
 * shares) are not anomalies; the expected value is the usual share times that month's total.
 */
export function worstShareOutlier(
  values: (number | null)[],
  totals: number[],
  counts: boolean,
): Outlier | null {
  const shares = values.map((v, i) => (v === null || !totals[i] ? null : v / (totals[i] ?? 1)));
  // Counts scatter at least like Poisson draws: a share of a small count is no news.
  const found = worstOutlier(shares, (share, i) => {
    const total = totals[i] ?? 0;
    const relative = Math.abs(share) * 0.1;
    return counts && total > 0 ? Math.max(relative, Math.sqrt(Math.abs(share) * total) / total) : relative;
  });
  if (!found) return null;
  const total = totals[found.index] ?? 0;
  return {
    index: found.index,
    value: values[found.index] ?? 0,
    expected: found.expected * total,
    z: found.z,
  };
}

/** Mostly-empty series (orders that come in lumps) have no trend to be off. */
export function intermittent(values: (number | null)[]): boolean {
  const known = values.filter((v): v is number => v !== null);
  return known.filter((v) => v === 0).length > known.length / 4;
}

/** Months before a member's first figure are before it existed (a store not yet open), not a fall. */
export function withoutLeadingZeros(values: (number | null)[]): (number | null)[] {
  const first = values.findIndex((v) => v !== null && v !== 0);
  return first < 0 ? values.map(() => null) : values.map((v, i) => (i < first ? null : v));
}
