/** Typical questions over the trap fixture with their hand-written SQL, for the benchmark's run-time ratio. */
import type { RunCase } from '../compile-benchmark.ts';
import { ORDERS_REGIONS } from './compile-case.ts';

const lastYear = { dimension: 'metric_time', grain: null, range: { start: '2024-01-01', end: '2024-12-31' } };
const byMonth = {
  dimension: 'metric_time',
  grain: 'month',
  range: { start: '2024-01-01', end: '2024-12-31' },
};

export const TRAP_BENCHMARK_CASES: RunCase[] = [
  {
    name: 'revenue by region last year',
    query: { metrics: ['revenue'], dimensions: ['regions.region_name'], time: lastYear },
    handSql: `SELECT r.region_name, SUM(o.amount) AS revenue FROM ${ORDERS_REGIONS} WHERE o.order_date BETWEEN DATE '2024-01-01' AND DATE '2024-12-31' GROUP BY 1 ORDER BY 2 DESC`,
  },
  {
    name: 'revenue by month last year',
    query: { metrics: ['revenue'], time: byMonth },
    handSql:
      "SELECT date_trunc('month', order_date) AS m, SUM(amount) AS revenue FROM fx.orders WHERE order_date BETWEEN DATE '2024-01-01' AND DATE '2024-12-31' GROUP BY 1 ORDER BY 1",
  },
  {
    name: 'discount rate by channel',
    query: { metrics: ['discount_rate'], dimensions: ['orders.channel'] },
    handSql:
      'SELECT channel, SUM(discount) / SUM(gross) AS discount_rate FROM fx.orders GROUP BY 1 ORDER BY 2 DESC',
  },
  {
    name: 'top 3 stores by revenue',
    query: { metrics: ['revenue'], dimensions: ['stores.store_name'], limit: 3 },
    handSql:
      'SELECT s.store_name, SUM(o.amount) AS revenue FROM fx.orders o LEFT JOIN fx.stores s ON s.store_id = o.store_id GROUP BY 1 ORDER BY 2 DESC LIMIT 3',
  },
];
