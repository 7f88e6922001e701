-- curated.products: one row per SKU with category, line, leather, colour, size run and current cost and prices.
-- One of the only objects the assistant reads: names here are a contract; add, never rename.
DROP VIEW IF EXISTS curated.products;
CREATE VIEW curated.products AS
SELECT
  product_key,
  sku_code,
  product_name,
  category,
  product_line,
  style,
  leather,
  colour,
  gender,
  size_run,
  supplier_key,
  launch_date,
  discontinued_date,
  current_unit_cost,
  current_list_price,
  current_wholesale_price
FROM dw.dim_product;
