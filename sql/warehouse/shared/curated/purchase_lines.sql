-- curated.purchase_lines: one row per purchase order line; received_* are NULL while the order is open.
-- One of the only objects the assistant reads: names here are a contract; add, never rename.
DROP VIEW IF EXISTS curated.purchase_lines;
CREATE VIEW curated.purchase_lines AS
SELECT
  purchase_line_id,
  purchase_order_id,
  po_number,
  line_number,
  order_date,
  date_key,
  expected_date_key,
  received_date_key,
  supplier_key,
  store_key,
  product_key,
  status,
  quantity_ordered,
  quantity_received,
  unit_cost,
  line_cost,
  received_cost
FROM dw.fact_purchase_line;
