-- dw.fact_purchase_line: one row per purchase order line with its order's supplier, location and
-- dates; received_date_key, quantity_received and received_cost stay NULL while the order is open.
INSERT INTO dw.{{target}} (
  purchase_line_id, purchase_order_id, po_number, line_number, order_date, date_key,
  expected_date_key, received_date_key, supplier_key, store_key, product_key, status,
  quantity_ordered, quantity_received, unit_cost, line_cost, received_cost
)
SELECT l.purchase_order_line_id, l.purchase_order_id, o.po_number, l.line_number, o.order_date,
  CAST(EXTRACT(YEAR FROM o.order_date) * 10000 + EXTRACT(MONTH FROM o.order_date) * 100 + EXTRACT(DAY FROM o.order_date) AS INTEGER),
  CAST(EXTRACT(YEAR FROM o.expected_date) * 10000 + EXTRACT(MONTH FROM o.expected_date) * 100 + EXTRACT(DAY FROM o.expected_date) AS INTEGER),
  CAST(EXTRACT(YEAR FROM o.received_date) * 10000 + EXTRACT(MONTH FROM o.received_date) * 100 + EXTRACT(DAY FROM o.received_date) AS INTEGER),
  o.supplier_id, o.store_id, l.sku_id, o.status, l.quantity_ordered, l.quantity_received,
  CAST(l.unit_cost AS DECIMAL(14,2)), CAST(l.line_cost AS DECIMAL(14,2)),
  CAST(l.quantity_received * l.unit_cost AS DECIMAL(14,2))
FROM erp.purchase_order_lines l
JOIN erp.purchase_orders o ON o.purchase_order_id = l.purchase_order_id;
