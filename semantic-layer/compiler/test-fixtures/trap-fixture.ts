/**
 * The trap fixture: the model in trap-fixture-model.yaml and small, deterministic data for it,
 * loaded the same way into DuckDB and Postgres. The data holds the traps' cases: orders without a
 * store (NULL region), customers without a segment, orders without an amount, a leap day, ISO
 * week 53 of 2020, quarter and fiscal-year edges, two empty months (Aug-Sep 2023), stock
 * snapshots missing on some month ends.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import type { Warehouse } from '../../../db/warehouse.ts';
import { modelFileSchema } from '../../model/model-file.ts';
import { mergeModelFiles, type SemanticLayerModel } from '../../model/semantic-layer-model.ts';
import { addDays } from '../../query/calendar-dates.ts';

export function trapFixtureModel(): SemanticLayerModel {
  const text = readFileSync(new URL('./trap-fixture-model.yaml', import.meta.url), 'utf8');
  return mergeModelFiles([{ content: modelFileSchema.parse(parse(text)) }]);
}

function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
}

type Value = string | number | null;
const literal = (v: Value) => (v === null ? 'NULL' : typeof v === 'number' ? String(v) : `'${v}'`);

function insert(table: string, rows: Value[][]): string {
  return `INSERT INTO fx.${table} VALUES ${rows.map((r) => `(${r.map(literal).join(', ')})`).join(', ')}`;
}

const FORCED = [
  '2020-12-31',
  '2021-01-01',
  '2021-01-03',
  '2024-02-29',
  '2023-12-31',
  '2024-01-01',
  '2024-03-31',
  '2024-04-01',
  '2024-06-30',
  '2024-07-01',
  '2025-02-28',
  '2025-03-14',
];
const EMPTY = (day: string) => (day >= '2023-08-01' && day <= '2023-09-30') || day.startsWith('2022-02');

export function trapFixtureStatements(): string[] {
  const next = random(20260101);
  const orders: Value[][] = [];
  const returns: Value[][] = [];
  for (let day = '2020-12-01'; day <= '2025-03-31'; day = addDays(day, 1)) {
    if (EMPTY(day)) continue;
    const count = (next() < 0.4 ? 1 : 0) + (FORCED.includes(day) ? 1 : 0);
    for (let k = 0; k < count; k++) {
      const id = orders.length + 1;
      const gross = Math.round(next() * 30000) / 100 + 5;
      const discount = Math.round(next() * gross * 20) / 100;
      const amount = id % 23 === 0 ? null : Math.round((gross - discount) * 100) / 100;
      const store = id % 17 === 0 ? null : 1 + Math.floor(next() * 5);
      const channel = ['online', 'store', 'wholesale'][Math.floor(next() * 3)] as string;
      const units = 1 + Math.floor(next() * 5);
      orders.push([id, day, 1 + Math.floor(next() * 8), store, amount, gross, discount, units, channel]);
      if (id % 5 === 0) {
        returns.push([
          returns.length + 1,
          addDays(day, 3),
          store,
          1 + (id % 8),
          Math.round((amount ?? 20) * 50) / 100,
          1 + (id % 2),
          id % 2 ? 'size' : 'colour',
        ]);
      }
    }
  }
  const stock: Value[][] = [];
  for (let day = '2024-01-01'; day <= '2024-06-30'; day = addDays(day, 1)) {
    if (day === '2024-03-31' || day === '2024-05-01') continue;
    for (const store of [1, 2, 3])
      for (const sku of ['A', 'B']) stock.push([day, store, sku, Math.floor(next() * 100)]);
  }
  const visits: Value[][] = Array.from({ length: 12 }, (_, i) => [
    i + 1,
    addDays('2024-05-01', i),
    `C${i % 3}`,
    i % 2 ? 'ads' : 'search',
  ]);
  const clicks: Value[][] = Array.from({ length: 9 }, (_, i) => [
    i + 1,
    addDays('2024-05-01', i),
    `C${i % 3}`,
    i % 2 ? 'mobile' : 'desktop',
  ]);
  return [
    'CREATE SCHEMA fx',
    'CREATE TABLE fx.regions (region_id INTEGER, region_name VARCHAR(40), country VARCHAR(2))',
    'CREATE TABLE fx.stores (store_id INTEGER, store_name VARCHAR(40), city VARCHAR(40), region_id INTEGER)',
    'CREATE TABLE fx.customers (customer_id INTEGER, customer_name VARCHAR(40), segment VARCHAR(20))',
    'CREATE TABLE fx.orders (order_id INTEGER, order_date DATE, customer_id INTEGER, store_id INTEGER, amount DECIMAL(10,2), gross DECIMAL(10,2), discount DECIMAL(10,2), units INTEGER, channel VARCHAR(20))',
    'CREATE TABLE fx.returns (return_id INTEGER, return_date DATE, store_id INTEGER, customer_id INTEGER, refund DECIMAL(10,2), units INTEGER, reason VARCHAR(20))',
    'CREATE TABLE fx.stock (snapshot_date DATE, store_id INTEGER, sku VARCHAR(5), on_hand INTEGER)',
    'CREATE TABLE fx.visits (visit_id INTEGER, visit_date DATE, campaign_code VARCHAR(5), source VARCHAR(10))',
    'CREATE TABLE fx.clicks (click_id INTEGER, click_date DATE, campaign_code VARCHAR(5), device VARCHAR(10))',
    insert('regions', [
      [1, 'North', 'ES'],
      [2, 'Centre', 'ES'],
      [3, 'West', 'PT'],
      [4, 'Islands', 'ES'],
    ]),
    insert('stores', [
      [1, 'Bilbao Centro', 'Bilbao', 1],
      [2, 'Madrid Sol', 'Madrid', 2],
      [3, 'Lisboa Chiado', 'Lisboa', 3],
      [4, 'Porto Ribeira', 'Porto', 3],
      [5, 'Web Hub', 'Madrid', null],
    ]),
    insert(
      'customers',
      Array.from({ length: 8 }, (_, i) => [
        i + 1,
        `Customer ${i + 1}`,
        i >= 6 ? null : i % 2 ? 'retail' : 'trade',
      ]),
    ),
    insert('orders', orders),
    insert('returns', returns),
    insert('stock', stock),
    insert('visits', visits),
    insert('clicks', clicks),
  ];
}

export async function loadTrapFixture(warehouse: Warehouse): Promise<void> {
  for (const statement of trapFixtureStatements()) await warehouse.execute(statement);
}
