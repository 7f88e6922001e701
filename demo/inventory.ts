/**
 * Stock per SKU per stocking location (each physical store for its own range, the central
 * warehouse for everything). Sales take from it, receipts and restocked returns add to it, and
 * end-of-day snapshots are written from it, so snapshots always agree with the movements.
 */
import type { Assortments } from './assortment.ts';
import { costOn, isOnSale, type Product } from './catalog.ts';
import { type CsvWriter, money } from './csv-writer.ts';
import { isoDay } from './dates.ts';
import type { Store } from './locations.ts';
import type { Timeline } from './timeline.ts';

export class InventoryBook {
  readonly pairStore: Int32Array;
  readonly pairSku: Int32Array;
  readonly onHand: Int32Array;
  readonly onOrder: Int32Array;
  private readonly index: Int32Array;
  private rowVersion = 0;

  constructor(
    readonly stockingLocations: readonly Store[],
    assortments: Assortments,
    private readonly products: readonly Product[],
    private readonly timeline: Timeline,
  ) {
    const maxId = Math.max(...stockingLocations.map((s) => s.id)) + 1;
    this.index = new Int32Array(maxId * products.length).fill(-1);
    const stores: number[] = [];
    const skus: number[] = [];
    for (const loc of stockingLocations) {
      for (const k of assortments.skus(loc.id)) {
        this.index[loc.id * products.length + k] = stores.length;
        stores.push(loc.id);
        skus.push(k);
      }
    }
    this.pairStore = Int32Array.from(stores);
    this.pairSku = Int32Array.from(skus);
    this.onHand = new Int32Array(stores.length);
    this.onOrder = new Int32Array(stores.length);
  }

  get pairs(): number {
    return this.pairSku.length;
  }

  /** Pair index of a SKU at a stocking location, -1 if that location does not stock it. */
  pair(storeId: number, productIndex: number): number {
    return this.index[storeId * this.products.length + productIndex] ?? -1;
  }

  /** Takes up to `qty` units and returns how many were there to take. */
  take(pair: number, qty: number): number {
    const have = this.onHand[pair] ?? 0;
    const taken = Math.min(have, qty);
    this.onHand[pair] = have - taken;
    return taken;
  }

  add(pair: number, qty: number): void {
    this.onHand[pair] = (this.onHand[pair] ?? 0) + qty;
  }

  /** Stock value at standard cost on a day, cents. */
  valueCents(day: number): number {
    let total = 0;
    for (let p = 0; p < this.pairs; p++) {
      const product = this.products[this.pairSku[p] ?? 0];
      if (product) total += (this.onHand[p] ?? 0) * costOn(product, day, this.timeline);
    }
    return total;
  }

  /** Writes one row per pair that has stock, stock on order, or is on sale at an open location. */
  writeSnapshot(day: number, opened: ReadonlyMap<number, number>, writer: CsvWriter): void {
    const date = isoDay(day);
    const stamp = `${date} 23:59:00`;
    for (let p = 0; p < this.pairs; p++) {
      const product = this.products[this.pairSku[p] ?? 0];
      if (!product) continue;
      const storeId = this.pairStore[p] ?? 0;
      const qty = this.onHand[p] ?? 0;
      const ordered = this.onOrder[p] ?? 0;
      if (qty === 0 && ordered === 0 && !(day >= (opened.get(storeId) ?? 0) && isOnSale(product, day)))
        continue;
      const cost = costOn(product, day, this.timeline);
      writer.line(
        `${date},${storeId},${product.id},${qty},${ordered},${money(cost)},${money(qty * cost)},${stamp},${++this.rowVersion}`,
      );
    }
  }
}
