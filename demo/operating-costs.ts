/**
 * Payroll and rent budgets. Each year's budget for a location is a share of its net sales in
 * the previous year (annualised for a store's first year), so costs scale with the business and
 * stay fixed within a year: a store closed for refurbishment still pays its staff and rent.
 */
import type { DailyFacts } from './daily-facts.ts';
import { dayOf, partsOf } from './dates.ts';
import { type Store, WAREHOUSE_ID } from './locations.ts';
import type { Timeline } from './timeline.ts';

/** Yearly payroll as a share of the reference sales, by cost centre kind. */
const PAYROLL_SHARE = { store: 0.22, online: 0.08, wholesale: 0.06, warehouse: 0.05, hq: 0.06 } as const;
/** Yearly rent as a share of the reference sales. */
const RENT_SHARE = { store: 0.12, warehouse: 0.015, hq: 0.006 } as const;
export const PAYROLL_TAX_RATE = 0.0765;

export interface Budget {
  costCenter: string;
  /** Yearly amounts, cents. */
  payroll: number;
  rent: number;
}

export class OperatingCosts {
  private readonly cache = new Map<string, Budget[]>();

  constructor(
    private readonly facts: DailyFacts,
    private readonly stores: readonly Store[],
    private readonly timeline: Timeline,
  ) {}

  /** Net sales of a location in a year, scaled up to a full year if it traded only part of it. */
  private annualSales(store: Store, year: number): number | undefined {
    const from = Math.max(dayOf(year, 1, 1), store.opened, this.timeline.firstDay);
    const to = Math.min(dayOf(year, 12, 31), this.timeline.asOf);
    if (to - from < 28) return undefined;
    let total = 0;
    for (let d = from; d <= to; d++) {
      const i = this.facts.index(d, store.id);
      total += (this.facts.gross[i] ?? 0) - (this.facts.discount[i] ?? 0);
    }
    return (total * 365) / (to - from + 1);
  }

  private reference(store: Store, year: number): number {
    return this.annualSales(store, year - 1) ?? this.annualSales(store, year) ?? 0;
  }

  /** Yearly budgets of every cost centre in `year`, counting the stores open by `day`. */
  budgets(year: number, day: number): Budget[] {
    const key = `${year}:${this.stores.filter((s) => s.opened <= day).length}`;
    const hit = this.cache.get(key);
    if (hit) return hit;
    const ref = (s: Store): number => this.reference(s, year);
    const byType = (type: Store['type']): Store[] => this.stores.filter((s) => s.type === type);
    const online = byType('online').reduce((t, s) => t + ref(s), 0);
    const wholesale = byType('wholesale').reduce((t, s) => t + ref(s), 0);
    const budgets: Budget[] = [];
    let total = online + wholesale;
    for (const s of byType('store')) {
      if (s.opened > day) continue;
      const r = ref(s);
      total += r;
      budgets.push({ costCenter: s.code, payroll: r * PAYROLL_SHARE.store, rent: r * RENT_SHARE.store });
    }
    budgets.push({ costCenter: 'ONLINE', payroll: online * PAYROLL_SHARE.online, rent: 0 });
    budgets.push({ costCenter: 'WHOLESALE', payroll: wholesale * PAYROLL_SHARE.wholesale, rent: 0 });
    const warehouse = this.stores.find((s) => s.id === WAREHOUSE_ID)?.code ?? 'WH-MEM';
    budgets.push({
      costCenter: warehouse,
      payroll: (online + wholesale) * PAYROLL_SHARE.warehouse,
      rent: (online + wholesale) * RENT_SHARE.warehouse,
    });
    budgets.push({ costCenter: 'HQ', payroll: total * PAYROLL_SHARE.hq, rent: total * RENT_SHARE.hq });
    this.cache.set(key, budgets);
    return budgets;
  }
}

export function yearOf(day: number): number {
  return partsOf(day).year;
}
