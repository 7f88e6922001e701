-- curated.returns: one row per return; store_key took the return, selling_store_key made the sale.
-- One of the only objects the assistant reads: names here are a contract; add, never rename.
DROP VIEW IF EXISTS curated.returns;
CREATE VIEW curated.returns AS
SELECT
  return_id,
  sales_line_id,
  sales_order_id,
  return_date,
  date_key,
  sale_date_key,
  store_key,
  selling_store_key,
  channel_key,
  customer_key,
  product_key,
  size,
  quantity,
  refund_amount,
  reason,
  restocked
FROM dw.fact_return;
