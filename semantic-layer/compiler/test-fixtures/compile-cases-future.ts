/**
 * Periods that have not happened yet (the clock is 2025-03-15): a trend over a range that runs
 * past today stops at the period holding today instead of showing the months to come as zeros;
 * comparisons keep their pairing; a range wholly in the future was asked for and keeps its periods.
 */
import { type CompileCase, q, ratio, series, time } from './compile-case.ts';

const revenueBetween = (from: string, to: string) =>
  `(SELECT COALESCE(SUM(amount), 0) FROM fx.orders WHERE order_date >= ${from} AND order_date < ${to})`;

const revenueSeries = (first: string, last: string, step: string) =>
  `SELECT sp.p AS metric_time, ${revenueBetween('sp.p', `sp.p + INTERVAL '${step}'`)} AS revenue
  FROM ${series(first, last, step)} sp`;

/** Current and compared revenue per (period, compared period) pair. */
function comparedRevenue(pairs: [string, string][], step: string): string {
  const rows = pairs.map(([p, c]) => `SELECT DATE '${p}' AS p, DATE '${c}' AS c`).join(' UNION ALL ');
  const value = (at: string) => revenueBetween(at, `${at} + INTERVAL '${step}'`);
  return `SELECT p AS metric_time, cur AS revenue, prev AS revenue_previous, cur - prev AS revenue_change,
      ${ratio('cur - prev', 'prev')} AS revenue_change_pct
    FROM (SELECT p, ${value('x.p')} AS cur, ${value('x.c')} AS prev FROM (${rows}) x) y`;
}

export const futureCases: CompileCase[] = [
  {
    name: 'future-periods: revenue by month this year stops at March (no zero months to come)',
    query: q(['revenue'], time('month', 'this_year')),
    expected: revenueSeries('2025-01-01', '2025-03-01', '1 month'),
  },
  {
    name: 'future-periods: revenue by day this month stops at today',
    query: q(['revenue'], time('day', 'this_month')),
    expected: revenueSeries('2025-03-01', '2025-03-15', '1 day'),
  },
  {
    name: 'future-periods: an explicit range past today by quarter stops at the current quarter',
    query: q(['revenue'], time('quarter', ['2024-07-01', '2025-12-31'])),
    expected: revenueSeries('2024-07-01', '2025-01-01', '3 months'),
  },
  {
    name: 'future-periods: this year by month against last year keeps January against January',
    query: q(['revenue'], { ...time('month', 'this_year'), compare: 'previous_period' }),
    expected: comparedRevenue(
      [
        ['2025-01-01', '2024-01-01'],
        ['2025-02-01', '2024-02-01'],
        ['2025-03-01', '2024-03-01'],
      ],
      '1 month',
    ),
  },
  {
    name: 'future-periods: a range wholly in the future keeps its periods (asked for as such)',
    query: q(['revenue'], time('month', ['2025-05-01', '2025-07-31'])),
    expected: revenueSeries('2025-05-01', '2025-07-01', '1 month'),
  },
];
