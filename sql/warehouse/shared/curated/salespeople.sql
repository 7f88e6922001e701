-- curated.salespeople: store staff and account managers; key 0 is no salesperson.
-- One of the only objects the assistant reads: names here are a contract; add, never rename.
DROP VIEW IF EXISTS curated.salespeople;
CREATE VIEW curated.salespeople AS
SELECT
  salesperson_key,
  employee_code,
  full_name,
  store_key,
  job_title,
  hired_date,
  left_date
FROM dw.dim_salesperson;
