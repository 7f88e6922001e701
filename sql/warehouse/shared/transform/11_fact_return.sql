-- dw.fact_return: one row per ERP return, with the size, channel, customer and selling store of
-- the order line it came back from.
INSERT INTO dw.{{target}} (
  return_id, sales_line_id, sales_order_id, return_date, date_key, sale_date_key, store_key,
  selling_store_key, channel_key, customer_key, product_key, size, quantity, refund_amount,
  reason, restocked
)
SELECT r.return_id, r.sales_order_line_id, r.sales_order_id, r.return_date,
  CAST(EXTRACT(YEAR FROM r.return_date) * 10000 + EXTRACT(MONTH FROM r.return_date) * 100 + EXTRACT(DAY FROM r.return_date) AS INTEGER),
  CAST(EXTRACT(YEAR FROM o.order_date) * 10000 + EXTRACT(MONTH FROM o.order_date) * 100 + EXTRACT(DAY FROM o.order_date) AS INTEGER),
  r.store_id, o.store_id, o.channel_id, COALESCE(o.customer_id, 0), r.sku_id, l.size, r.quantity,
  CAST(r.refund_amount AS DECIMAL(14,2)), r.reason, r.restocked
FROM erp.returns r
JOIN erp.sales_order_lines l ON l.sales_order_line_id = r.sales_order_line_id
JOIN erp.sales_orders o ON o.sales_order_id = l.sales_order_id;
