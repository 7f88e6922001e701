import { describe, expect, it } from 'vitest';
import { pickInsights } from './build-dashboard.ts';
import { periodRanges } from './dashboard-periods.ts';
import type { Insight } from './insight.ts';
import { worstOutlier, worstShareOutlier } from './worst-outlier.ts';

describe('periods', () => {
  it.each([
    [
      'this_month',
      { start: '2026-06-01', end: '2026-06-20' },
      { start: '2026-05-01', end: '2026-05-20' },
      { start: '2025-06-01', end: '2025-06-20' },
    ],
    [
      'last_month',
      { start: '2026-05-01', end: '2026-05-31' },
      { start: '2026-04-01', end: '2026-04-30' },
      { start: '2025-05-01', end: '2025-05-31' },
    ],
    [
      'this_quarter',
      { start: '2026-04-01', end: '2026-06-20' },
      { start: '2026-01-01', end: '2026-03-20' },
      { start: '2025-04-01', end: '2025-06-20' },
    ],
    [
      'last_quarter',
      { start: '2026-01-01', end: '2026-03-31' },
      { start: '2025-10-01', end: '2025-12-31' },
      { start: '2025-01-01', end: '2025-03-31' },
    ],
    [
      'year_to_date',
      { start: '2026-01-01', end: '2026-06-20' },
      null,
      { start: '2025-01-01', end: '2025-06-20' },
    ],
    [
      'last_12_months',
      { start: '2025-06-01', end: '2026-05-31' },
      null,
      { start: '2024-06-01', end: '2025-05-31' },
    ],
  ] as const)('%s on 2026-06-20', (period, current, previous, lastYear) => {
    expect(periodRanges(period, '2026-06-20')).toEqual({ period, current, previous, lastYear });
  });

  it('compares a month to date with the same days, clamped to a shorter month', () => {
    expect(periodRanges('this_month', '2026-03-31').previous).toEqual({
      start: '2026-02-01',
      end: '2026-02-28',
    });
  });
});

describe('anomalies', () => {
  const steady = [100, 104, 98, 101, 99, 103, 97, 102, 100, 98, 101, 99];

  it('finds the month far off its neighbours and ignores ordinary wobble', () => {
    expect(worstOutlier(steady)).toBeNull();
    const dip = [...steady];
    dip[7] = 30;
    expect(worstOutlier(dip)).toMatchObject({ index: 7, value: 30, expected: 99.5 });
  });

  it('judges a sum by its share of each month, so a season every member shares is no anomaly', () => {
    const totals = steady.map((v, i) => (i === 5 ? v * 20 : v * 10));
    const member = steady.map((v, i) => (i === 5 ? v * 2 : v));
    expect(worstOutlier(member)?.index).toBe(5);
    expect(worstShareOutlier(member, totals, false)).toBeNull();
    member[8] = 20;
    expect(worstShareOutlier(member, totals, false)).toMatchObject({ index: 8, value: 20 });
  });

  it('treats a small count as noise: six where two are usual is no news', () => {
    const counts = [2, 2, 2, 2, 2, 6, 2, 2, 2, 2, 2, 2];
    const totals = counts.map(() => 200);
    expect(worstShareOutlier(counts, totals, true)).toBeNull();
    expect(worstShareOutlier(counts, totals, false)?.index).toBe(5);
  });
});

describe('choosing insights', () => {
  const insight = (kind: Insight['kind'], score: number, key: string): Insight => ({
    kind,
    score,
    key,
    text: key,
    question: key,
  });

  it('puts the explanation first, then the most notable, one per subject, up to the maximum', () => {
    const picked = pickInsights(
      [
        insight('mover', 0.2, 'a'),
        insight('anomaly', 0.9, 'b'),
        insight('explain', 0.1, 'c'),
        insight('mover', 0.5, 'b'),
        insight('mover', 0.4, 'd'),
      ],
      3,
    );
    expect(picked.map((i) => i.key)).toEqual(['c', 'b', 'd']);
  });
});
