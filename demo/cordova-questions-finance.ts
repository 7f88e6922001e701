/**
 * Cordova stock and finance questions with their hand-written answers over erp.inventory_snapshots
 * and ledger_raw.*: stock is taken on the last snapshot day of each period (semi-additive), ledger
 * amounts are minor units (cents) and revenue is credit-normal, so shown as -(debit - credit).
 */
import {
  between,
  type CordovaQuestion,
  POSTINGS,
  periods,
  question,
  range,
  ratio,
  SALES,
} from './cordova-question-sql.ts';

const NET = '(jl.debit_minor - jl.credit_minor)';
const OPEX = "a.account_type = 'expense' AND a.account_code NOT IN ('5000', '5100')";

export const cordovaFinanceQuestions: CordovaQuestion[] = [
  question(
    'inventory on hand at each month end by category (semi-additive)',
    {
      metrics: ['inventory_on_hand'],
      dimensions: ['products.category'],
      ...range('month', '2026-01-01', '2026-03-31'),
      limit: 100,
    },
    `WITH r AS (SELECT CAST(date_trunc('month', i.snapshot_date) AS DATE) AS metric_time, i.snapshot_date, p.category, i.quantity_on_hand
       FROM erp.inventory_snapshots i LEFT JOIN erp.products p ON p.sku_id = i.sku_id
       WHERE ${between('i.snapshot_date', '2026-01-01', '2026-04-01')}),
     last_day AS (SELECT metric_time, MAX(snapshot_date) AS d FROM r GROUP BY 1),
     m AS (SELECT r.metric_time, r.category, SUM(r.quantity_on_hand) AS v FROM r
       JOIN last_day ld ON ld.metric_time = r.metric_time AND ld.d = r.snapshot_date GROUP BY 1, 2)
     SELECT p.metric_time, k.category, COALESCE(m.v, 0) AS inventory_on_hand
     FROM ${periods('2026-01-01', '2026-03-01', '1 month')} p CROSS JOIN (SELECT DISTINCT category FROM m) k
     LEFT JOIN m ON m.metric_time = p.metric_time AND m.category = k.category`,
  ),
  question(
    'sell-through by product line (sales over sales plus closing stock)',
    {
      metrics: ['sell_through', 'units_sold', 'inventory_on_hand'],
      dimensions: ['products.product_line'],
      ...range(null, '2026-04-01', '2026-06-30'),
      limit: 100,
    },
    `WITH s AS (SELECT p.line, SUM(l.quantity) AS n FROM ${SALES} LEFT JOIN erp.products p ON p.sku_id = l.sku_id
       WHERE ${between('o.order_date', '2026-04-01', '2026-07-01')} GROUP BY 1),
     i AS (SELECT p.line, SUM(i.quantity_on_hand) AS n FROM erp.inventory_snapshots i LEFT JOIN erp.products p ON p.sku_id = i.sku_id
       WHERE i.snapshot_date = (SELECT MAX(snapshot_date) FROM erp.inventory_snapshots WHERE ${between('snapshot_date', '2026-04-01', '2026-07-01')})
       GROUP BY 1)
     SELECT COALESCE(s.line, i.line) AS product_line,
       ${ratio('COALESCE(s.n, 0)', 'COALESCE(s.n, 0) + COALESCE(i.n, 0)')} AS sell_through,
       COALESCE(s.n, 0) AS units_sold, COALESCE(i.n, 0) AS inventory_on_hand
     FROM s FULL OUTER JOIN i ON i.line = s.line`,
  ),
  question(
    'operating expenses by month',
    { metrics: ['operating_expenses'], ...range('month', '2025-07-01', '2026-06-30'), limit: 100 },
    `WITH m AS (SELECT CAST(date_trunc('month', je.entry_date) AS DATE) AS metric_time, SUM(${NET}) / 100.0 AS v
       FROM ${POSTINGS} WHERE ${OPEX} AND ${between('je.entry_date', '2025-07-01', '2026-07-01')} GROUP BY 1)
     SELECT p.metric_time, COALESCE(m.v, 0) AS operating_expenses
     FROM ${periods('2025-07-01', '2026-06-01', '1 month')} p LEFT JOIN m ON m.metric_time = p.metric_time`,
  ),
  question(
    'net income, ledger revenue and operating expenses over a fiscal year',
    {
      metrics: ['net_income', 'ledger_revenue', 'operating_expenses'],
      ...range(null, '2025-02-01', '2026-01-31'),
      limit: 10,
    },
    `SELECT -SUM(CASE WHEN a.account_type IN ('revenue', 'expense') THEN ${NET} END) / 100.0 AS net_income,
       -SUM(CASE WHEN a.account_type = 'revenue' THEN ${NET} END) / 100.0 AS ledger_revenue,
       SUM(CASE WHEN ${OPEX} THEN ${NET} END) / 100.0 AS operating_expenses
     FROM ${POSTINGS} WHERE ${between('je.entry_date', '2025-02-01', '2026-02-01')}`,
  ),
  question(
    'net margin % by region (ratio of two filtered ledger sums)',
    {
      metrics: ['net_margin_pct'],
      dimensions: ['stores.region_name'],
      ...range(null, '2025-01-01', '2025-12-31'),
      limit: 100,
    },
    `SELECT COALESCE(r.region_name, '(none)') AS region_name,
       ${ratio(`-SUM(CASE WHEN a.account_type IN ('revenue', 'expense') THEN ${NET} END) / 100.0`, `-SUM(CASE WHEN a.account_type = 'revenue' THEN ${NET} END) / 100.0`)} AS net_margin_pct
     FROM ${POSTINGS} LEFT JOIN erp.stores s ON s.store_code = jl.cost_center LEFT JOIN erp.regions r ON r.region_id = s.region_id
     WHERE ${between('je.entry_date', '2025-01-01', '2026-01-01')} GROUP BY 1`,
  ),
  question(
    'cash at the end of each month (running balance of the cash accounts)',
    { metrics: ['cash'], ...range('month', '2025-07-01', '2026-06-30'), limit: 100 },
    `SELECT p.metric_time, COALESCE((SELECT SUM(${NET}) FROM ${POSTINGS}
       WHERE jl.account_code IN ('1010', '1050') AND je.entry_date < CAST(p.metric_time + INTERVAL '1 month' AS DATE)), 0) / 100.0 AS cash
     FROM ${periods('2025-07-01', '2026-06-01', '1 month')} p`,
  ),
];
