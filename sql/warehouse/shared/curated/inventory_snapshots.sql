-- curated.inventory_snapshots: end-of-day stock per product per stocking location (a semi-additive measure: sum over places, not days).
-- One of the only objects the assistant reads: names here are a contract; add, never rename.
DROP VIEW IF EXISTS curated.inventory_snapshots;
CREATE VIEW curated.inventory_snapshots AS
SELECT
  snapshot_date,
  date_key,
  store_key,
  product_key,
  quantity_on_hand,
  quantity_on_order,
  unit_cost,
  stock_value
FROM dw.fact_inventory_snapshot;
