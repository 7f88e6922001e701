-- dw.fact_sales_line: one row per ERP order line, with its order's keys. Missing customer and
-- salesperson become the 0 members; a line carries its order's promotion only when discounted.
-- date keys are YYYYMMDD, computed with EXTRACT so the same text runs on every dialect.
INSERT INTO dw.{{target}} (
  sales_line_id, sales_order_id, order_number, line_number, order_date, date_key, store_key,
  channel_key, customer_key, salesperson_key, promotion_key, product_key, size, quantity,
  unit_price, discount_pct, gross_amount, discount_amount, net_amount, unit_cost, cost_amount,
  margin_amount
)
SELECT l.sales_order_line_id, l.sales_order_id, o.order_number, l.line_number, o.order_date,
  CAST(EXTRACT(YEAR FROM o.order_date) * 10000 + EXTRACT(MONTH FROM o.order_date) * 100 + EXTRACT(DAY FROM o.order_date) AS INTEGER),
  o.store_id, o.channel_id, COALESCE(o.customer_id, 0), COALESCE(o.salesperson_id, 0),
  CASE WHEN l.discount_amount > 0 THEN COALESCE(o.promotion_id, 0) ELSE 0 END,
  l.sku_id, l.size, l.quantity, CAST(l.unit_price AS DECIMAL(14,2)), l.discount_pct,
  CAST(l.quantity * l.unit_price AS DECIMAL(14,2)), CAST(l.discount_amount AS DECIMAL(14,2)),
  CAST(l.net_amount AS DECIMAL(14,2)), CAST(l.unit_cost AS DECIMAL(14,2)),
  CAST(l.quantity * l.unit_cost AS DECIMAL(14,2)),
  CAST(l.net_amount - l.quantity * l.unit_cost AS DECIMAL(14,2))
FROM erp.sales_order_lines l
JOIN erp.sales_orders o ON o.sales_order_id = l.sales_order_id;
