-- curated.regions: sales regions; key 0 is (none).
-- One of the only objects the assistant reads: names here are a contract; add, never rename.
DROP VIEW IF EXISTS curated.regions;
CREATE VIEW curated.regions AS
SELECT
  region_key,
  region_code,
  region_name
FROM dw.dim_region;
