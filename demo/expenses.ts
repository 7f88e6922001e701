/**
 * The month's operating expenses as the accountants record them: vendor, description, category,
 * amount, payment method. The same list feeds the ledger (one entry per expense) and the
 * accountants' expense files, so the two always agree. Amounts scale with `scale`.
 */
import { account } from './chart-of-accounts.ts';
import { dayOf, daysInMonth, MONTH_NAMES } from './dates.ts';
import { REFURBISHED_STORE_CODE, type Store } from './locations.ts';
import type { Random } from './random.ts';
import type { Timeline } from './timeline.ts';

export type PaymentMethod = 'Card' | 'Bank transfer' | 'Direct debit';

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

type Where = 'store' | 'HQ' | 'ONLINE' | 'each store';
// vendor, descriptions, account, [min, max] per month, [min, max] dollars at scale 1, payment, cost centre
type Template = [string, readonly string[], string, [number, number], [number, number], PaymentMethod, Where];

const TEMPLATES: readonly Template[] = [
  [
    'Saphir',
    ['Leather polish, neutral, 24 tins', 'Renovateur cream, 12 jars', 'Horsehair brushes, 20 pcs'],
    '6200',
    [2, 4],
    [180, 900],
    'Card',
    'store',
  ],
  [
    'Uline',
    [
      'Shoe boxes, 500 pcs',
      'Tissue paper, 10 reams',
      'Shipping cartons, 200 pcs',
      'Printed paper bags, 1,000 pcs',
    ],
    '6210',
    [1, 3],
    [400, 2500],
    'Card',
    'ONLINE',
  ],
  ['UPS', ['Parcel shipping, weekly invoice'], '6210', [4, 4], [14000, 24000], 'Direct debit', 'ONLINE'],
  ['FedEx', ['Express shipments'], '6210', [1, 2], [600, 3000], 'Direct debit', 'ONLINE'],
  ['Google Ads', ['Search and shopping campaigns'], '6300', [1, 1], [110000, 170000], 'Card', 'HQ'],
  ['Meta Ads', ['Instagram and Facebook campaigns'], '6300', [1, 1], [55000, 95000], 'Card', 'HQ'],
  [
    'Copper Press Printing',
    ['Lookbook printing', 'In-store posters, new season', 'Flyers, 5,000 pcs'],
    '6300',
    [0, 1],
    [1200, 6000],
    'Bank transfer',
    'HQ',
  ],
  ['Metro Power & Light', ['Electricity'], '6400', [1, 1], [700, 1600], 'Direct debit', 'each store'],
  ['Comcast Business', ['Internet and phone, all sites'], '6400', [1, 1], [2400, 2400], 'Direct debit', 'HQ'],
  ['Shopify', ['Shopify Plus subscription'], '6410', [1, 1], [2300, 2300], 'Card', 'ONLINE'],
  ['Lightspeed', ['POS licences, all stores'], '6410', [1, 1], [1900, 1900], 'Card', 'HQ'],
  ['Microsoft', ['Microsoft 365, 90 seats'], '6410', [1, 1], [1980, 1980], 'Card', 'HQ'],
  [
    'Apex Store Fixtures',
    ['Replacement shelving', 'Door closer repair', 'Lighting repair', 'Mirror replacement'],
    '6500',
    [1, 3],
    [300, 4000],
    'Bank transfer',
    'store',
  ],
  [
    'Delta Air Lines',
    ['Flight, store visits', 'Flight, supplier visit'],
    '6600',
    [1, 3],
    [350, 1400],
    'Card',
    'HQ',
  ],
  ['Marriott', ['Hotel, 2 nights', 'Hotel, trade show'], '6600', [1, 2], [300, 1200], 'Card', 'HQ'],
  ['Uber', ['Rides, business trip'], '6600', [1, 2], [40, 180], 'Card', 'HQ'],
  [
    'Whitfield & Reyes CPAs',
    ['Monthly bookkeeping and payroll services'],
    '6700',
    [1, 1],
    [5200, 5200],
    'Bank transfer',
    'HQ',
  ],
  [
    'The Hartford',
    ['Property and liability insurance, monthly premium'],
    '6800',
    [1, 1],
    [7400, 7400],
    'Direct debit',
    'HQ',
  ],
  ['Staples', ['Printer paper and toner', 'Office supplies'], '6900', [1, 2], [80, 600], 'Card', 'HQ'],
  ['Trattoria Luca', ['Team lunch', 'Dinner with a supplier'], '6950', [1, 2], [120, 800], 'Card', 'HQ'],
];

/** Story 1's other side: the Denver refurbishment bills, in the closure month. */
const REFURBISHMENT: readonly [string, number][] = [
  ['Denver store refurbishment - strip-out and shopfitting, stage 1 of 3', 38_000],
  ['Denver store refurbishment - lighting and flooring, stage 2 of 3', 26_500],
  ['Denver store refurbishment - final fit-out, stage 3 of 3', 19_800],
];

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
