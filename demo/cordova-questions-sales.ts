/**
 * Cordova sales questions with their hand-written answers over erp.*.
 * Products, stores and channels are LEFT joined, as the semantic layer's many-to-one joins are.
 */
import {
  between,
  type CordovaQuestion,
  periods,
  question,
  range,
  ratio,
  SALES,
} from './cordova-question-sql.ts';

const PRODUCT = 'LEFT JOIN erp.products p ON p.sku_id = l.sku_id';
const REGION =
  'LEFT JOIN erp.stores s ON s.store_id = o.store_id LEFT JOIN erp.regions r ON r.region_id = s.region_id';
const CHANNEL = 'LEFT JOIN erp.channels c ON c.channel_id = o.channel_id';
const YEAR_2025 = between('o.order_date', '2025-01-01', '2026-01-01');
const H1_2026 = between('o.order_date', '2026-01-01', '2026-07-01');

export const cordovaSalesQuestions: CordovaQuestion[] = [
  question(
    'revenue by region by month',
    {
      metrics: ['revenue'],
      dimensions: ['stores.region_name'],
      ...range('month', '2026-01-01', '2026-06-30'),
      limit: 500,
    },
    `WITH m AS (SELECT CAST(date_trunc('month', o.order_date) AS DATE) AS metric_time, r.region_name, SUM(l.net_amount) AS revenue
       FROM ${SALES} ${REGION} WHERE ${H1_2026} GROUP BY 1, 2)
     SELECT p.metric_time, k.region_name, COALESCE(m.revenue, 0) AS revenue
     FROM ${periods('2026-01-01', '2026-06-01', '1 month')} p CROSS JOIN (SELECT DISTINCT region_name FROM m) k
     LEFT JOIN m ON m.metric_time = p.metric_time AND m.region_name = k.region_name`,
  ),
  question(
    'gross margin and margin % by product line',
    {
      metrics: ['gross_margin', 'gross_margin_pct'],
      dimensions: ['products.product_line'],
      ...range(null, '2025-01-01', '2025-12-31'),
      limit: 100,
    },
    `SELECT p.line AS product_line, SUM(l.net_amount - l.quantity * l.unit_cost) AS gross_margin,
       ${ratio('SUM(l.net_amount - l.quantity * l.unit_cost)', 'SUM(l.net_amount)')} AS gross_margin_pct
     FROM ${SALES} ${PRODUCT} WHERE ${YEAR_2025} GROUP BY 1`,
  ),
  question(
    'top 5 stores by revenue with all others',
    {
      metrics: ['revenue'],
      dimensions: ['stores.store_name'],
      ...range(null, '2025-01-01', '2025-12-31'),
      order: [{ by: 'revenue', direction: 'desc' }],
      limit: 5,
      include_others: true,
    },
    `WITH t AS (SELECT s.store_name, SUM(l.net_amount) AS revenue FROM ${SALES} ${REGION} WHERE ${YEAR_2025} GROUP BY 1),
     n AS (SELECT store_name, revenue, ROW_NUMBER() OVER (ORDER BY revenue DESC, store_name) AS rn FROM t)
     SELECT store_name, revenue FROM (
       SELECT 0 AS others, rn, store_name, revenue FROM n WHERE rn <= 5
       UNION ALL SELECT 1, 6, 'All others', SUM(revenue) FROM n WHERE rn > 5 HAVING COUNT(*) > 0) x
     ORDER BY others, rn`,
    true,
  ),
  question(
    'share of revenue by channel',
    {
      metrics: ['revenue'],
      dimensions: ['channels.channel_name'],
      ...range(null, '2026-01-01', '2026-06-30'),
      share_of_total: true,
      limit: 100,
    },
    `SELECT c.channel_name, SUM(l.net_amount) AS revenue,
       ${ratio('SUM(l.net_amount)', 'SUM(SUM(l.net_amount)) OVER ()')} AS revenue_share
     FROM ${SALES} ${CHANNEL} WHERE ${H1_2026} GROUP BY 1`,
  ),
  question(
    'revenue by channel against the same period last year',
    {
      metrics: ['revenue'],
      dimensions: ['channels.channel_name'],
      ...range(null, '2026-04-01', '2026-06-30'),
      compare: 'same_period_last_year',
      limit: 100,
    },
    `WITH cur AS (SELECT c.channel_name, SUM(l.net_amount) AS v FROM ${SALES} ${CHANNEL} WHERE ${between('o.order_date', '2026-04-01', '2026-07-01')} GROUP BY 1),
     prev AS (SELECT c.channel_name, SUM(l.net_amount) AS v FROM ${SALES} ${CHANNEL} WHERE ${between('o.order_date', '2025-04-01', '2025-07-01')} GROUP BY 1)
     SELECT COALESCE(cur.channel_name, prev.channel_name) AS channel_name, COALESCE(cur.v, 0) AS revenue,
       COALESCE(prev.v, 0) AS revenue_previous, COALESCE(cur.v, 0) - COALESCE(prev.v, 0) AS revenue_change,
       ${ratio('COALESCE(cur.v, 0) - COALESCE(prev.v, 0)', 'COALESCE(prev.v, 0)')} AS revenue_change_pct
     FROM cur FULL OUTER JOIN prev ON prev.channel_name = cur.channel_name`,
  ),
  question(
    'revenue year to date by month',
    { metrics: ['revenue_ytd'], ...range('month', '2026-01-01', '2026-06-30'), limit: 100 },
    `SELECT p.metric_time, COALESCE((SELECT SUM(l.net_amount) FROM ${SALES}
       WHERE o.order_date >= DATE '2026-01-01' AND o.order_date < CAST(p.metric_time + INTERVAL '1 month' AS DATE)), 0) AS revenue_ytd
     FROM ${periods('2026-01-01', '2026-06-01', '1 month')} p`,
  ),
  question(
    'revenue and margin by fiscal quarter (year starting in February)',
    {
      metrics: ['revenue', 'gross_margin'],
      ...range('fiscal_quarter', '2025-02-01', '2026-04-30'),
      limit: 100,
    },
    `WITH q AS (SELECT CAST(date_trunc('quarter', o.order_date - INTERVAL '1 month') + INTERVAL '1 month' AS DATE) AS metric_time,
       SUM(l.net_amount) AS revenue, SUM(l.net_amount - l.quantity * l.unit_cost) AS gross_margin
       FROM ${SALES} WHERE ${between('o.order_date', '2025-02-01', '2026-05-01')} GROUP BY 1)
     SELECT p.metric_time, COALESCE(q.revenue, 0) AS revenue, COALESCE(q.gross_margin, 0) AS gross_margin
     FROM ${periods('2025-02-01', '2026-02-01', '3 months')} p LEFT JOIN q ON q.metric_time = p.metric_time`,
  ),
  {
    // Asked in September: July and August are past months the data does not reach (a series
    // leaves out months that have not started yet, so asked in June they would not be shown).
    ...question(
      'months without sales show zero',
      { metrics: ['revenue', 'units_sold'], ...range('month', '2026-05-01', '2026-08-31'), limit: 100 },
      `WITH m AS (SELECT CAST(date_trunc('month', o.order_date) AS DATE) AS metric_time, SUM(l.net_amount) AS revenue, SUM(l.quantity) AS units_sold
         FROM ${SALES} WHERE ${between('o.order_date', '2026-05-01', '2026-09-01')} GROUP BY 1)
       SELECT p.metric_time, COALESCE(m.revenue, 0) AS revenue, COALESCE(m.units_sold, 0) AS units_sold
       FROM ${periods('2026-05-01', '2026-08-01', '1 month')} p LEFT JOIN m ON m.metric_time = p.metric_time`,
    ),
    askedOn: '2026-09-15',
  },
  question(
    'suede revenue and pairs by region',
    {
      metrics: ['revenue', 'units_sold'],
      dimensions: ['stores.region_name'],
      filters: [{ dimension: 'products.leather', operator: 'equals', values: ['suede'] }],
      ...range(null, '2026-01-01', '2026-03-31'),
      limit: 100,
    },
    `SELECT r.region_name, SUM(l.net_amount) AS revenue, SUM(l.quantity) AS units_sold
     FROM ${SALES} ${PRODUCT} ${REGION}
     WHERE ${between('o.order_date', '2026-01-01', '2026-04-01')} AND p.leather = 'suede' GROUP BY 1`,
  ),
  question(
    'average order value by channel (ratio of a sum to a distinct count)',
    {
      metrics: ['average_order_value', 'orders'],
      dimensions: ['channels.channel_name'],
      ...range(null, '2026-04-01', '2026-06-30'),
      limit: 100,
    },
    `SELECT c.channel_name, ${ratio('SUM(l.net_amount)', 'COUNT(DISTINCT l.sales_order_id)')} AS average_order_value,
       COUNT(DISTINCT l.sales_order_id) AS orders
     FROM ${SALES} ${CHANNEL} WHERE ${between('o.order_date', '2026-04-01', '2026-07-01')} GROUP BY 1`,
  ),
];
