/**
 * Test data: edits a copied demo's ERP files the way the ERP itself changes between two runs,
 * for the incremental and crash tests.
 */
import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { AS_OF } from './etl-test-support.ts';

/** Edits the copied demo ERP files as the ERP would change: two new orders with a line each, an update, a late return. */
export function changeTheErp(home: string): void {
  const file = (table: string) => path.join(home, 'demo', 'erp', `${table}.csv`);
  const rows = (table: string) => readFileSync(file(table), 'utf8').trimEnd().split('\n');
  const maxOf = (lines: string[], column: number) =>
    Math.max(...lines.slice(1).map((l) => Number(l.split(',')[column])));

  const orders = rows('sales_orders');
  const header = (orders[0] ?? '').split(',');
  const at = (name: string) => header.indexOf(name);
  let version = maxOf(orders, at('row_version'));
  const firstId = maxOf(orders, 0) + 1;
  const template = (orders[1] ?? '').split(',');
  const stamp = `${AS_OF} 10:00:00`;
  // The update: order 1's amount changes, with a higher row_version.
  template[at('total_amount')] = '999.99';
  template[at('modified_at')] = stamp;
  template[at('row_version')] = String(++version);
  orders[1] = template.join(',');
  for (const n of [0, 1]) {
    const order = [...template];
    order[0] = String(firstId + n);
    order[at('order_number')] = `SONEW${n}`;
    order[at('order_date')] = AS_OF;
    order[at('order_datetime')] = stamp;
    order[at('total_amount')] = '10.00';
    order[at('row_version')] = String(++version);
    orders.push(order.join(','));
  }
  writeFileSync(file('sales_orders'), `${orders.join('\n')}\n`);

  const lines = rows('sales_order_lines');
  const lineHeader = (lines[0] ?? '').split(',');
  let lineVersion = maxOf(lines, lineHeader.indexOf('row_version'));
  const lineId = maxOf(lines, 0) + 1;
  for (const n of [0, 1]) {
    const line = (lines[1] ?? '').split(',');
    line[0] = String(lineId + n);
    line[lineHeader.indexOf('sales_order_id')] = String(firstId + n);
    line[lineHeader.indexOf('modified_at')] = stamp;
    line[lineHeader.indexOf('row_version')] = String(++lineVersion);
    appendFileSync(file('sales_order_lines'), `${line.join(',')}\n`);
  }

  const returns = rows('returns');
  const returnHeader = (returns[0] ?? '').split(',');
  const late = (returns[1] ?? '').split(',');
  late[0] = String(maxOf(returns, 0) + 1);
  late[returnHeader.indexOf('return_date')] = AS_OF;
  late[returnHeader.indexOf('modified_at')] = stamp;
  late[returnHeader.indexOf('row_version')] = String(maxOf(returns, returnHeader.indexOf('row_version')) + 1);
  appendFileSync(file('returns'), `${late.join(',')}\n`);
}
