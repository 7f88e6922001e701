/**
 * The month's operating expenses as the accountants record them: vendor, description, category,
 * amount, payment method. The same list feeds the ledger (one entry per expense) and the
 * accountants' expense files, so the two always agree. Amounts scale with `scale`.
 */
import { account } from './chart-of-accounts.ts';
import { dayOf, daysInMonth, MONTH_NAMES } from './dates.ts';
import { type PaymentMethod, REFURBISHMENT, TEMPLATES } from './expense-templates.ts';
import { REFURBISHED_STORE_CODE, type Store } from './locations.ts';
import type { Random } from './random.ts';
import type { Timeline } from './timeline.ts';

export type { PaymentMethod } from './expense-templates.ts';

export interface Expense {
  day: number;
  reference: string;
  vendor: string;
  description: string;
  accountCode: string;
  category: string;
  costCenter: string;
  amountCents: number;
  payment: PaymentMethod;
}

export function expensesForMonth(
  rng: Random,
  year: number,
  month: number,
  scale: number,
  stores: readonly Store[],
  timeline: Timeline,
): Expense[] {
  const first = dayOf(year, month, 1);
  const length = daysInMonth(year, month);
  const last = Math.min(first + length - 1, timeline.asOf);
  const inflation = 1.03 ** ((first - timeline.firstDay) / 365.25);
  const cents = (lo: number, hi: number): number =>
    Math.max(100, Math.round(rng.between(lo, hi) * inflation * scale * 100));
  const open = stores.filter((s) => s.type === 'store' && s.opened <= first + length - 1);
  const items: Omit<Expense, 'reference'>[] = [];
  const add = (
    day: number,
    vendor: string,
    description: string,
    code: string,
    costCenter: string,
    amountCents: number,
    payment: PaymentMethod,
  ): void => {
    if (day > last) return;
    items.push({
      day,
      vendor,
      description,
      accountCode: code,
      category: account(code).name,
      costCenter,
      amountCents,
      payment,
    });
  };
  for (const [vendor, descriptions, code, [minN, maxN], [lo, hi], payment, where] of TEMPLATES) {
    if (where === 'each store') {
      for (const s of open)
        add(
          first + rng.int(9, 19),
          vendor,
          `${descriptions[0]}, ${s.city}`,
          code,
          s.code,
          Math.round(cents(lo, hi) * s.demand),
          payment,
        );
      continue;
    }
    const count = rng.int(minN, maxN);
    for (let i = 0; i < count; i++) {
      const store = rng.pick(open);
      const center = where === 'store' ? store.code : where;
      const description = rng.pick(descriptions) + (where === 'store' ? `, ${store.city}` : '');
      const day =
        count === 1 && maxN === 1 ? first + Math.min(length - 1, 27) : first + rng.int(0, length - 1);
      add(day, vendor, description, code, center, cents(lo, hi), payment);
    }
  }
  if (first <= timeline.refurbishment.start && timeline.refurbishment.start < first + length) {
    REFURBISHMENT.forEach(([description, dollars], i) => {
      add(
        timeline.refurbishment.start + 2 + i * 8,
        'Summit Build Group',
        description,
        '6500',
        REFURBISHED_STORE_CODE,
        Math.round(dollars * scale * 100),
        'Bank transfer',
      );
    });
    add(
      timeline.refurbishment.start,
      'Copper Press Printing',
      'Window signage: closed for refurbishment, Denver',
      '6300',
      REFURBISHED_STORE_CODE,
      Math.max(100, Math.round(850 * scale * 100)),
      'Card',
    );
  }
  items.sort(
    (a, b) =>
      a.day - b.day ||
      (a.vendor < b.vendor ? -1 : a.vendor > b.vendor ? 1 : 0) ||
      a.amountCents - b.amountCents,
  );
  const tag = `${year}-${String(month).padStart(2, '0')}`;
  return items.map((e, i) => ({ ...e, reference: `EXP-${tag}-${String(i + 1).padStart(3, '0')}` }));
}

export function monthLabel(year: number, month: number): string {
  return `${MONTH_NAMES[month - 1]} ${year}`;
}
