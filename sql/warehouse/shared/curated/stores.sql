-- curated.stores: selling and stocking locations with their region; key 0 is head office / no location.
-- One of the only objects the assistant reads: names here are a contract; add, never rename.
DROP VIEW IF EXISTS curated.stores;
CREATE VIEW curated.stores AS
SELECT
  store_key,
  store_code,
  store_name,
  store_type,
  region_key,
  region_code,
  region_name,
  city,
  state,
  opened_date,
  closed_date,
  size_sqft
FROM dw.dim_store;
