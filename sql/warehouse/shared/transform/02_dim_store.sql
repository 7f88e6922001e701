-- dw.dim_store from erp.stores with its region; member 0 is head office / no location, for
-- ledger postings whose cost centre is HQ or empty.
INSERT INTO dw.{{target}} (
  store_key, store_code, store_name, store_type, region_key, region_code, region_name,
  city, state, opened_date, closed_date, size_sqft
)
SELECT s.store_id, s.store_code, s.store_name, s.store_type, r.region_id, r.region_code, r.region_name,
  s.city, s.state, s.opened_date, s.closed_date, s.size_sqft
FROM erp.stores s
JOIN erp.regions r ON r.region_id = s.region_id
UNION ALL
SELECT 0, 'HQ', 'Head office / no location', 'head office', 0, '-', '(none)',
  CAST(NULL AS VARCHAR(160)), CAST(NULL AS VARCHAR(8)), CAST(NULL AS DATE), CAST(NULL AS DATE), CAST(NULL AS INTEGER);
