-- curated.customers: customers with their segment; key 0 is the anonymous walk-in customer.
-- One of the only objects the assistant reads: names here are a contract; add, never rename.
DROP VIEW IF EXISTS curated.customers;
CREATE VIEW curated.customers AS
SELECT
  customer_key,
  customer_code,
  customer_name,
  segment,
  loyalty_tier,
  city,
  state,
  home_store_key,
  joined_date
FROM dw.dim_customer;
