-- dw.dim_product from erp.products: one row per SKU with its current cost and prices.
INSERT INTO dw.{{target}} (
  product_key, sku_code, product_name, category, product_line, style, leather, colour, gender,
  size_run, supplier_key, launch_date, discontinued_date, current_unit_cost, current_list_price,
  current_wholesale_price
)
SELECT sku_id, sku_code, product_name, category, line, style, leather, colour, gender,
  size_run, supplier_id, launch_date, discontinued_date, CAST(unit_cost AS DECIMAL(14,2)),
  CAST(list_price AS DECIMAL(14,2)), CAST(wholesale_price AS DECIMAL(14,2))
FROM erp.products;
