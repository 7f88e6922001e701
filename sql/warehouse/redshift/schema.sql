-- The star schema `dw` on Amazon Redshift. Applied by glue/transform-warehouse.ts; the Postgres
-- stand-in is derived from this file by glue/redshift-to-postgres.ts (dist/sort/encode removed).
-- Keys: every dimension's key is its source's own integer id (stable across full rebuilds, so no
-- lookup join in the transforms); 0 is the "none" member (walk-in customer, no salesperson, no
-- promotion, head office). dim_date's key is YYYYMMDD; dim_account's key is the account code.
-- Dimensions are small (at most ~200k customers at scale 1): DISTSTYLE ALL puts a copy on every
-- node, so any fact joins them without redistribution. Facts are distributed on product_key, the
-- join key every product question uses and spread over ~300 values without a dominant one
-- (customer_key would not do: 40% of store sales are anonymous, key 0). Facts sort on their date
-- key, so time-range filters skip blocks. Column encodings are left to ENCODE AUTO.
CREATE SCHEMA IF NOT EXISTS dw;
CREATE SCHEMA IF NOT EXISTS curated;

CREATE TABLE IF NOT EXISTS dw.dim_date (
  date_key INTEGER NOT NULL,
  full_date DATE NOT NULL,
  week_start_date DATE NOT NULL,
  iso_week SMALLINT NOT NULL,
  iso_year SMALLINT NOT NULL,
  month_number SMALLINT NOT NULL,
  month_name VARCHAR(9) NOT NULL,
  month_start_date DATE NOT NULL,
  year_month VARCHAR(7) NOT NULL,
  quarter_number SMALLINT NOT NULL,
  year_number SMALLINT NOT NULL,
  fiscal_year SMALLINT NOT NULL,
  fiscal_quarter SMALLINT NOT NULL,
  fiscal_period SMALLINT NOT NULL,
  weekday_number SMALLINT NOT NULL,
  weekday_name VARCHAR(9) NOT NULL,
  is_weekend BOOLEAN NOT NULL,
  is_holiday BOOLEAN NOT NULL,
  holiday_name VARCHAR(60),
  is_trading_day BOOLEAN NOT NULL,
  PRIMARY KEY (date_key)
) DISTSTYLE ALL SORTKEY (date_key) ENCODE AUTO;

CREATE TABLE IF NOT EXISTS dw.dim_region (
  region_key INTEGER NOT NULL,
  region_code VARCHAR(16) NOT NULL,
  region_name VARCHAR(160) NOT NULL,
  PRIMARY KEY (region_key)
) DISTSTYLE ALL SORTKEY (region_key) ENCODE AUTO;

CREATE TABLE IF NOT EXISTS dw.dim_store (
  store_key INTEGER NOT NULL,
  store_code VARCHAR(40) NOT NULL,
  store_name VARCHAR(320) NOT NULL,
  store_type VARCHAR(48) NOT NULL,
  region_key INTEGER NOT NULL,
  region_code VARCHAR(16) NOT NULL,
  region_name VARCHAR(160) NOT NULL,
  city VARCHAR(160),
  state VARCHAR(8),
  opened_date DATE,
  closed_date DATE,
  size_sqft INTEGER,
  PRIMARY KEY (store_key)
) DISTSTYLE ALL SORTKEY (store_key) ENCODE AUTO;

CREATE TABLE IF NOT EXISTS dw.dim_channel (
  channel_key INTEGER NOT NULL,
  channel_code VARCHAR(48) NOT NULL,
  channel_name VARCHAR(160) NOT NULL,
  PRIMARY KEY (channel_key)
) DISTSTYLE ALL SORTKEY (channel_key) ENCODE AUTO;

CREATE TABLE IF NOT EXISTS dw.dim_supplier (
  supplier_key INTEGER NOT NULL,
  supplier_name VARCHAR(320) NOT NULL,
  country VARCHAR(160) NOT NULL,
  lead_time_days INTEGER NOT NULL,
  payment_terms_days INTEGER NOT NULL,
  PRIMARY KEY (supplier_key)
) DISTSTYLE ALL SORTKEY (supplier_key) ENCODE AUTO;

CREATE TABLE IF NOT EXISTS dw.dim_product (
  product_key INTEGER NOT NULL,
  sku_code VARCHAR(80) NOT NULL,
  product_name VARCHAR(480) NOT NULL,
  category VARCHAR(80) NOT NULL,
  product_line VARCHAR(120) NOT NULL,
  style VARCHAR(160) NOT NULL,
  leather VARCHAR(120) NOT NULL,
  colour VARCHAR(80) NOT NULL,
  gender VARCHAR(40) NOT NULL,
  size_run VARCHAR(48) NOT NULL,
  supplier_key INTEGER NOT NULL,
  launch_date DATE NOT NULL,
  discontinued_date DATE,
  current_unit_cost DECIMAL(14,2) NOT NULL,
  current_list_price DECIMAL(14,2) NOT NULL,
  current_wholesale_price DECIMAL(14,2) NOT NULL,
  PRIMARY KEY (product_key)
) DISTSTYLE ALL SORTKEY (product_key) ENCODE AUTO;

CREATE TABLE IF NOT EXISTS dw.dim_customer (
  customer_key INTEGER NOT NULL,
  customer_code VARCHAR(48) NOT NULL,
  customer_name VARCHAR(400) NOT NULL,
  segment VARCHAR(48) NOT NULL,
  loyalty_tier VARCHAR(40),
  city VARCHAR(160),
  state VARCHAR(8),
  home_store_key INTEGER,
  joined_date DATE,
  PRIMARY KEY (customer_key)
) DISTSTYLE ALL SORTKEY (customer_key) ENCODE AUTO;

CREATE TABLE IF NOT EXISTS dw.dim_salesperson (
  salesperson_key INTEGER NOT NULL,
  employee_code VARCHAR(40) NOT NULL,
  full_name VARCHAR(320) NOT NULL,
  store_key INTEGER NOT NULL,
  job_title VARCHAR(160) NOT NULL,
  hired_date DATE,
  left_date DATE,
  PRIMARY KEY (salesperson_key)
) DISTSTYLE ALL SORTKEY (salesperson_key) ENCODE AUTO;

CREATE TABLE IF NOT EXISTS dw.dim_promotion (
  promotion_key INTEGER NOT NULL,
  promotion_code VARCHAR(80) NOT NULL,
  promotion_name VARCHAR(320) NOT NULL,
  start_date DATE,
  end_date DATE,
  discount_pct DECIMAL(5,2) NOT NULL,
  category VARCHAR(80),
  channel_key INTEGER,
  PRIMARY KEY (promotion_key)
) DISTSTYLE ALL SORTKEY (promotion_key) ENCODE AUTO;

CREATE TABLE IF NOT EXISTS dw.dim_account (
  account_code VARCHAR(40) NOT NULL,
  account_name VARCHAR(320) NOT NULL,
  account_type VARCHAR(40) NOT NULL,
  normal_balance VARCHAR(24) NOT NULL,
  synonyms VARCHAR(1600),
  description VARCHAR(800),
  PRIMARY KEY (account_code)
) DISTSTYLE ALL SORTKEY (account_code) ENCODE AUTO;

-- Sales lines: the largest fact. DISTKEY(product_key) co-locates a product's lines; SORTKEY
-- date_key serves the time filter every question has.
CREATE TABLE IF NOT EXISTS dw.fact_sales_line (
  sales_line_id INTEGER NOT NULL,
  sales_order_id INTEGER NOT NULL,
  order_number VARCHAR(64) NOT NULL,
  line_number INTEGER NOT NULL,
  order_date DATE NOT NULL,
  date_key INTEGER NOT NULL,
  store_key INTEGER NOT NULL,
  channel_key INTEGER NOT NULL,
  customer_key INTEGER NOT NULL,
  salesperson_key INTEGER NOT NULL,
  promotion_key INTEGER NOT NULL,
  product_key INTEGER NOT NULL,
  size VARCHAR(32) NOT NULL,
  quantity INTEGER NOT NULL,
  unit_price DECIMAL(14,2) NOT NULL,
  discount_pct DECIMAL(5,2) NOT NULL,
  gross_amount DECIMAL(14,2) NOT NULL,
  discount_amount DECIMAL(14,2) NOT NULL,
  net_amount DECIMAL(14,2) NOT NULL,
  unit_cost DECIMAL(14,2) NOT NULL,
  cost_amount DECIMAL(14,2) NOT NULL,
  margin_amount DECIMAL(14,2) NOT NULL,
  PRIMARY KEY (sales_line_id)
) DISTKEY (product_key) SORTKEY (date_key) ENCODE AUTO;

-- Returns: same distribution as sales lines, so a product's sales and returns sit together.
CREATE TABLE IF NOT EXISTS dw.fact_return (
  return_id INTEGER NOT NULL,
  sales_line_id INTEGER NOT NULL,
  sales_order_id INTEGER NOT NULL,
  return_date DATE NOT NULL,
  date_key INTEGER NOT NULL,
  sale_date_key INTEGER NOT NULL,
  store_key INTEGER NOT NULL,
  selling_store_key INTEGER NOT NULL,
  channel_key INTEGER NOT NULL,
  customer_key INTEGER NOT NULL,
  product_key INTEGER NOT NULL,
  size VARCHAR(32) NOT NULL,
  quantity INTEGER NOT NULL,
  refund_amount DECIMAL(14,2) NOT NULL,
  reason VARCHAR(120) NOT NULL,
  restocked BOOLEAN NOT NULL,
  PRIMARY KEY (return_id)
) DISTKEY (product_key) SORTKEY (date_key) ENCODE AUTO;

-- Inventory snapshots: queried by day then location; compound sort on both.
CREATE TABLE IF NOT EXISTS dw.fact_inventory_snapshot (
  snapshot_date DATE NOT NULL,
  date_key INTEGER NOT NULL,
  store_key INTEGER NOT NULL,
  product_key INTEGER NOT NULL,
  quantity_on_hand INTEGER NOT NULL,
  quantity_on_order INTEGER NOT NULL,
  unit_cost DECIMAL(14,2) NOT NULL,
  stock_value DECIMAL(14,2) NOT NULL,
  PRIMARY KEY (date_key, store_key, product_key)
) DISTKEY (product_key) COMPOUND SORTKEY (date_key, store_key) ENCODE AUTO;

CREATE TABLE IF NOT EXISTS dw.fact_purchase_line (
  purchase_line_id INTEGER NOT NULL,
  purchase_order_id INTEGER NOT NULL,
  po_number VARCHAR(64) NOT NULL,
  line_number INTEGER NOT NULL,
  order_date DATE NOT NULL,
  date_key INTEGER NOT NULL,
  expected_date_key INTEGER NOT NULL,
  received_date_key INTEGER,
  supplier_key INTEGER NOT NULL,
  store_key INTEGER NOT NULL,
  product_key INTEGER NOT NULL,
  status VARCHAR(48) NOT NULL,
  quantity_ordered INTEGER NOT NULL,
  quantity_received INTEGER,
  unit_cost DECIMAL(14,2) NOT NULL,
  line_cost DECIMAL(14,2) NOT NULL,
  received_cost DECIMAL(14,2),
  PRIMARY KEY (purchase_line_id)
) DISTKEY (product_key) SORTKEY (date_key) ENCODE AUTO;

-- Ledger postings: small (tens of thousands a year) and no even key (31 accounts, one dominant
-- cost centre), so spread evenly; sorted by date for period filters.
CREATE TABLE IF NOT EXISTS dw.fact_ledger_posting (
  journal_line_id INTEGER NOT NULL,
  journal_entry_id INTEGER NOT NULL,
  entry_number VARCHAR(64) NOT NULL,
  line_number INTEGER NOT NULL,
  entry_date DATE NOT NULL,
  date_key INTEGER NOT NULL,
  account_code VARCHAR(40) NOT NULL,
  store_key INTEGER NOT NULL,
  cost_center VARCHAR(40),
  source VARCHAR(80) NOT NULL,
  reference VARCHAR(160),
  memo VARCHAR(800),
  currency VARCHAR(3) NOT NULL,
  debit_amount DECIMAL(14,2) NOT NULL,
  credit_amount DECIMAL(14,2) NOT NULL,
  net_debit_amount DECIMAL(14,2) NOT NULL,
  PRIMARY KEY (journal_line_id)
) DISTSTYLE EVEN SORTKEY (date_key) ENCODE AUTO;

-- Accountants' expenses, loaded from their files by a later loader. The files carry no integer
-- id, so the warehouse numbers the rows: IDENTITY(1,1) (never SERIAL on Redshift).
CREATE TABLE IF NOT EXISTS dw.fact_expense (
  expense_id BIGINT IDENTITY(1,1) NOT NULL,
  expense_date DATE NOT NULL,
  date_key INTEGER NOT NULL,
  account_code VARCHAR(40),
  store_key INTEGER NOT NULL,
  vendor VARCHAR(320) NOT NULL,
  description VARCHAR(800),
  category VARCHAR(160) NOT NULL,
  payment_method VARCHAR(80),
  reference VARCHAR(160),
  amount DECIMAL(14,2) NOT NULL,
  source_file VARCHAR(400) NOT NULL,
  loaded_at TIMESTAMP NOT NULL,
  PRIMARY KEY (expense_id)
) DISTSTYLE EVEN SORTKEY (date_key) ENCODE AUTO;
