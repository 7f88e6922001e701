/**
 * Every table the demo writes, described for loaders (DDL), docs and tests. ERP tables live in
 * `erp/`, the finance side in `ledger/`; each CSV's header is exactly its columns in this order.
 */
import {
  channelsTable,
  customersTable,
  productsTable,
  promotionsTable,
  regionsTable,
  salespeopleTable,
  storesTable,
  suppliersTable,
} from './erp-master-tables.ts';
import { ledgerTables } from './ledger-tables.ts';
import { changeTracking, col, opt, type TableSpec } from './table-spec.ts';

export type { ColumnSpec, TableSpec } from './table-spec.ts';
export { tableFile } from './table-spec.ts';

export const salesOrdersTable: TableSpec = {
  name: 'sales_orders',
  folder: 'erp',
  description: 'Sales order headers: one per till receipt, web order or wholesale order',
  primaryKey: ['sales_order_id'],
  columns: [
    col('sales_order_id', 'int', 'Order key'),
    col('order_number', 'nvarchar(16)', 'Order number, e.g. SO00001234'),
    col('order_date', 'date', 'Date of sale'),
    col('order_datetime', 'datetime2', 'Time of sale (local store time)'),
    col('store_id', 'int', 'Selling location', 'stores.store_id'),
    col('channel_id', 'int', 'Channel', 'channels.channel_id'),
    opt('customer_id', 'int', 'Customer, NULL for anonymous walk-in sales', 'customers.customer_id'),
    opt('salesperson_id', 'int', 'Salesperson, NULL online', 'salespeople.salesperson_id'),
    opt('promotion_id', 'int', 'Promotion applied to at least one line', 'promotions.promotion_id'),
    col('line_count', 'int', 'Number of lines'),
    col('total_amount', 'decimal(12,2)', 'Sum of the lines net amounts, USD'),
    ...changeTracking('order'),
  ],
};

export const salesOrderLinesTable: TableSpec = {
  name: 'sales_order_lines',
  folder: 'erp',
  description: 'Sales order lines: one SKU in one size',
  primaryKey: ['sales_order_line_id'],
  columns: [
    col('sales_order_line_id', 'int', 'Line key'),
    col('sales_order_id', 'int', 'Order', 'sales_orders.sales_order_id'),
    col('line_number', 'int', 'Position on the order, from 1'),
    col('sku_id', 'int', 'SKU sold', 'products.sku_id'),
    col('size', 'nvarchar(8)', "EU size, e.g. '38', or 'OS' for one-size accessories"),
    col('quantity', 'int', 'Units (pairs)'),
    col('unit_price', 'decimal(10,2)', 'Price per unit before discount, USD'),
    col('discount_pct', 'decimal(5,2)', 'Promotion discount, percent'),
    col('discount_amount', 'decimal(12,2)', 'Discount on the line, USD'),
    col('net_amount', 'decimal(12,2)', 'quantity x unit_price - discount_amount, USD'),
    col('unit_cost', 'decimal(10,2)', 'Standard cost per unit on the day of sale, USD'),
    ...changeTracking('order line'),
  ],
};

export const returnsTable: TableSpec = {
  name: 'returns',
  folder: 'erp',
  description: 'Units brought or sent back, each linked to the order line it came from',
  primaryKey: ['return_id'],
  columns: [
    col('return_id', 'int', 'Return key'),
    col('sales_order_line_id', 'int', 'Line returned', 'sales_order_lines.sales_order_line_id'),
    col('sales_order_id', 'int', 'Order of that line', 'sales_orders.sales_order_id'),
    col('sku_id', 'int', 'SKU returned', 'products.sku_id'),
    col(
      'store_id',
      'int',
      'Location that took the return (online and wholesale: the warehouse)',
      'stores.store_id',
    ),
    col('return_date', 'date', 'Date received'),
    col('quantity', 'int', 'Units returned'),
    col('reason', 'nvarchar(30)', "e.g. 'too small', 'too large', 'defective', 'changed mind'"),
    col('refund_amount', 'decimal(12,2)', 'Money refunded, USD'),
    col('restocked', 'bit', '1 when the units went back into stock'),
    ...changeTracking('return'),
  ],
};

export const inventorySnapshotsTable: TableSpec = {
  name: 'inventory_snapshots',
  folder: 'erp',
  description: 'End-of-day stock per SKU per stocking location (daily, or weekly at small scales)',
  primaryKey: ['snapshot_date', 'store_id', 'sku_id'],
  columns: [
    col('snapshot_date', 'date', 'Day the stock was counted, at close'),
    col('store_id', 'int', 'Stocking location (a store or the warehouse)', 'stores.store_id'),
    col('sku_id', 'int', 'SKU', 'products.sku_id'),
    col('quantity_on_hand', 'int', 'Units in stock'),
    col('quantity_on_order', 'int', 'Units ordered from suppliers, not yet received'),
    col('unit_cost', 'decimal(10,2)', 'Standard cost per unit that day, USD'),
    col('stock_value', 'decimal(14,2)', 'quantity_on_hand x unit_cost, USD'),
    ...changeTracking('snapshot row'),
  ],
};

export const purchaseOrdersTable: TableSpec = {
  name: 'purchase_orders',
  folder: 'erp',
  description: 'Orders to suppliers, delivered straight to the ordering location',
  primaryKey: ['purchase_order_id'],
  columns: [
    col('purchase_order_id', 'int', 'Purchase order key'),
    col('po_number', 'nvarchar(16)', 'PO number, e.g. PO0001234'),
    col('supplier_id', 'int', 'Supplier', 'suppliers.supplier_id'),
    col('store_id', 'int', 'Deliver-to location', 'stores.store_id'),
    col('order_date', 'date', 'Date ordered'),
    col('expected_date', 'date', 'Date promised'),
    opt('received_date', 'date', 'Date delivered, NULL while open'),
    col('status', 'nvarchar(12)', "'open' or 'received'"),
    col('line_count', 'int', 'Number of lines'),
    col('total_cost', 'decimal(14,2)', 'Sum of line costs as ordered, USD'),
    ...changeTracking('purchase order'),
  ],
};

export const purchaseOrderLinesTable: TableSpec = {
  name: 'purchase_order_lines',
  folder: 'erp',
  description: 'Purchase order lines',
  primaryKey: ['purchase_order_line_id'],
  columns: [
    col('purchase_order_line_id', 'int', 'Line key'),
    col('purchase_order_id', 'int', 'Purchase order', 'purchase_orders.purchase_order_id'),
    col('line_number', 'int', 'Position on the order, from 1'),
    col('sku_id', 'int', 'SKU ordered', 'products.sku_id'),
    col('quantity_ordered', 'int', 'Units ordered'),
    opt('quantity_received', 'int', 'Units delivered (can be short), NULL while open'),
    col('unit_cost', 'decimal(10,2)', "Supplier's price per unit on the order date, USD"),
    col('line_cost', 'decimal(14,2)', 'quantity_ordered x unit_cost, USD'),
    ...changeTracking('purchase order line'),
  ],
};

export const erpTables: readonly TableSpec[] = [
  regionsTable,
  storesTable,
  channelsTable,
  suppliersTable,
  productsTable,
  customersTable,
  salespeopleTable,
  promotionsTable,
  salesOrdersTable,
  salesOrderLinesTable,
  returnsTable,
  inventorySnapshotsTable,
  purchaseOrdersTable,
  purchaseOrderLinesTable,
];

/** Every table the generator writes, ERP first, in manifest order. */
export const demoTables: readonly TableSpec[] = [...erpTables, ...ledgerTables];

export function tableSpec(name: string): TableSpec {
  const table = demoTables.find((t) => t.name === name);
  if (!table) throw new Error(`no demo table named ${name}`);
  return table;
}
