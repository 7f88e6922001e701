/** A small ERP table spec for the Glue tests: every kind of column the pipeline stages. */
import type { SourceTable } from '../sources/extract-source.ts';

export const TEST_ORDERS: SourceTable = {
  name: 'sales_orders',
  columns: [
    { name: 'sales_order_id', type: 'int', nullable: false },
    { name: 'order_number', type: 'nvarchar(16)', nullable: false },
    { name: 'order_date', type: 'date', nullable: false },
    { name: 'order_datetime', type: 'datetime2', nullable: false },
    { name: 'customer_id', type: 'int', nullable: true },
    { name: 'total_amount', type: 'decimal(12,2)', nullable: false },
    { name: 'note', type: 'nvarchar(40)', nullable: true },
    { name: 'row_version', type: 'bigint', nullable: false },
  ],
  primaryKey: ['sales_order_id'],
  watermarkColumn: 'row_version',
  dayColumn: 'order_date',
  sumColumns: ['total_amount'],
};

export const TEST_REGIONS: SourceTable = {
  name: 'regions',
  columns: [
    { name: 'region_id', type: 'int', nullable: false },
    { name: 'region_name', type: 'nvarchar(40)', nullable: false },
    { name: 'row_version', type: 'bigint', nullable: false },
  ],
  primaryKey: ['region_id'],
  watermarkColumn: 'row_version',
  sumColumns: [],
};
