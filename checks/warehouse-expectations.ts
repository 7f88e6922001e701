/** What the warehouse tests check: each fact's raw source, its foreign keys, a shared query. */

export const FACT_SOURCES: Record<string, string> = {
  fact_sales_line: 'erp.sales_order_lines',
  fact_return: 'erp.returns',
  fact_inventory_snapshot: 'erp.inventory_snapshots',
  fact_purchase_line: 'erp.purchase_order_lines',
  fact_ledger_posting: 'ledger_raw.journal_lines',
};

const keys = (fact: string, pairs: [string, string, string][]) =>
  pairs.map(([column, dim, key]) => ({ fact, column, dim, key }));

export const FOREIGN_KEYS = [
  ...keys('fact_sales_line', [
    ['date_key', 'dim_date', 'date_key'],
    ['store_key', 'dim_store', 'store_key'],
    ['channel_key', 'dim_channel', 'channel_key'],
    ['customer_key', 'dim_customer', 'customer_key'],
    ['salesperson_key', 'dim_salesperson', 'salesperson_key'],
    ['promotion_key', 'dim_promotion', 'promotion_key'],
    ['product_key', 'dim_product', 'product_key'],
  ]),
  ...keys('fact_return', [
    ['date_key', 'dim_date', 'date_key'],
    ['sale_date_key', 'dim_date', 'date_key'],
    ['store_key', 'dim_store', 'store_key'],
    ['selling_store_key', 'dim_store', 'store_key'],
    ['channel_key', 'dim_channel', 'channel_key'],
    ['customer_key', 'dim_customer', 'customer_key'],
    ['product_key', 'dim_product', 'product_key'],
    ['sales_line_id', 'fact_sales_line', 'sales_line_id'],
  ]),
  ...keys('fact_inventory_snapshot', [
    ['date_key', 'dim_date', 'date_key'],
    ['store_key', 'dim_store', 'store_key'],
    ['product_key', 'dim_product', 'product_key'],
  ]),
  ...keys('fact_purchase_line', [
    ['date_key', 'dim_date', 'date_key'],
    ['expected_date_key', 'dim_date', 'date_key'],
    ['received_date_key', 'dim_date', 'date_key'],
    ['supplier_key', 'dim_supplier', 'supplier_key'],
    ['store_key', 'dim_store', 'store_key'],
    ['product_key', 'dim_product', 'product_key'],
  ]),
  ...keys('fact_ledger_posting', [
    ['date_key', 'dim_date', 'date_key'],
    ['account_code', 'dim_account', 'account_code'],
    ['store_key', 'dim_store', 'store_key'],
  ]),
  ...keys('dim_store', [['region_key', 'dim_region', 'region_key']]),
  ...keys('dim_product', [['supplier_key', 'dim_supplier', 'supplier_key']]),
];

export const MONTH_BY_REGION = `
SELECT d.year_month, s.region_name, SUM(f.net_amount) AS revenue, SUM(f.quantity) AS units
FROM curated.sales_lines f
JOIN curated.dates d ON d.date_key = f.date_key
JOIN curated.stores s ON s.store_key = f.store_key
GROUP BY d.year_month, s.region_name
ORDER BY d.year_month, s.region_name`;
