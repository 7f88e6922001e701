/**
 * Joins and nulls: multi-hop (orders → stores → regions), NULL group keys (orders without a
 * store, customers without a segment, orders without an amount), metrics of two models joined
 * after aggregation, and safe neighbours of the fan-out and chasm traps.
 */
import { type CompileCase, ORDERS_REGIONS, q, RETURNS_REGIONS, ratio, series, time } from './compile-case.ts';

const ORDERS_CUSTOMERS = 'fx.orders o LEFT JOIN fx.customers c ON c.customer_id = o.customer_id';
const y2024 = "o.order_date BETWEEN DATE '2024-01-01' AND DATE '2024-12-31'";

export const joinCases: CompileCase[] = [
  {
    name: 'multi-hop join: revenue by region, NULL region kept',
    query: q(['revenue'], { dimensions: ['regions.region_name'] }),
    expected: `SELECT r.region_name AS region_name, COALESCE(SUM(o.amount), 0) AS revenue FROM ${ORDERS_REGIONS} GROUP BY 1`,
  },
  {
    name: 'multi-hop join: revenue by country last year',
    query: q(['revenue'], { dimensions: ['regions.country'], ...time(null, 'last_year') }),
    expected: `SELECT r.country AS country, COALESCE(SUM(o.amount), 0) AS revenue FROM ${ORDERS_REGIONS} WHERE ${y2024} GROUP BY 1`,
  },
  {
    name: 'multi-hop join: revenue by city this year (two stores in one city)',
    query: q(['revenue'], { dimensions: ['stores.city'], ...time(null, 'this_year') }),
    expected: `SELECT s.city AS city, COALESCE(SUM(o.amount), 0) AS revenue FROM ${ORDERS_REGIONS} WHERE o.order_date >= DATE '2025-01-01' GROUP BY 1`,
  },
  {
    name: 'multi-hop join: revenue and orders by region and channel',
    query: q(['revenue', 'order_count'], {
      dimensions: ['regions.region_name', 'orders.channel'],
      ...time(null, 'last_year'),
    }),
    expected: `SELECT r.region_name AS region_name, o.channel AS channel, COALESCE(SUM(o.amount), 0) AS revenue, COUNT(o.order_id) AS order_count FROM ${ORDERS_REGIONS} WHERE ${y2024} GROUP BY 1, 2`,
  },
  {
    name: 'nulls: revenue by customer segment (NULL segment is a group)',
    query: q(['revenue'], { dimensions: ['customers.segment'] }),
    expected: `SELECT c.segment AS segment, COALESCE(SUM(o.amount), 0) AS revenue FROM ${ORDERS_CUSTOMERS} GROUP BY 1`,
  },
  {
    name: 'nulls: orders with an amount against all orders by channel',
    query: q(['priced_orders', 'order_count'], { dimensions: ['orders.channel'] }),
    expected:
      'SELECT channel, COUNT(amount) AS priced_orders, COUNT(order_id) AS order_count FROM fx.orders GROUP BY 1',
  },
  {
    name: 'nulls: largest and smallest order by segment ignore NULL amounts',
    query: q(['largest_order', 'smallest_order'], { dimensions: ['customers.segment'] }),
    expected: `SELECT c.segment AS segment, MAX(o.amount) AS largest_order, MIN(o.amount) AS smallest_order FROM ${ORDERS_CUSTOMERS} GROUP BY 1`,
  },
  {
    name: 'integer-division: average units per order line is not truncated',
    query: q(['average_units'], { dimensions: ['orders.channel'] }),
    expected:
      'SELECT channel, AVG(CAST(units AS DOUBLE PRECISION)) AS average_units FROM fx.orders GROUP BY 1',
  },
  {
    name: 'multi-hop join: distinct customers by region last year',
    query: q(['distinct_customers'], { dimensions: ['regions.region_name'], ...time(null, 'last_year') }),
    expected: `SELECT r.region_name AS region_name, COUNT(DISTINCT o.customer_id) AS distinct_customers FROM ${ORDERS_REGIONS} WHERE ${y2024} GROUP BY 1`,
  },
  {
    name: 'empty-periods: revenue by region by quarter, every region in every quarter',
    query: q(['revenue'], {
      dimensions: ['regions.region_name'],
      ...time('quarter', ['2023-04-01', '2023-12-31']),
    }),
    expected: `WITH a AS (SELECT CAST(date_trunc('quarter', o.order_date) AS DATE) AS p, r.region_name AS k, SUM(o.amount) AS v
                 FROM ${ORDERS_REGIONS} WHERE o.order_date BETWEEN DATE '2023-04-01' AND DATE '2023-12-31' GROUP BY 1, 2)
      SELECT sp.p AS metric_time, d.k AS region_name, COALESCE(a.v, 0) AS revenue
      FROM ${series('2023-04-01', '2023-10-01', '3 months')} sp CROSS JOIN (SELECT DISTINCT k FROM a) d
      LEFT JOIN a ON a.p = sp.p AND a.k IS NOT DISTINCT FROM d.k`,
  },
  {
    name: 'multi-hop join: revenue by segment and city (two join branches)',
    query: q(['revenue'], { dimensions: ['customers.segment', 'stores.city'], ...time(null, 'last_year') }),
    expected: `SELECT c.segment AS segment, s.city AS city, COALESCE(SUM(o.amount), 0) AS revenue
      FROM fx.orders o LEFT JOIN fx.customers c ON c.customer_id = o.customer_id LEFT JOIN fx.stores s ON s.store_id = o.store_id
      WHERE ${y2024} GROUP BY 1, 2`,
  },
  {
    name: 'chasm (safe side): visits and clicks as two totals, never joined row to row',
    query: q(['visit_count', 'click_count']),
    expected:
      'SELECT (SELECT COUNT(visit_id) FROM fx.visits) AS visit_count, (SELECT COUNT(click_id) FROM fx.clicks) AS click_count',
  },
  {
    name: 'fan-out (safe side): customers counted on their own model, by segment',
    query: q(['customer_count'], { dimensions: ['customers.segment'] }),
    expected: 'SELECT segment, COUNT(customer_id) AS customer_count FROM fx.customers GROUP BY 1',
  },
  {
    name: 'ratio-of-sums-vs-sum-of-ratios: discount rate by channel',
    query: q(['discount_rate'], { dimensions: ['orders.channel'] }),
    expected: `SELECT channel, ${ratio('SUM(discount)', 'SUM(gross)')} AS discount_rate FROM fx.orders GROUP BY 1`,
  },
  {
    name: 'ratio-of-sums-vs-sum-of-ratios: discount rate by region last year',
    query: q(['discount_rate', 'gross_sales'], {
      dimensions: ['regions.region_name'],
      ...time(null, 'last_year'),
    }),
    expected: `SELECT r.region_name AS region_name, ${ratio('SUM(o.discount)', 'SUM(o.gross)')} AS discount_rate, COALESCE(SUM(o.gross), 0) AS gross_sales FROM ${ORDERS_REGIONS} WHERE ${y2024} GROUP BY 1`,
  },
  {
    name: 'integer-division: units per order by channel',
    query: q(['units_per_order'], { dimensions: ['orders.channel'] }),
    expected: `SELECT channel, ${ratio('SUM(units)', 'COUNT(order_id)')} AS units_per_order FROM fx.orders GROUP BY 1`,
  },
  {
    name: 'integer-division: returned units over sold units by region (two models)',
    query: q(['return_unit_rate'], { dimensions: ['regions.region_name'] }),
    expected: `WITH s AS (SELECT r.region_name AS k, SUM(o.units) AS u FROM ${ORDERS_REGIONS} GROUP BY 1),
      b AS (SELECT r.region_name AS k, SUM(t.units) AS u FROM ${RETURNS_REGIONS} GROUP BY 1),
      keys AS (SELECT k FROM s UNION SELECT k FROM b)
      SELECT keys.k AS region_name, ${ratio('COALESCE(b.u, 0)', 'COALESCE(s.u, 0)')} AS return_unit_rate
      FROM keys LEFT JOIN s ON s.k IS NOT DISTINCT FROM keys.k LEFT JOIN b ON b.k IS NOT DISTINCT FROM keys.k`,
  },
  {
    name: 'ratio-of-sums-vs-sum-of-ratios: online share by region (metric filter)',
    query: q(['online_share'], { dimensions: ['regions.region_name'] }),
    expected: `SELECT r.region_name AS region_name, ${ratio("COALESCE(SUM(CASE WHEN o.channel = 'online' THEN o.amount END), 0)", 'COALESCE(SUM(o.amount), 0)')} AS online_share FROM ${ORDERS_REGIONS} GROUP BY 1`,
  },
  {
    name: 'integer-division: average order value (derived) by channel',
    query: q(['average_order_value'], { dimensions: ['orders.channel'] }),
    expected: `SELECT channel, ${ratio('COALESCE(SUM(amount), 0)', 'COUNT(order_id)')} AS average_order_value FROM fx.orders GROUP BY 1`,
  },
  {
    name: 'empty-periods: net revenue (derived over two models) by year',
    query: q(['net_revenue'], time('year', ['2021-01-01', '2024-12-31'])),
    expected: `SELECT sp.p AS metric_time, COALESCE(a.v, 0) - COALESCE(b.v, 0) AS net_revenue
      FROM ${series('2021-01-01', '2024-01-01', '1 year')} sp
      LEFT JOIN (SELECT CAST(date_trunc('year', order_date) AS DATE) AS p, SUM(amount) AS v FROM fx.orders WHERE order_date BETWEEN DATE '2021-01-01' AND DATE '2024-12-31' GROUP BY 1) a ON a.p = sp.p
      LEFT JOIN (SELECT CAST(date_trunc('year', return_date) AS DATE) AS p, SUM(refund) AS v FROM fx.returns WHERE return_date BETWEEN DATE '2021-01-01' AND DATE '2024-12-31' GROUP BY 1) b ON b.p = sp.p`,
  },
  {
    name: 'nulls: revenue and refunds by region (two models, NULL region on both sides)',
    query: q(['revenue', 'refunds'], { dimensions: ['regions.region_name'] }),
    expected: `WITH s AS (SELECT r.region_name AS k, SUM(o.amount) AS v FROM ${ORDERS_REGIONS} GROUP BY 1),
      b AS (SELECT r.region_name AS k, SUM(t.refund) AS v FROM ${RETURNS_REGIONS} GROUP BY 1),
      keys AS (SELECT k FROM s UNION SELECT k FROM b)
      SELECT keys.k AS region_name, COALESCE(s.v, 0) AS revenue, COALESCE(b.v, 0) AS refunds
      FROM keys LEFT JOIN s ON s.k IS NOT DISTINCT FROM keys.k LEFT JOIN b ON b.k IS NOT DISTINCT FROM keys.k`,
  },
  {
    name: 'empty-periods: return unit rate by month is NULL (0/0), not an error',
    query: q(['return_unit_rate', 'units_sold'], time('month', ['2023-06-01', '2023-11-30'])),
    expected: `SELECT sp.p AS metric_time, ${ratio('COALESCE(b.v, 0)', 'COALESCE(a.v, 0)')} AS return_unit_rate, COALESCE(a.v, 0) AS units_sold
      FROM ${series('2023-06-01', '2023-11-01', '1 month')} sp
      LEFT JOIN (SELECT CAST(date_trunc('month', order_date) AS DATE) AS p, SUM(units) AS v FROM fx.orders WHERE order_date BETWEEN DATE '2023-06-01' AND DATE '2023-11-30' GROUP BY 1) a ON a.p = sp.p
      LEFT JOIN (SELECT CAST(date_trunc('month', return_date) AS DATE) AS p, SUM(units) AS v FROM fx.returns WHERE return_date BETWEEN DATE '2023-06-01' AND DATE '2023-11-30' GROUP BY 1) b ON b.p = sp.p`,
  },
];
