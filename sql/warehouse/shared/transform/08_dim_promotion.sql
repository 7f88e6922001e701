-- dw.dim_promotion from erp.promotions; member 0 is "no promotion" (full-price lines).
INSERT INTO dw.{{target}} (
  promotion_key, promotion_code, promotion_name, start_date, end_date, discount_pct, category, channel_key
)
SELECT promotion_id, promotion_code, promotion_name, start_date, end_date, discount_pct, category, channel_id
FROM erp.promotions
UNION ALL
SELECT 0, '-', '(no promotion)', CAST(NULL AS DATE), CAST(NULL AS DATE), CAST(0 AS DECIMAL(5,2)),
  CAST(NULL AS VARCHAR(80)), CAST(NULL AS INTEGER);
