/**
 * Cordova returns and purchasing questions with their hand-written answers over erp.*: returns
 * count by return date, sales by order date; the supplier is the product's.
 */
import { between, type CordovaQuestion, question, range, ratio, SALES } from './cordova-question-sql.ts';

const PRODUCT = 'LEFT JOIN erp.products p ON p.sku_id = l.sku_id';

export const cordovaReturnsPurchasingQuestions: CordovaQuestion[] = [
  question(
    'return rate by category (returns by return date, sales by order date)',
    {
      metrics: ['return_rate', 'units_returned', 'units_sold'],
      dimensions: ['products.category'],
      ...range(null, '2025-07-01', '2026-06-30'),
      limit: 100,
    },
    `WITH t AS (SELECT p.category, SUM(t.quantity) AS n FROM erp.returns t LEFT JOIN erp.products p ON p.sku_id = t.sku_id
       WHERE ${between('t.return_date', '2025-07-01', '2026-07-01')} GROUP BY 1),
     s AS (SELECT p.category, SUM(l.quantity) AS n FROM ${SALES} ${PRODUCT} WHERE ${between('o.order_date', '2025-07-01', '2026-07-01')} GROUP BY 1)
     SELECT COALESCE(t.category, s.category) AS category, ${ratio('COALESCE(t.n, 0)', 'COALESCE(s.n, 0)')} AS return_rate,
       COALESCE(t.n, 0) AS units_returned, COALESCE(s.n, 0) AS units_sold
     FROM t FULL OUTER JOIN s ON s.category = t.category`,
  ),
  question(
    'why customers return shoes, as shares',
    {
      metrics: ['units_returned'],
      dimensions: ['returns.reason'],
      ...range(null, '2025-01-01', '2025-12-31'),
      share_of_total: true,
      limit: 100,
    },
    `SELECT t.reason, SUM(t.quantity) AS units_returned, ${ratio('SUM(t.quantity)', 'SUM(SUM(t.quantity)) OVER ()')} AS units_returned_share
     FROM erp.returns t WHERE ${between('t.return_date', '2025-01-01', '2026-01-01')} GROUP BY 1`,
  ),
  question(
    'purchase spend by supplier (through the product)',
    {
      metrics: ['purchase_spend', 'units_ordered'],
      dimensions: ['suppliers.supplier_name'],
      ...range(null, '2025-01-01', '2025-12-31'),
      limit: 100,
    },
    `SELECT su.supplier_name, SUM(pl.line_cost) AS purchase_spend, SUM(pl.quantity_ordered) AS units_ordered
     FROM erp.purchase_order_lines pl JOIN erp.purchase_orders po ON po.purchase_order_id = pl.purchase_order_id
     LEFT JOIN erp.products p ON p.sku_id = pl.sku_id LEFT JOIN erp.suppliers su ON su.supplier_id = p.supplier_id
     WHERE ${between('po.order_date', '2025-01-01', '2026-01-01')} GROUP BY 1`,
  ),
];
