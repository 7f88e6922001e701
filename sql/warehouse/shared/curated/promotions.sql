-- curated.promotions: price promotions; key 0 is no promotion.
-- One of the only objects the assistant reads: names here are a contract; add, never rename.
DROP VIEW IF EXISTS curated.promotions;
CREATE VIEW curated.promotions AS
SELECT
  promotion_key,
  promotion_code,
  promotion_name,
  start_date,
  end_date,
  discount_pct,
  category,
  channel_key
FROM dw.dim_promotion;
