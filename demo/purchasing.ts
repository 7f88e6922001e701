/**
 * Replenishment: each stocking location reviews its stock once a week and orders, per supplier,
 * enough to cover forecast demand until the following delivery plus a safety margin. Orders
 * arrive after the supplier's lead time (sometimes late or short) and are written when received;
 * orders still in transit on asOf are written as 'open' at the end.
 */
import { costOn, isOnSale, type Product } from './catalog.ts';
import type { DailyFacts } from './daily-facts.ts';
import type { DemandModel } from './demand.ts';
import { forecastUnits } from './forecast.ts';
import type { InventoryBook } from './inventory.ts';
import type { Store } from './locations.ts';
import type { PurchaseOrder, PurchaseOrderWriter } from './purchase-order-writer.ts';
import type { Random } from './random.ts';
import { supplierById } from './suppliers.ts';
import type { Timeline } from './timeline.ts';

const REVIEW_DAYS = 7;
const SAFETY_DAYS = 5;

export class Purchasing {
  private readonly arriving = new Map<number, PurchaseOrder[]>();
  private readonly ranges = new Map<number, [number, number]>();
  private readonly sellers = new Map<number, Store[]>();
  private readonly endOf: Int32Array;
  private readonly scratch: Float64Array;
  private readonly units: Float64Array;

  constructor(
    private readonly model: DemandModel,
    private readonly book: InventoryBook,
    private readonly products: readonly Product[],
    private readonly timeline: Timeline,
    private readonly rng: Random,
    private readonly writer: PurchaseOrderWriter,
    private readonly facts: DailyFacts,
    private readonly minStock: number,
  ) {
    for (let p = 0; p < book.pairs; p++) {
      const id = book.pairStore[p] ?? 0;
      const range = this.ranges.get(id);
      this.ranges.set(id, range ? [range[0], p + 1] : [p, p + 1]);
    }
    for (const loc of book.stockingLocations) {
      this.sellers.set(
        loc.id,
        model.selling.filter((s) => s.stockLocationId === loc.id),
      );
    }
    this.endOf = new Int32Array(products.length);
    this.scratch = new Float64Array(products.length);
    this.units = new Float64Array(products.length);
  }

  /** Fills every shelf to its target on the first day (the stock the history starts with). */
  openingStock(): void {
    for (const loc of this.book.stockingLocations) {
      this.forEachShortfall(loc, this.timeline.firstDay, (pair, qty) => this.book.add(pair, qty));
    }
    this.facts.openingStockCents = this.book.valueCents(this.timeline.firstDay);
  }

  /** Deliveries due today: stock in, PO written as received, supplier invoice recorded. */
  receive(day: number): void {
    for (const po of this.arriving.get(day) ?? []) {
      let invoice = 0;
      let standard = 0;
      for (const line of po.lines) {
        // About one line in 25 of four units or more arrives short.
        const short = line.qty >= 4 && this.rng.chance(0.04);
        line.received = short ? Math.floor(line.qty * this.rng.between(0.75, 0.95)) : line.qty;
        this.book.onOrder[line.pair] = (this.book.onOrder[line.pair] ?? 0) - line.qty;
        this.book.add(line.pair, line.received);
        invoice += line.received * line.unitCost;
        standard += line.received * costOn(line.product, day, this.timeline);
      }
      this.writer.received(po, day);
      this.facts.receipts.push({
        day,
        poNumber: po.number,
        supplierId: po.supplierId,
        storeId: po.storeId,
        invoiceCents: invoice,
        standardCents: standard,
      });
    }
    this.arriving.delete(day);
  }

  /** The weekly review of the locations whose review day is today. */
  review(day: number): void {
    const weekday = (((day + 4) % 7) + 7) % 7;
    for (const loc of this.book.stockingLocations) {
      const reviewDay = loc.type === 'warehouse' ? 1 : 1 + (loc.id % 5);
      if (weekday !== reviewDay) continue;
      const bySupplier = new Map<number, { pair: number; qty: number }[]>();
      this.forEachShortfall(loc, day, (pair, qty) => {
        const product = this.products[this.book.pairSku[pair] ?? 0];
        if (!product) return;
        const rounded =
          loc.type === 'warehouse' && product.category !== 'accessories' ? Math.ceil(qty / 6) * 6 : qty;
        const lines = bySupplier.get(product.supplierId) ?? [];
        bySupplier.set(product.supplierId, lines);
        lines.push({ pair, qty: rounded });
      });
      for (const [supplierId, lines] of [...bySupplier].sort((a, b) => a[0] - b[0]))
        this.order(loc, supplierId, day, lines);
    }
  }

  /** Writes the orders still in transit on asOf. */
  finish(): void {
    for (const day of [...this.arriving.keys()].sort((a, b) => a - b)) {
      for (const po of this.arriving.get(day) ?? []) this.writer.open(po);
    }
  }

  private order(loc: Store, supplierId: number, day: number, lines: { pair: number; qty: number }[]): void {
    const lead = supplierById(supplierId).leadTimeDays;
    const r = this.rng.next();
    const late = r < 0.7 ? 0 : r < 0.9 ? this.rng.int(1, 3) : this.rng.int(4, 10);
    const po = this.writer.create(
      supplierId,
      loc.id,
      day,
      day + lead,
      day + lead + late,
      lines.map(({ pair, qty }) => {
        const product = this.products[this.book.pairSku[pair] ?? 0] as Product;
        this.book.onOrder[pair] = (this.book.onOrder[pair] ?? 0) + qty;
        return { pair, product, qty, unitCost: costOn(product, day, this.timeline), received: 0 };
      }),
    );
    const list = this.arriving.get(po.receiveDay) ?? [];
    list.push(po);
    this.arriving.set(po.receiveDay, list);
  }

  /** Calls `need(pair, qty)` for each SKU at `loc` whose stock plus orders is below target. */
  private forEachShortfall(loc: Store, day: number, need: (pair: number, qty: number) => void): void {
    const [start, end] = this.ranges.get(loc.id) ?? [0, 0];
    for (let p = start; p < end; p++) {
      const k = this.book.pairSku[p] ?? 0;
      const product = this.products[k] as Product;
      this.endOf[k] = day + supplierById(product.supplierId).leadTimeDays + REVIEW_DAYS + SAFETY_DAYS;
    }
    forecastUnits(this.model, this.sellers.get(loc.id) ?? [], day, this.endOf, this.scratch, this.units);
    for (let p = start; p < end; p++) {
      const k = this.book.pairSku[p] ?? 0;
      const product = this.products[k] as Product;
      const windowEnd = this.endOf[k] ?? day;
      const sells = loc.opened <= windowEnd && (isOnSale(product, day) || isOnSale(product, windowEnd));
      if (!sells) continue;
      const mean = this.units[k] ?? 0;
      const target = Math.ceil(mean * 1.5 + 2 * Math.sqrt(mean)) + this.minStock;
      const short = target - (this.book.onHand[p] ?? 0) - (this.book.onOrder[p] ?? 0);
      if (short > 0) need(p, short);
    }
  }
}
