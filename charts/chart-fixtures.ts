import type { ChartResult } from './chart-result.ts';

/** Results of every shape, for tests, the reference images and the benchmark. Shapes, not business. */
export function months(count: number, start = 2024): string[] {
  return Array.from(
    { length: count },
    (_, i) => `${start + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}-01`,
  );
}

export const monthlyWithCompare: ChartResult = {
  title: 'Revenue by month',
  columns: [
    { name: 'month', role: 'time', label: 'Month' },
    { name: 'revenue', role: 'metric', format: 'currency', label: 'Revenue' },
    { name: 'revenue_prior', role: 'compare', label: 'year before' },
  ],
  rows: months(18).map((m, i) => [
    m,
    Math.round(1_000_000 + 250_000 * Math.sin(i / 2) + i * 20_000),
    Math.round(900_000 + 200_000 * Math.sin(i / 2)),
  ]),
};

export const marginByStore: ChartResult = {
  columns: [
    { name: 'store', role: 'dimension', label: 'Store' },
    { name: 'margin', role: 'metric', format: 'percent', label: 'Gross margin' },
  ],
  rows: [
    ['Seville Centro', 0.42],
    ['Madrid Gran Vía', 0.38],
    ['Online shop', 0.51],
    ['Wholesale: El Corte Inglés', 0.22],
    ['Lisbon', -0.05],
    ['Porto', 0.31],
  ],
};

export const unitsByRegionAndChannel: ChartResult = {
  columns: [
    { name: 'region', role: 'dimension', label: 'Region' },
    { name: 'channel', role: 'dimension', label: 'Channel' },
    { name: 'units', role: 'metric', format: 'number', label: 'Units sold' },
  ],
  rows: ['North', 'South', 'East', 'West'].flatMap((r, i) =>
    ['Store', 'Online', 'Wholesale'].map((c, j) => ({
      region: r,
      channel: c,
      units: 12_000 + i * 3000 - j * 2500 + i * j * 700,
    })),
  ),
};

export const revenueByRegionAndCategory: ChartResult = {
  columns: [
    { name: 'region', role: 'dimension', label: 'Region' },
    { name: 'category', role: 'dimension', label: 'Category' },
    { name: 'revenue', role: 'metric', format: 'currency', label: 'Revenue' },
  ],
  rows: ['North', 'South', 'East', 'West', 'Online'].flatMap((r, i) =>
    ['Boots', 'Sandals', 'Loafers', 'Sneakers', 'Oxfords', 'Kids'].map((c, j) => [
      r,
      c,
      100_000 + i * 30_000 + j * 15_000,
    ]),
  ),
};

export const oneFigureWithCompare: ChartResult = {
  title: 'Boots revenue, Q3 2025',
  columns: [
    { name: 'region', role: 'dimension', label: 'Region' },
    { name: 'revenue', role: 'metric', format: 'currency', label: 'Revenue' },
    { name: 'revenue_prior', role: 'compare', label: 'Q3 2024' },
  ],
  rows: [['North', 1_234_567.8, 1_100_000]],
};

export const monthlyByCategory: ChartResult = {
  columns: [
    { name: 'month', role: 'time', label: 'Month' },
    { name: 'category', role: 'dimension', label: 'Category' },
    { name: 'revenue', role: 'metric', format: 'currency', label: 'Revenue' },
  ],
  rows: months(12).flatMap((m, i) =>
    ['Boots', 'Sandals', 'Loafers'].map((c, j) => [
      m,
      c,
      Math.round(300_000 + j * 100_000 + 80_000 * Math.sin(i / 2 + j)),
    ]),
  ),
};
