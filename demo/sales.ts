/**
 * One day of selling: for each open location, draw the number of orders from the demand model,
 * fill each with SKUs (drawn by demand weight, only from stock), sizes, quantities, prices and
 * promotion discounts; then sort the day's orders by time and hand them to the writer.
 */
import type { Product } from './catalog.ts';
import { costOn } from './catalog.ts';
import type { CustomerRegistry } from './customers.ts';
import type { DemandModel } from './demand.ts';
import { ORDER_SHAPE } from './demand-curves.ts';
import type { InventoryBook } from './inventory.ts';
import type { Store } from './locations.ts';
import type { PromotionCalendar } from './promotions.ts';
import type { Random } from './random.ts';
import type { DraftLine, DraftOrder, SalesWriter } from './sales-writer.ts';
import { activeStaff, type Salesperson } from './staff.ts';
import type { Timeline } from './timeline.ts';

/** Marks an order whose customer is created when the order is written (first purchase). */
export const NEW_CUSTOMER = -1;

export class SalesDesk {
  private readonly cumulative: Float64Array;
  private readonly sizeCumulative: Float64Array[];

  constructor(
    private readonly model: DemandModel,
    private readonly book: InventoryBook,
    private readonly promos: PromotionCalendar,
    private readonly customers: CustomerRegistry,
    private readonly staff: readonly Salesperson[],
    private readonly timeline: Timeline,
    private readonly rng: Random,
    private readonly writer: SalesWriter,
  ) {
    this.cumulative = new Float64Array(model.products.length);
    this.sizeCumulative = model.products.map((p) => {
      let sum = 0;
      return Float64Array.from(p.sizeWeights, (w) => (sum += w));
    });
  }

  day(day: number): void {
    const orders: DraftOrder[] = [];
    for (const store of this.model.selling) {
      const expected = this.model.expectedLines(store, day);
      if (expected <= 0) continue;
      const count = this.rng.poisson(expected / this.model.meanLinesPerOrder(store));
      if (count === 0) continue;
      if (this.model.weights(store, day, this.cumulative, true) <= 0) continue;
      const staff = activeStaff(this.staff, store.id, day);
      for (let i = 0; i < count; i++) {
        const order = this.draftOrder(store, day, staff);
        if (order) orders.push(order);
      }
    }
    orders.sort((a, b) => a.second - b.second);
    this.writer.writeDay(day, orders);
  }

  private draftOrder(store: Store, day: number, staff: readonly Salesperson[]): DraftOrder | undefined {
    const rng = this.rng;
    const skus = this.model.assortments.skus(store.id);
    const wholesale = store.type === 'wholesale';
    const lineCount = wholesale
      ? Math.min(20, ORDER_SHAPE.wholesale.baseLines + rng.poisson(ORDER_SHAPE.wholesale.extraLines))
      : Math.min(
          5,
          1 +
            rng.poisson(
              store.type === 'online' ? ORDER_SHAPE.online.extraLines : ORDER_SHAPE.store.extraLines,
            ),
        );
    const lines: DraftLine[] = [];
    let promotionId: number | null = null;
    for (let j = 0; j < lineCount; j++) {
      for (let attempt = 0; attempt < 3; attempt++) {
        const k = skus[rng.pickCumulative(this.cumulative, skus.length)] ?? 0;
        const product = this.model.products[k] as Product;
        if (lines.some((l) => l.product === product)) continue;
        const wanted = wholesale ? 6 * rng.int(1, 3) : rng.chance(0.9) ? 1 : rng.chance(0.9) ? 2 : 3;
        const qty = this.book.take(this.book.pair(store.stockLocationId, k), wanted);
        if (qty === 0) continue; // out of stock here: the customer looks at something else
        const size = product.sizes[rng.pickCumulative(this.sizeCumulative[k] as Float64Array)] ?? 'OS';
        const unitPrice = wholesale ? product.wholesalePrice : product.listPrice;
        const promo = this.promos.best(day, store.channelId, product.category);
        const discountPct = promo?.discountPct ?? 0;
        const gross = qty * unitPrice;
        const discount = Math.round((gross * discountPct) / 100);
        if (promo && promotionId === null) promotionId = promo.id;
        const cost = costOn(product, day, this.timeline);
        lines.push({ product, size, qty, unitPrice, discountPct, discount, net: gross - discount, cost });
        break;
      }
    }
    if (lines.length === 0) return undefined;
    const { customerId, salespersonId } = this.who(store, staff);
    return { store, second: this.timeOfDay(store, day), customerId, salespersonId, promotionId, lines };
  }

  private who(
    store: Store,
    staff: readonly Salesperson[],
  ): { customerId: number | null; salespersonId: number | null } {
    const rng = this.rng;
    if (store.type === 'wholesale') {
      const accounts = this.customers.wholesaleAccounts;
      const index = Math.floor(rng.next() * accounts.length);
      const manager = staff.length > 0 ? (staff[index % staff.length]?.id ?? null) : null;
      return { customerId: accounts[index] ?? null, salespersonId: manager };
    }
    const salespersonId = store.type === 'store' && staff.length > 0 ? rng.pick(staff).id : null;
    if (store.type === 'store' && rng.chance(0.4)) return { customerId: null, salespersonId }; // walk-in
    const known = rng.chance(store.type === 'online' ? 0.75 : 0.8)
      ? this.customers.pick(store.id, rng)
      : undefined;
    return { customerId: known ?? NEW_CUSTOMER, salespersonId };
  }

  /** Seconds after midnight: stores 10-20 (Sundays 11-18) peaking mid-afternoon, online all day. */
  private timeOfDay(store: Store, day: number): number {
    const rng = this.rng;
    const hump = (rng.next() + rng.next()) / 2;
    if (store.type === 'wholesale') return rng.int(8 * 3600, 17 * 3600 - 1);
    if (store.type === 'online')
      return rng.chance(0.75) ? Math.floor((7 + 16 * hump) * 3600) : rng.int(0, 86_399);
    const sunday = (((day + 4) % 7) + 7) % 7 === 0;
    const [open, close] = sunday ? [11, 18] : [10, 20];
    return Math.floor((open + (close - open) * hump) * 3600);
  }
}
