/** The ERP's master-data tables: places, channels, products, people, promotions, suppliers. */
import { changeTracking, col, opt, type TableSpec } from './table-spec.ts';

export const regionsTable: TableSpec = {
  name: 'regions',
  folder: 'erp',
  description: 'Sales regions; National holds the online shop, wholesale and the central warehouse',
  primaryKey: ['region_id'],
  columns: [
    col('region_id', 'int', 'Region key'),
    col('region_code', 'nvarchar(4)', 'Short code, e.g. NE'),
    col('region_name', 'nvarchar(40)', 'Region name, e.g. Northeast'),
    ...changeTracking('region'),
  ],
};

export const storesTable: TableSpec = {
  name: 'stores',
  folder: 'erp',
  description: 'Selling and stocking locations: physical stores, the online shop, wholesale, the warehouse',
  primaryKey: ['store_id'],
  columns: [
    col('store_id', 'int', 'Location key'),
    col('store_code', 'nvarchar(10)', 'Short code, e.g. MT-DEN; also the ledger cost centre'),
    col('store_name', 'nvarchar(80)', 'Display name'),
    col('store_type', 'nvarchar(12)', "'store', 'online', 'wholesale' or 'warehouse'"),
    col('region_id', 'int', 'Region of the location', 'regions.region_id'),
    opt('city', 'nvarchar(40)', 'City (NULL for the online shop)'),
    opt('state', 'nvarchar(2)', 'US state code'),
    col('opened_date', 'date', 'First day open for business'),
    opt('closed_date', 'date', 'Last day open, NULL while open'),
    opt('size_sqft', 'int', 'Sales floor area of a physical store'),
    col('stock_location_id', 'int', 'Location whose stock this one sells from', 'stores.store_id'),
    ...changeTracking('location'),
  ],
};

export const channelsTable: TableSpec = {
  name: 'channels',
  folder: 'erp',
  description: 'Sales channels',
  primaryKey: ['channel_id'],
  columns: [
    col('channel_id', 'int', 'Channel key'),
    col('channel_code', 'nvarchar(12)', "'store', 'online' or 'wholesale'"),
    col('channel_name', 'nvarchar(40)', 'Display name'),
    ...changeTracking('channel'),
  ],
};

export const productsTable: TableSpec = {
  name: 'products',
  folder: 'erp',
  description: 'SKUs: one style in one colour of one line; sizes are chosen on the order line',
  primaryKey: ['sku_id'],
  columns: [
    col('sku_id', 'int', 'SKU key'),
    col('sku_code', 'nvarchar(20)', 'SKU code, e.g. SEG-CHB-BLK'),
    col('product_name', 'nvarchar(120)', 'Line, style and colour'),
    col('category', 'nvarchar(20)', 'boots, oxfords, loafers, sandals, sneakers or accessories'),
    col('line', 'nvarchar(30)', 'Collection (product line), e.g. Segovia'),
    col('style', 'nvarchar(40)', 'Style, e.g. Chelsea boot'),
    col('leather', 'nvarchar(30)', 'Leather, e.g. full-grain calf'),
    col('colour', 'nvarchar(20)', 'Colour'),
    col('gender', 'nvarchar(10)', "'women', 'men' or 'unisex'"),
    col('size_run', 'nvarchar(12)', "Sizes made, e.g. 'EU 36-42', or 'One size'"),
    col('supplier_id', 'int', 'Maker', 'suppliers.supplier_id'),
    col('unit_cost', 'decimal(10,2)', 'Current standard cost per unit, USD'),
    col('list_price', 'decimal(10,2)', 'Retail list price, USD'),
    col('wholesale_price', 'decimal(10,2)', 'Price to wholesale accounts, USD'),
    col('launch_date', 'date', 'First day on sale'),
    opt('discontinued_date', 'date', 'Last day on sale, NULL while current'),
    ...changeTracking('product'),
  ],
};

export const customersTable: TableSpec = {
  name: 'customers',
  folder: 'erp',
  description: 'Known customers; a customer row is created at the first identified purchase',
  primaryKey: ['customer_id'],
  columns: [
    col('customer_id', 'int', 'Customer key'),
    col('customer_code', 'nvarchar(12)', 'Customer number, e.g. C00001234'),
    col('customer_name', 'nvarchar(100)', 'Person or company name'),
    col('segment', 'nvarchar(12)', "'retail', 'loyalty' (loyalty club member) or 'wholesale' (account)"),
    opt('loyalty_tier', 'nvarchar(10)', "'silver' or 'gold' for loyalty members"),
    opt('email', 'nvarchar(120)', 'Contact e-mail (example.com addresses)'),
    opt('city', 'nvarchar(40)', 'City'),
    opt('state', 'nvarchar(2)', 'US state code'),
    opt('home_store_id', 'int', 'Location of the first purchase', 'stores.store_id'),
    col('joined_date', 'date', 'Date the customer was created'),
    ...changeTracking('customer'),
  ],
};

export const salespeopleTable: TableSpec = {
  name: 'salespeople',
  folder: 'erp',
  description: 'Store staff and wholesale account managers',
  primaryKey: ['salesperson_id'],
  columns: [
    col('salesperson_id', 'int', 'Salesperson key'),
    col('employee_code', 'nvarchar(10)', 'Employee number'),
    col('full_name', 'nvarchar(80)', 'Name'),
    col('store_id', 'int', 'Location worked at', 'stores.store_id'),
    col('role', 'nvarchar(40)', 'Job title'),
    col('hired_date', 'date', 'First working day'),
    opt('left_date', 'date', 'Last working day, NULL while employed'),
    ...changeTracking('salesperson'),
  ],
};

export const promotionsTable: TableSpec = {
  name: 'promotions',
  folder: 'erp',
  description: 'Price promotions: a percentage off a category (or everything) for a date range',
  primaryKey: ['promotion_id'],
  columns: [
    col('promotion_id', 'int', 'Promotion key'),
    col('promotion_code', 'nvarchar(20)', 'Code, e.g. BF2025'),
    col('promotion_name', 'nvarchar(80)', 'Name, e.g. Black Friday'),
    col('start_date', 'date', 'First day'),
    col('end_date', 'date', 'Last day'),
    col('discount_pct', 'decimal(5,2)', 'Percentage off the list price'),
    opt('category', 'nvarchar(20)', 'Category it applies to, NULL for all'),
    opt('channel_id', 'int', 'Channel it applies to, NULL for stores and online', 'channels.channel_id'),
    ...changeTracking('promotion'),
  ],
};

export const suppliersTable: TableSpec = {
  name: 'suppliers',
  folder: 'erp',
  description: 'Factories and tanneries the company buys finished goods from',
  primaryKey: ['supplier_id'],
  columns: [
    col('supplier_id', 'int', 'Supplier key'),
    col('supplier_name', 'nvarchar(80)', 'Company name'),
    col('country', 'nvarchar(40)', 'Country'),
    col('lead_time_days', 'int', 'Usual days from order to delivery'),
    col('payment_terms_days', 'int', 'Days from delivery to payment due'),
    col('contact_email', 'nvarchar(120)', 'Orders e-mail'),
    ...changeTracking('supplier'),
  ],
};
