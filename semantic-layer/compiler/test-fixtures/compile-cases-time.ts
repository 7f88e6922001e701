/**
 * Semi-additive stock (the last or first day with data in each period, never a sum of days),
 * cumulative metrics (all time, year and fiscal year to date, trailing windows) and comparisons
 * (previous period, same period last year across a leap day), each against hand-written SQL.
 */
import { type CompileCase, ORDERS_REGIONS, q, ratio, series, time } from './compile-case.ts';

const stockByPeriod = (
  part: string,
  start: string,
  end: string,
  first: string,
  last: string,
  step: string,
  pick = 'MAX',
) => `
  WITH d AS (SELECT CAST(date_trunc('${part}', snapshot_date) AS DATE) AS p, ${pick}(snapshot_date) AS day
             FROM fx.stock WHERE snapshot_date BETWEEN DATE '${start}' AND DATE '${end}' GROUP BY 1)
  SELECT sp.p AS metric_time, COALESCE((SELECT SUM(st.on_hand) FROM fx.stock st JOIN d ON st.snapshot_date = d.day WHERE d.p = sp.p), 0) AS STOCK
  FROM ${series(first, last, step)} sp`;

/** Sum of amount over [from, to) for each spine period p; from/to are SQL over sp.p. */
const running = (
  first: string,
  last: string,
  step: string,
  from: string | null,
  to: string,
  metric = 'revenue',
  column = 'amount',
) => `
  SELECT sp.p AS metric_time, (SELECT COALESCE(SUM(${column}), 0) FROM fx.orders o WHERE ${from ? `o.order_date >= ${from} AND ` : ''}o.order_date < ${to}) AS ${metric}
  FROM ${series(first, last, step)} sp`;

/** Current and compared values per (period, compared period) pair, as the compiler's compare columns. */
function compared(
  pairs: [string, string][],
  step: string,
  metric: string,
  value: (from: string, to: string) => string,
): string {
  const rows = pairs.map(([p, c]) => `SELECT DATE '${p}' AS p, DATE '${c}' AS c`).join(' UNION ALL ');
  return `SELECT p AS metric_time, cur AS ${metric}, prev AS ${metric}_previous, cur - prev AS ${metric}_change,
      ${ratio('cur - prev', 'prev')} AS ${metric}_change_pct
    FROM (SELECT p, ${value('x.p', `x.p + INTERVAL '${step}'`)} AS cur, ${value('x.c', `x.c + INTERVAL '${step}'`)} AS prev FROM (${rows}) x) y`;
}
const revenueBetween = (from: string, to: string) =>
  `(SELECT COALESCE(SUM(amount), 0) FROM fx.orders WHERE order_date >= ${from} AND order_date < ${to})`;

export const timeCases: CompileCase[] = [
  {
    name: 'semi-additive stock: on hand at the last snapshot of each month (Mar 30, not Mar 31)',
    query: q(['stock_on_hand'], time('month', ['2024-01-01', '2024-06-30'])),
    expected: stockByPeriod(
      'month',
      '2024-01-01',
      '2024-06-30',
      '2024-01-01',
      '2024-06-01',
      '1 month',
    ).replace('STOCK', 'stock_on_hand'),
  },
  {
    name: 'semi-additive stock: on hand at the end of each quarter',
    query: q(['stock_on_hand'], time('quarter', ['2024-01-01', '2024-06-30'])),
    expected: stockByPeriod(
      'quarter',
      '2024-01-01',
      '2024-06-30',
      '2024-01-01',
      '2024-04-01',
      '3 months',
    ).replace('STOCK', 'stock_on_hand'),
  },
  {
    name: 'semi-additive stock: opening stock is the first snapshot (May 2, not May 1)',
    query: q(['opening_stock'], time('month', ['2024-04-01', '2024-06-30'])),
    expected: stockByPeriod(
      'month',
      '2024-04-01',
      '2024-06-30',
      '2024-04-01',
      '2024-06-01',
      '1 month',
      'MIN',
    ).replace('STOCK', 'opening_stock'),
  },
  {
    name: 'semi-additive stock: one total over a quarter is the last day, not 90 days summed',
    query: q(['stock_on_hand'], time(null, ['2024-01-01', '2024-03-31'])),
    expected: `SELECT SUM(on_hand) AS stock_on_hand FROM fx.stock WHERE snapshot_date = (SELECT MAX(snapshot_date) FROM fx.stock WHERE snapshot_date BETWEEN DATE '2024-01-01' AND DATE '2024-03-31')`,
  },
  {
    name: 'semi-additive stock: by SKU with no time, the latest snapshot',
    query: q(['stock_on_hand'], { dimensions: ['stock.sku'] }),
    expected:
      'SELECT sku, SUM(on_hand) AS stock_on_hand FROM fx.stock WHERE snapshot_date = (SELECT MAX(snapshot_date) FROM fx.stock) GROUP BY 1',
  },
  {
    name: 'semi-additive stock: by city and month, the last day overall in each month',
    query: q(['stock_on_hand'], {
      dimensions: ['stores.city'],
      ...time('month', ['2024-04-01', '2024-06-30']),
    }),
    expected: `WITH d AS (SELECT CAST(date_trunc('month', snapshot_date) AS DATE) AS p, MAX(snapshot_date) AS day FROM fx.stock
                 WHERE snapshot_date BETWEEN DATE '2024-04-01' AND DATE '2024-06-30' GROUP BY 1)
      SELECT d.p AS metric_time, s.city AS city, SUM(st.on_hand) AS stock_on_hand
      FROM d JOIN fx.stock st ON st.snapshot_date = d.day LEFT JOIN fx.stores s ON s.store_id = st.store_id GROUP BY 1, 2`,
  },
  {
    name: 'semi-additive stock: stock beside revenue by month (two sources)',
    query: q(['stock_on_hand', 'revenue'], time('month', ['2024-04-01', '2024-06-30'])),
    expected: `SELECT x.metric_time, x.stock_on_hand, ${revenueBetween('x.metric_time', "x.metric_time + INTERVAL '1 month'")} AS revenue
      FROM (${stockByPeriod('month', '2024-04-01', '2024-06-30', '2024-04-01', '2024-06-01', '1 month').replace('STOCK', 'stock_on_hand')}) x`,
  },
  {
    name: 'period-boundaries: revenue year to date by month across a new year',
    query: q(['revenue_ytd'], time('month', ['2024-10-01', '2025-03-31'])),
    expected: running(
      '2024-10-01',
      '2025-03-01',
      '1 month',
      "CAST(date_trunc('year', sp.p) AS DATE)",
      "sp.p + INTERVAL '1 month'",
      'revenue_ytd',
    ),
  },
  {
    name: 'fiscal-year-july: revenue fiscal year to date by month across July',
    query: q(['revenue_fytd'], time('month', ['2024-05-01', '2024-09-30'])),
    fiscal: 7,
    expected: running(
      '2024-05-01',
      '2024-09-01',
      '1 month',
      "CAST(date_trunc('year', sp.p - INTERVAL '6 months') + INTERVAL '6 months' AS DATE)",
      "sp.p + INTERVAL '1 month'",
      'revenue_fytd',
    ),
  },
  {
    name: 'empty-periods: trailing three months of revenue through empty months',
    query: q(['revenue_trailing_3m'], time('month', ['2023-07-01', '2023-12-31'])),
    expected: running(
      '2023-07-01',
      '2023-12-01',
      '1 month',
      "sp.p - INTERVAL '2 months'",
      "sp.p + INTERVAL '1 month'",
      'revenue_trailing_3m',
    ),
  },
  {
    name: 'leap-day: trailing seven days of units by day over the leap day',
    query: q(['units_trailing_7d'], time('day', ['2024-02-25', '2024-03-05'])),
    expected: running(
      '2024-02-25',
      '2024-03-05',
      '1 day',
      "sp.p - INTERVAL '6 days'",
      "sp.p + INTERVAL '1 day'",
      'units_trailing_7d',
      'units',
    ),
  },
  {
    name: 'period-boundaries: revenue since the beginning by quarter',
    query: q(['revenue_all_time'], time('quarter', ['2024-01-01', '2024-12-31'])),
    expected: running(
      '2024-01-01',
      '2024-10-01',
      '3 months',
      null,
      "sp.p + INTERVAL '3 months'",
      'revenue_all_time',
    ),
  },
  {
    name: 'period-boundaries: year to date by day over a partial range',
    query: q(['revenue_ytd'], time('day', ['2025-03-10', '2025-03-14'])),
    expected: running(
      '2025-03-10',
      '2025-03-14',
      '1 day',
      "DATE '2025-01-01'",
      "sp.p + INTERVAL '1 day'",
      'revenue_ytd',
    ),
  },
  {
    name: 'multi-hop join: revenue year to date by region and quarter',
    query: q(['revenue_ytd'], {
      dimensions: ['regions.region_name'],
      ...time('quarter', ['2024-01-01', '2024-12-31']),
    }),
    expected: `SELECT sp.p AS metric_time, d.k AS region_name,
        (SELECT COALESCE(SUM(o.amount), 0) FROM ${ORDERS_REGIONS} WHERE r.region_name IS NOT DISTINCT FROM d.k AND o.order_date >= DATE '2024-01-01' AND o.order_date < sp.p + INTERVAL '3 months') AS revenue_ytd
      FROM ${series('2024-01-01', '2024-10-01', '3 months')} sp
      CROSS JOIN (SELECT DISTINCT r.region_name AS k FROM ${ORDERS_REGIONS} WHERE o.order_date BETWEEN DATE '2024-01-01' AND DATE '2024-12-31') d`,
  },
  {
    name: 'period-boundaries: revenue by month last quarter against the quarter before',
    query: q(['revenue'], { ...time('month', 'last_quarter'), compare: 'previous_period' }),
    expected: compared(
      [
        ['2024-10-01', '2024-07-01'],
        ['2024-11-01', '2024-08-01'],
        ['2024-12-01', '2024-09-01'],
      ],
      '1 month',
      'revenue',
      revenueBetween,
    ),
  },
  {
    name: 'leap-day: February 2025 against February 2024 with its 29th',
    query: q(['revenue'], { ...time(null, ['2025-02-01', '2025-02-28']), compare: 'same_period_last_year' }),
    expected: `SELECT cur AS revenue, prev AS revenue_previous, cur - prev AS revenue_change, ${ratio('cur - prev', 'prev')} AS revenue_change_pct
      FROM (SELECT ${revenueBetween("DATE '2025-02-01'", "DATE '2025-03-01'")} AS cur, ${revenueBetween("DATE '2024-02-01'", "DATE '2024-03-01'")} AS prev) x`,
  },
  {
    name: 'leap-day: by day against the same days last year (Mar 1 against Mar 1)',
    query: q(['revenue'], { ...time('day', ['2025-02-27', '2025-03-01']), compare: 'same_period_last_year' }),
    expected: compared(
      [
        ['2025-02-27', '2024-02-27'],
        ['2025-02-28', '2024-02-28'],
        ['2025-03-01', '2024-03-01'],
      ],
      '1 day',
      'revenue',
      revenueBetween,
    ),
  },
  {
    name: 'week-53: orders by week against the two weeks before',
    query: q(['order_count'], { ...time('week', ['2021-01-04', '2021-01-17']), compare: 'previous_period' }),
    expected: compared(
      [
        ['2021-01-04', '2020-12-21'],
        ['2021-01-11', '2020-12-28'],
      ],
      '7 days',
      'order_count',
      (from, to) =>
        `(SELECT COUNT(order_id) FROM fx.orders WHERE order_date >= ${from} AND order_date < ${to})`,
    ),
  },
  {
    name: 'ratio-of-sums-vs-sum-of-ratios: discount rate by quarter against last year',
    query: q(['discount_rate'], {
      ...time('quarter', ['2024-01-01', '2024-06-30']),
      compare: 'same_period_last_year',
    }),
    expected: compared(
      [
        ['2024-01-01', '2023-01-01'],
        ['2024-04-01', '2023-04-01'],
      ],
      '3 months',
      'discount_rate',
      (from, to) =>
        `(SELECT ${ratio('SUM(discount)', 'SUM(gross)')} FROM fx.orders WHERE order_date >= ${from} AND order_date < ${to})`,
    ),
  },
  {
    name: 'nulls: revenue by region, first quarter against the same quarter last year',
    query: q(['revenue'], {
      dimensions: ['regions.region_name'],
      ...time(null, ['2024-01-01', '2024-03-31']),
      compare: 'same_period_last_year',
    }),
    expected: `WITH a AS (SELECT r.region_name AS k, SUM(o.amount) AS v FROM ${ORDERS_REGIONS} WHERE o.order_date BETWEEN DATE '2024-01-01' AND DATE '2024-03-31' GROUP BY 1),
      b AS (SELECT r.region_name AS k, SUM(o.amount) AS v FROM ${ORDERS_REGIONS} WHERE o.order_date BETWEEN DATE '2023-01-01' AND DATE '2023-03-31' GROUP BY 1),
      k AS (SELECT k FROM a UNION SELECT k FROM b)
      SELECT k.k AS region_name, COALESCE(a.v, 0) AS revenue, COALESCE(b.v, 0) AS revenue_previous, COALESCE(a.v, 0) - COALESCE(b.v, 0) AS revenue_change,
        ${ratio('COALESCE(a.v, 0) - COALESCE(b.v, 0)', 'COALESCE(b.v, 0)')} AS revenue_change_pct
      FROM k LEFT JOIN a ON a.k IS NOT DISTINCT FROM k.k LEFT JOIN b ON b.k IS NOT DISTINCT FROM k.k`,
  },
];
