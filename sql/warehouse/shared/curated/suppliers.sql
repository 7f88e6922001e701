-- curated.suppliers: the makers goods are bought from.
-- One of the only objects the assistant reads: names here are a contract; add, never rename.
DROP VIEW IF EXISTS curated.suppliers;
CREATE VIEW curated.suppliers AS
SELECT
  supplier_key,
  supplier_name,
  country,
  lead_time_days,
  payment_terms_days
FROM dw.dim_supplier;
