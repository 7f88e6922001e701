/**
 * Writes a day's orders in time order: numbers orders and lines, creates first-time customers,
 * records the day's totals for the ledger and lets the return desk decide which lines come back.
 */
import type { Product } from './catalog.ts';
import { type CsvWriter, money } from './csv-writer.ts';
import type { CustomerRegistry } from './customers.ts';
import type { DailyFacts } from './daily-facts.ts';
import { isoDateTime, isoDay } from './dates.ts';
import type { Store } from './locations.ts';
import type { ReturnDesk } from './returns.ts';

export interface DraftLine {
  product: Product;
  size: string;
  qty: number;
  /** All amounts in cents. */
  unitPrice: number;
  discountPct: number;
  discount: number;
  net: number;
  cost: number;
}

export interface DraftOrder {
  store: Store;
  second: number;
  /** null for a walk-in, -1 for a customer created at this purchase. */
  customerId: number | null;
  salespersonId: number | null;
  promotionId: number | null;
  lines: DraftLine[];
}

export class SalesWriter {
  private nextOrderId = 1;
  private nextLineId = 1;

  constructor(
    private readonly orders: CsvWriter,
    private readonly orderLines: CsvWriter,
    private readonly customers: CustomerRegistry,
    private readonly returns: ReturnDesk,
    private readonly facts: DailyFacts,
  ) {}

  get lineCount(): number {
    return this.nextLineId - 1;
  }

  writeDay(day: number, drafts: readonly DraftOrder[]): void {
    const date = isoDay(day);
    for (const o of drafts) {
      const orderId = this.nextOrderId++;
      const customerId = o.customerId === -1 ? this.customers.create(o.store, day, o.second) : o.customerId;
      const stamp = isoDateTime(day, o.second);
      let total = 0;
      let gross = 0;
      let discount = 0;
      let cogs = 0;
      for (let j = 0; j < o.lines.length; j++) {
        const l = o.lines[j] as DraftLine;
        const lineId = this.nextLineId++;
        total += l.net;
        gross += l.qty * l.unitPrice;
        discount += l.discount;
        cogs += l.qty * l.cost;
        this.orderLines.line(
          `${lineId},${orderId},${j + 1},${l.product.id},${l.size},${l.qty},${money(l.unitPrice)},${l.discountPct}.00,${money(l.discount)},${money(l.net)},${money(l.cost)},${stamp},${lineId}`,
        );
        this.returns.consider({
          lineId,
          orderId,
          product: l.product,
          size: l.size,
          qty: l.qty,
          netCents: l.net,
          day,
          store: o.store,
        });
      }
      this.facts.addSale(day, o.store.id, gross, discount, cogs);
      if (o.store.type === 'wholesale' && customerId !== null)
        this.facts.addWholesale(day, customerId, total);
      this.orders.line(
        `${orderId},SO${String(orderId).padStart(8, '0')},${date},${stamp},${o.store.id},${o.store.channelId},${customerId ?? ''},${o.salespersonId ?? ''},${o.promotionId ?? ''},${o.lines.length},${money(total)},${stamp},${orderId}`,
      );
    }
  }
}
