-- dw.fact_inventory_snapshot: end-of-day stock per SKU per stocking location, as counted.
INSERT INTO dw.{{target}} (
  snapshot_date, date_key, store_key, product_key, quantity_on_hand, quantity_on_order, unit_cost, stock_value
)
SELECT snapshot_date, CAST(EXTRACT(YEAR FROM snapshot_date) * 10000 + EXTRACT(MONTH FROM snapshot_date) * 100 + EXTRACT(DAY FROM snapshot_date) AS INTEGER),
  store_id, sku_id, quantity_on_hand, quantity_on_order, CAST(unit_cost AS DECIMAL(14,2)),
  CAST(stock_value AS DECIMAL(14,2))
FROM erp.inventory_snapshots;
