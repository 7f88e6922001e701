-- dw.dim_customer from erp.customers (e-mail left out: the assistant never needs it); member 0
-- is the anonymous walk-in customer of sales without a customer.
INSERT INTO dw.{{target}} (
  customer_key, customer_code, customer_name, segment, loyalty_tier, city, state, home_store_key, joined_date
)
SELECT customer_id, customer_code, customer_name, segment, loyalty_tier, city, state, home_store_id, joined_date
FROM erp.customers
UNION ALL
SELECT 0, '-', 'Anonymous walk-in', 'anonymous', CAST(NULL AS VARCHAR(40)), CAST(NULL AS VARCHAR(160)),
  CAST(NULL AS VARCHAR(8)), CAST(NULL AS INTEGER), CAST(NULL AS DATE);
