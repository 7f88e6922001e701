-- curated.sales_lines: one row per sales order line; measures in USD, keys to every dimension.
-- One of the only objects the assistant reads: names here are a contract; add, never rename.
DROP VIEW IF EXISTS curated.sales_lines;
CREATE VIEW curated.sales_lines AS
SELECT
  sales_line_id,
  sales_order_id,
  order_number,
  line_number,
  order_date,
  date_key,
  store_key,
  channel_key,
  customer_key,
  salesperson_key,
  promotion_key,
  product_key,
  size,
  quantity,
  unit_price,
  discount_pct,
  gross_amount,
  discount_amount,
  net_amount,
  unit_cost,
  cost_amount,
  margin_amount
FROM dw.fact_sales_line;
