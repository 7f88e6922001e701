-- curated.dates: the calendar: one row per day with calendar, ISO, fiscal and holiday attributes.
-- One of the only objects the assistant reads: names here are a contract; add, never rename.
DROP VIEW IF EXISTS curated.dates;
CREATE VIEW curated.dates AS
SELECT
  date_key,
  full_date,
  week_start_date,
  iso_week,
  iso_year,
  month_number,
  month_name,
  month_start_date,
  year_month,
  quarter_number,
  year_number,
  fiscal_year,
  fiscal_quarter,
  fiscal_period,
  weekday_number,
  weekday_name,
  is_weekend,
  is_holiday,
  holiday_name,
  is_trading_day
FROM dw.dim_date;
