/**
 * The ERP history, one day at a time: deliveries arrive, returns come back, the day's sales are
 * made from stock, stores review their stock and order more, and the end-of-day stock is
 * written. Everything streams to CSV; what the ledger needs is kept as daily totals.
 */
import { join } from 'node:path';
import { SIZE_STORY_SKU } from './catalog-lines.ts';
import { CsvWriter } from './csv-writer.ts';
import { CustomerRegistry } from './customers.ts';
import { DailyFacts } from './daily-facts.ts';
import { DemandModel } from './demand.ts';
import { tableSpec } from './erp-tables.ts';
import { InventoryBook } from './inventory.ts';
import type { MasterData } from './master-data.ts';
import type { ProgressReporter } from './progress.ts';
import { PromotionCalendar } from './promotions.ts';
import { PurchaseOrderWriter } from './purchase-order-writer.ts';
import { Purchasing } from './purchasing.ts';
import type { Random } from './random.ts';
import { ReturnDesk } from './returns.ts';
import { SalesDesk } from './sales.ts';
import { SalesWriter } from './sales-writer.ts';
import { isSnapshotDay, type Timeline } from './timeline.ts';

export const LINES_PER_SCALE = 1_000_000;

const STREAMED_TABLES = [
  'customers',
  'sales_orders',
  'sales_order_lines',
  'returns',
  'inventory_snapshots',
  'purchase_orders',
  'purchase_order_lines',
] as const;

export interface SimulationResult {
  facts: DailyFacts;
  rows: Map<string, number>;
  wholesaleNames: ReadonlyMap<number, string>;
}

export function simulate(
  master: MasterData,
  timeline: Timeline,
  scale: number,
  rng: Random,
  erpDir: string,
  progress: ProgressReporter,
): SimulationResult {
  const writers = new Map(
    STREAMED_TABLES.map((name) => [
      name,
      new CsvWriter(
        join(erpDir, `${name}.csv`),
        tableSpec(name).columns.map((c) => c.name),
      ),
    ]),
  );
  const writer = (name: (typeof STREAMED_TABLES)[number]): CsvWriter => writers.get(name) as CsvWriter;
  try {
    const { stores, products } = master;
    const promos = new PromotionCalendar(master.promotions);
    const model = new DemandModel(products, stores, promos, timeline, rng.fork('assortment'));
    model.calibrate(LINES_PER_SCALE * scale);
    const facts = new DailyFacts(timeline.firstDay, timeline.days, Math.max(...stores.map((s) => s.id)) + 1);
    const customers = new CustomerRegistry(rng.fork('customers'), writer('customers'));
    customers.seedPrehistory(stores, timeline, scale);
    const stocking = stores.filter((s) => s.type === 'store' || s.type === 'warehouse');
    const book = new InventoryBook(stocking, model.assortments, products, timeline);
    const poWriter = new PurchaseOrderWriter(writer('purchase_orders'), writer('purchase_order_lines'));
    const minStock = scale >= 0.5 ? 2 : 1;
    const purchasing = new Purchasing(
      model,
      book,
      products,
      timeline,
      rng.fork('purchasing'),
      poWriter,
      facts,
      minStock,
    );
    const storySku = products.find((p) => p.code === SIZE_STORY_SKU.skuCode);
    if (!storySku) throw new Error(`the story SKU ${SIZE_STORY_SKU.skuCode} is missing from the catalog`);
    const isOpen = model.isOpen.bind(model);
    const returns = new ReturnDesk(
      rng.fork('returns'),
      timeline,
      storySku.id,
      isOpen,
      book,
      facts,
      writer('returns'),
    );
    const salesWriter = new SalesWriter(
      writer('sales_orders'),
      writer('sales_order_lines'),
      customers,
      returns,
      facts,
    );
    const sales = new SalesDesk(
      model,
      book,
      promos,
      customers,
      master.staff,
      timeline,
      rng.fork('sales'),
      salesWriter,
    );
    const opened = new Map(stores.map((s) => [s.id, s.opened]));

    purchasing.openingStock();
    progress.start('sales', timeline.days);
    for (let day = timeline.firstDay; day <= timeline.asOf; day++) {
      if (day === timeline.costRise) {
        facts.revaluations.set(day, book.valueCents(day) - book.valueCents(day - 1));
      }
      purchasing.receive(day);
      returns.process(day);
      sales.day(day);
      purchasing.review(day);
      if (isSnapshotDay(timeline, scale, day)) book.writeSnapshot(day, opened, writer('inventory_snapshots'));
      progress.report(day - timeline.firstDay + 1);
    }
    purchasing.finish();
    for (const w of writers.values()) w.close();
    return {
      facts,
      rows: new Map([...writers].map(([name, w]) => [name, w.rows])),
      wholesaleNames: customers.wholesaleNames,
    };
  } finally {
    for (const w of writers.values()) w.close();
  }
}
