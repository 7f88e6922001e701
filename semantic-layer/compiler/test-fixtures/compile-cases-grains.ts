/**
 * Every grain over ranges chosen for their edges: empty months (empty-periods), the leap day,
 * ISO week 53 of 2020, year and quarter ends, partial first and last periods, fiscal years from
 * July and fiscal quarters from February. Empty periods must come back as zero rows.
 */
import { type CompileCase, q, series, time } from './compile-case.ts';

interface GrainCase {
  trap: string;
  grain: string;
  range: [string, string];
  /** First and last period start, and the spine step, written by hand. */
  first: string;
  last: string;
  step: string;
  /** The hand-written period expression over order_date. */
  period: string;
  fiscal?: number;
}

const trunc = (part: string) => `CAST(date_trunc('${part}', order_date) AS DATE)`;
const fiscal = (part: string, months: number) =>
  `CAST(date_trunc('${part}', order_date - INTERVAL '${months} months') + INTERVAL '${months} months' AS DATE)`;

const GRAINS: GrainCase[] = [
  {
    trap: 'empty-periods',
    grain: 'month',
    range: ['2023-06-01', '2023-11-30'],
    first: '2023-06-01',
    last: '2023-11-01',
    step: '1 month',
    period: trunc('month'),
  },
  {
    trap: 'empty-periods',
    grain: 'month',
    range: ['2022-01-01', '2022-03-31'],
    first: '2022-01-01',
    last: '2022-03-01',
    step: '1 month',
    period: trunc('month'),
  },
  {
    trap: 'empty-periods',
    grain: 'day',
    range: ['2023-07-29', '2023-08-03'],
    first: '2023-07-29',
    last: '2023-08-03',
    step: '1 day',
    period: 'order_date',
  },
  {
    trap: 'leap-day',
    grain: 'day',
    range: ['2024-02-27', '2024-03-02'],
    first: '2024-02-27',
    last: '2024-03-02',
    step: '1 day',
    period: 'order_date',
  },
  {
    trap: 'leap-day',
    grain: 'week',
    range: ['2024-02-26', '2024-03-10'],
    first: '2024-02-26',
    last: '2024-03-04',
    step: '7 days',
    period: trunc('week'),
  },
  {
    trap: 'week-53',
    grain: 'week',
    range: ['2020-12-21', '2021-01-10'],
    first: '2020-12-21',
    last: '2021-01-04',
    step: '7 days',
    period: trunc('week'),
  },
  {
    trap: 'period-boundaries',
    grain: 'day',
    range: ['2020-12-30', '2021-01-02'],
    first: '2020-12-30',
    last: '2021-01-02',
    step: '1 day',
    period: 'order_date',
  },
  {
    trap: 'period-boundaries',
    grain: 'month',
    range: ['2024-01-15', '2024-03-10'],
    first: '2024-01-01',
    last: '2024-03-01',
    step: '1 month',
    period: trunc('month'),
  },
  {
    trap: 'period-boundaries',
    grain: 'quarter',
    range: ['2023-01-01', '2024-12-31'],
    first: '2023-01-01',
    last: '2024-10-01',
    step: '3 months',
    period: trunc('quarter'),
  },
  {
    trap: 'period-boundaries',
    grain: 'quarter',
    range: ['2024-03-31', '2024-07-01'],
    first: '2024-01-01',
    last: '2024-07-01',
    step: '3 months',
    period: trunc('quarter'),
  },
  {
    trap: 'period-boundaries',
    grain: 'year',
    range: ['2021-01-01', '2024-12-31'],
    first: '2021-01-01',
    last: '2024-01-01',
    step: '1 year',
    period: trunc('year'),
  },
  {
    trap: 'fiscal-year-july',
    grain: 'fiscal_year',
    range: ['2022-07-01', '2025-03-31'],
    first: '2022-07-01',
    last: '2024-07-01',
    step: '1 year',
    period: fiscal('year', 6),
    fiscal: 7,
  },
  {
    trap: 'fiscal-year-july',
    grain: 'fiscal_quarter',
    range: ['2024-06-01', '2024-10-31'],
    first: '2024-04-01',
    last: '2024-10-01',
    step: '3 months',
    period: fiscal('quarter', 6),
    fiscal: 7,
  },
  {
    trap: 'fiscal-quarter-february',
    grain: 'fiscal_quarter',
    range: ['2024-01-01', '2024-12-31'],
    first: '2023-11-01',
    last: '2024-11-01',
    step: '3 months',
    period: fiscal('quarter', 1),
    fiscal: 2,
  },
  {
    trap: 'fiscal-year-january',
    grain: 'fiscal_year',
    range: ['2021-01-01', '2023-12-31'],
    first: '2021-01-01',
    last: '2023-01-01',
    step: '1 year',
    period: trunc('year'),
  },
];

const METRICS: [string, string][] = [
  ['revenue', 'SUM(amount)'],
  ['order_count', 'COUNT(order_id)'],
];

export const grainCases: CompileCase[] = GRAINS.flatMap((g) =>
  METRICS.map(([metric, aggregate]) => ({
    name: `${g.trap}: ${metric} by ${g.grain} from ${g.range[0]} to ${g.range[1]}`,
    query: q([metric], time(g.grain, g.range)),
    fiscal: g.fiscal,
    expected: `SELECT sp.p AS metric_time, COALESCE(a.v, 0) AS ${metric}
      FROM ${series(g.first, g.last, g.step)} sp
      LEFT JOIN (SELECT ${g.period} AS p, ${aggregate} AS v FROM fx.orders
                 WHERE order_date BETWEEN DATE '${g.range[0]}' AND DATE '${g.range[1]}' GROUP BY 1) a ON a.p = sp.p`,
  })),
);
