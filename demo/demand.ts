/**
 * Expected demand: how many order lines each selling location should see on a day, and how those
 * lines spread over its SKUs. Sales draw from it; purchasing forecasts from it. One calibration
 * constant makes the whole history add up to about 1,000,000 lines x scale.
 */
import { type Assortments, buildAssortments } from './assortment.ts';
import type { Product } from './catalog.ts';
import { CATEGORIES, NEW_LINE } from './catalog-lines.ts';
import { dayOf, nthWeekday, partsOf } from './dates.ts';
import {
  CATEGORY_SEASON,
  CATEGORY_SHARE,
  CHANNEL_BASE,
  CLIMATE_BIAS,
  GROWTH,
  MONTH_SEASON,
  ORDER_SHAPE,
  PROMO_LIFT_PER_PCT,
  WEEKDAY,
  WHOLESALE_MONTH_SEASON,
} from './demand-curves.ts';
import { REFURBISHED_STORE_CODE, regionOf, type Store } from './locations.ts';
import type { PromotionCalendar } from './promotions.ts';
import type { Random } from './random.ts';
import type { Timeline } from './timeline.ts';

export class DemandModel {
  readonly selling: readonly Store[];
  readonly assortments: Assortments;
  private k = 1;
  private readonly closedStoreDays = new Set<number>();
  private readonly pop: Float64Array;
  private readonly cat: Uint8Array;
  private readonly launch: Int32Array;
  private readonly retired: Int32Array;
  private readonly isNewLine: Uint8Array;
  private readonly catFactor = new Float64Array(CATEGORIES.length);

  constructor(
    readonly products: readonly Product[],
    stores: readonly Store[],
    private readonly promos: PromotionCalendar,
    private readonly timeline: Timeline,
    rng: Random,
  ) {
    this.selling = stores.filter((s) => s.type !== 'warehouse');
    this.assortments = buildAssortments(rng, products, stores);
    this.pop = Float64Array.from(products, (p) => p.popularity);
    this.cat = Uint8Array.from(products, (p) => CATEGORIES.indexOf(p.category));
    this.launch = Int32Array.from(products, (p) => p.launch);
    this.retired = Int32Array.from(products, (p) => p.discontinued ?? 2_000_000_000);
    this.isNewLine = Uint8Array.from(products, (p) => (p.line === NEW_LINE ? 1 : 0));
    for (let y = partsOf(timeline.firstDay).year; y <= timeline.year + 1; y++) {
      this.closedStoreDays.add(nthWeekday(y, 11, 4, 4)); // Thanksgiving
      this.closedStoreDays.add(dayOf(y, 12, 25));
    }
  }

  /** Scales demand so the expected number of lines over the whole history is `targetLines`. */
  calibrate(targetLines: number): void {
    let total = 0;
    for (const loc of this.selling) {
      for (let d = this.timeline.firstDay; d <= this.timeline.asOf; d++) total += this.rawLines(loc, d);
    }
    this.k = targetLines / total;
  }

  expectedLines(loc: Store, day: number): number {
    return this.k * this.rawLines(loc, day);
  }

  isOpen(loc: Store, day: number): boolean {
    if (day < loc.opened) return false;
    if (loc.type === 'store') {
      if (this.closedStoreDays.has(day)) return false;
      const r = this.timeline.refurbishment;
      return !(loc.code === REFURBISHED_STORE_CODE && day >= r.start && day <= r.end);
    }
    if (loc.type === 'wholesale') {
      const { month, dayOfMonth } = partsOf(day);
      return !((month === 12 && dayOfMonth >= 24) || (month === 1 && dayOfMonth === 1));
    }
    return true;
  }

  meanLinesPerOrder(loc: Store): number {
    if (loc.type === 'wholesale') return ORDER_SHAPE.wholesale.baseLines + ORDER_SHAPE.wholesale.extraLines;
    return 1 + (loc.type === 'online' ? ORDER_SHAPE.online.extraLines : ORDER_SHAPE.store.extraLines);
  }

  meanQty(loc: Store): number {
    return loc.type === 'wholesale' ? ORDER_SHAPE.wholesale.meanQty : ORDER_SHAPE.store.meanQty;
  }

  /**
   * Fills `out[i]` with the demand weight of the i-th SKU of the location's assortment on `day`
   * (cumulative when asked, for drawing) and returns the total.
   */
  weights(loc: Store, day: number, out: Float64Array, cumulative: boolean): number {
    const { month } = partsOf(day);
    const wholesale = loc.type === 'wholesale';
    const seasonMonth = wholesale ? (month + 1) % 12 : month - 1;
    const bias = CLIMATE_BIAS[regionOf(loc).climate];
    for (let c = 0; c < CATEGORIES.length; c++) {
      const category = CATEGORIES[c] ?? 'boots';
      this.catFactor[c] = (CATEGORY_SEASON[category][seasonMonth] ?? 1) * (bias[category] ?? 1);
    }
    if (wholesale) this.catFactor[CATEGORIES.indexOf('accessories')] = 0;
    for (const p of this.promos.on(day)) {
      if (p.category === null || (p.channelId !== null && p.channelId !== loc.channelId) || wholesale)
        continue;
      const c = CATEGORIES.indexOf(p.category);
      this.catFactor[c] = (this.catFactor[c] ?? 0) * (1 + p.discountPct * PROMO_LIFT_PER_PCT);
    }
    const skus = this.assortments.skus(loc.id);
    let total = 0;
    for (let i = 0; i < skus.length; i++) {
      const k = skus[i] ?? 0;
      let w = 0;
      const age = day - (this.launch[k] ?? 0);
      if (age >= 0 && day <= (this.retired[k] ?? 0)) {
        w = (this.pop[k] ?? 0) * (this.catFactor[this.cat[k] ?? 0] ?? 0);
        if (this.isNewLine[k]) {
          // The new line ramps up over two months, then word of mouth adds 40% by month eight.
          w *= Math.min(1, 0.3 + (0.7 * age) / 60) * (1 + 0.4 * Math.min(1, Math.max(0, (age - 60) / 180)));
        } else if ((this.launch[k] ?? 0) >= this.timeline.firstDay && age < 30) {
          w *= 0.4 + (0.6 * age) / 30;
        }
      }
      total += w;
      out[i] = cumulative ? total : w;
    }
    return total;
  }

  /** Expected lines before calibration: size x growth x season x weekday x promotions, 0 when closed. */
  private rawLines(loc: Store, day: number): number {
    if (!this.isOpen(loc, day)) return 0;
    const { month, weekday } = partsOf(day);
    const years = (day - this.timeline.firstDay) / 365.25;
    if (loc.type === 'wholesale') {
      return (
        CHANNEL_BASE.wholesale *
        GROWTH.wholesale ** years *
        (WHOLESALE_MONTH_SEASON[month - 1] ?? 1) *
        (WEEKDAY.wholesale[weekday] ?? 0)
      );
    }
    const online = loc.type === 'online';
    let lines = online
      ? CHANNEL_BASE.online * GROWTH.online ** years * (WEEKDAY.online[weekday] ?? 1)
      : loc.demand * GROWTH.store ** years * (WEEKDAY.store[weekday] ?? 1);
    lines *= MONTH_SEASON[month - 1] ?? 1;
    for (const p of this.promos.on(day)) {
      if (p.channelId !== null && p.channelId !== loc.channelId) continue;
      const share = p.category === null ? 1 : CATEGORY_SHARE[p.category];
      lines *= 1 + p.discountPct * PROMO_LIFT_PER_PCT * share;
    }
    return lines;
  }
}
