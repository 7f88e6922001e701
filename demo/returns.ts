/**
 * Returns: decided when a line is sold (rate by channel and category, with reasons), then held
 * until the day the goods come back, so the returns table is written in date order. Story 4
 * lives here: one sandal sold in small sizes during June-July of last year comes back 'too small'.
 */
import type { Product } from './catalog.ts';
import { costOn } from './catalog.ts';
import { type CsvWriter, money } from './csv-writer.ts';
import type { DailyFacts } from './daily-facts.ts';
import { isoDateTime, isoDay } from './dates.ts';
import type { InventoryBook } from './inventory.ts';
import { type Store, WAREHOUSE_ID } from './locations.ts';
import type { Random } from './random.ts';
import type { Timeline } from './timeline.ts';

export interface SoldLine {
  lineId: number;
  orderId: number;
  product: Product;
  size: string;
  qty: number;
  netCents: number;
  day: number;
  store: Store;
}

interface Pending extends SoldLine {
  returnDay: number;
  returnStoreId: number;
  returnQty: number;
  reason: string;
  second: number;
}

const STORE_REASONS = [
  'too small',
  'too large',
  'changed mind',
  'defective',
  'not as described',
  'unwanted gift',
];
const STORE_WEIGHTS = [25, 20, 25, 12, 5, 13];
const ONLINE_REASONS = [
  'too small',
  'too large',
  'not as described',
  'changed mind',
  'defective',
  'damaged in transit',
];
const ONLINE_WEIGHTS = [30, 30, 15, 15, 7, 3];
const NOT_RESTOCKED = new Set(['defective', 'damaged in transit']);

export const SIZE_STORY_RETURN_RATE = 0.45;
export const SIZE_STORY_SIZES: readonly string[] = ['35', '36', '37'];

export class ReturnDesk {
  private readonly pending = new Map<number, Pending[]>();
  private nextId = 1;

  constructor(
    private readonly rng: Random,
    private readonly timeline: Timeline,
    private readonly storySkuId: number,
    private readonly isOpen: (store: Store, day: number) => boolean,
    private readonly book: InventoryBook,
    private readonly facts: DailyFacts,
    private readonly writer: CsvWriter,
  ) {}

  /** Decides whether a sold line will come back, and when. */
  consider(line: SoldLine): void {
    const rng = this.rng;
    const { store, product } = line;
    const s = this.timeline.sizeReturns;
    const storyLine =
      product.id === this.storySkuId &&
      line.day >= s.start &&
      line.day <= s.end &&
      SIZE_STORY_SIZES.includes(line.size);
    let reason: string | undefined;
    if (storyLine && rng.chance(SIZE_STORY_RETURN_RATE)) reason = 'too small';
    else {
      const base = store.type === 'online' ? 0.14 : store.type === 'wholesale' ? 0.01 : 0.04;
      const rate = product.category === 'accessories' ? base / 3 : base;
      if (!rng.chance(rate)) return;
      const online = store.type !== 'store';
      reason = online
        ? ONLINE_REASONS[rng.pickWeighted(ONLINE_WEIGHTS)]
        : STORE_REASONS[rng.pickWeighted(STORE_WEIGHTS)];
    }
    let returnDay = line.day + (store.type === 'store' ? rng.int(1, 28) : rng.int(4, 35));
    if (store.type === 'store') {
      for (let tries = 0; tries < 40 && !this.isOpen(store, returnDay); tries++) returnDay++;
    }
    if (returnDay > this.timeline.asOf) return;
    const returnQty = line.qty === 1 || rng.chance(0.7) ? line.qty : rng.int(1, line.qty);
    const second = store.type === 'store' ? rng.int(39_600, 68_400) : rng.int(32_400, 57_600);
    const returnStoreId = store.type === 'store' ? store.id : WAREHOUSE_ID;
    const item: Pending = {
      ...line,
      returnDay,
      returnStoreId,
      returnQty,
      reason: reason ?? 'changed mind',
      second,
    };
    const list = this.pending.get(returnDay) ?? [];
    list.push(item);
    this.pending.set(returnDay, list);
  }

  /** Books today's returns: written in time order, restocked, refunded. */
  process(day: number): void {
    const due = this.pending.get(day);
    if (!due) return;
    this.pending.delete(day);
    due.sort((a, b) => a.second - b.second || a.lineId - b.lineId);
    const date = isoDay(day);
    for (const r of due) {
      const id = this.nextId++;
      const refund = Math.round((r.netCents * r.returnQty) / r.qty);
      const restocked = !NOT_RESTOCKED.has(r.reason);
      if (restocked) this.book.add(this.book.pair(r.returnStoreId, r.product.id - 1), r.returnQty);
      const restockedCost = restocked ? r.returnQty * costOn(r.product, day, this.timeline) : 0;
      this.facts.addReturn(day, r.store.id, refund, restockedCost);
      this.writer.line(
        `${id},${r.lineId},${r.orderId},${r.product.id},${r.returnStoreId},${date},${r.returnQty},${r.reason},${money(refund)},${restocked ? 1 : 0},${isoDateTime(day, r.second)},${id}`,
      );
    }
  }
}
