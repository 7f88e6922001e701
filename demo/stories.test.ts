import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DemoStories } from './stories.ts';
import { type GeneratedDemo, generateInto, makeTempDir } from './test-support.ts';

type Row = Record<string, string>;

/** Sales lines joined to their order and product, the shape every story check needs. */
interface Sale {
  date: string;
  storeId: string;
  lineId: string;
  skuId: string;
  size: string;
  qty: number;
  net: number;
  unitCost: number;
  category: string;
  line: string;
  supplierId: string;
}

describe('planted stories (scale 0.1)', () => {
  let temp: Awaited<ReturnType<typeof makeTempDir>>;
  let demo: GeneratedDemo;
  let stories: DemoStories;
  let sales: Sale[];
  let stores: Row[];
  let returns: Row[];

  const units = (filter: (s: Sale) => boolean): number => sales.filter(filter).reduce((t, s) => t + s.qty, 0);
  const storeIdOf = (code: string): string => stores.find((s) => s.store_code === code)?.store_id ?? '';

  beforeAll(async () => {
    temp = await makeTempDir('stories');
    demo = await generateInto(join(temp.path, 'out'), { scale: 0.1 });
    stories = JSON.parse(await readFile(join(demo.dir, 'stories.json'), 'utf8')) as DemoStories;
    stores = await demo.table('stores');
    returns = await demo.table('returns');
    const products = new Map((await demo.table('products')).map((p) => [p.sku_id, p]));
    const orders = new Map((await demo.table('sales_orders')).map((o) => [o.sales_order_id, o]));
    sales = (await demo.table('sales_order_lines')).map((l) => {
      const o = orders.get(l.sales_order_id) as Row;
      const p = products.get(l.sku_id) as Row;
      return {
        date: o.order_date ?? '',
        storeId: o.store_id ?? '',
        lineId: l.sales_order_line_id ?? '',
        skuId: l.sku_id ?? '',
        size: l.size ?? '',
        qty: Number(l.quantity),
        net: Number(l.net_amount),
        unitCost: Number(l.unit_cost),
        category: p.category ?? '',
        line: p.line ?? '',
        supplierId: p.supplier_id ?? '',
      };
    });
  }, 120_000);
  afterAll(() => temp.remove());

  it('states the stories with exact dates inside the data', () => {
    expect(stories.refurbishment).toMatchObject({
      store: 'MT-DEN',
      region: 'Mountain',
      closedFrom: '2025-11-02',
      closedTo: '2025-11-23',
    });
    expect(stories.supplierPriceRise).toMatchObject({
      supplier: 'Leon Leather Works',
      from: '2025-04-01',
      pct: 12,
    });
    expect(stories.newLine).toMatchObject({ line: 'Terra', launched: '2025-03-01' });
    expect(stories.sizeReturns).toMatchObject({
      sku: 'MAL-STR-SND',
      soldFrom: '2025-06-01',
      soldTo: '2025-07-31',
      reason: 'too small',
    });
    expect(stories.storeOpening).toMatchObject({ store: 'SE-BNA', opened: '2024-09-01' });
  });

  it('1: the refurbished store sells and takes back nothing while closed, and its region sells fewer boots that month', () => {
    const { closedFrom, closedTo } = stories.refurbishment;
    const denver = storeIdOf('MT-DEN');
    expect(sales.filter((s) => s.storeId === denver && s.date >= closedFrom && s.date <= closedTo)).toEqual(
      [],
    );
    expect(
      returns.filter(
        (r) =>
          r.store_id === denver && (r.return_date ?? '') >= closedFrom && (r.return_date ?? '') <= closedTo,
      ),
    ).toEqual([]);
    expect(sales.some((s) => s.storeId === denver && s.date > closedTo && s.date < '2025-12-01')).toBe(true);
    const mountain = new Set(stores.filter((s) => s.region_id === '5').map((s) => s.store_id));
    const boots = (month: string) =>
      units((s) => s.category === 'boots' && mountain.has(s.storeId) && s.date.startsWith(month));
    expect(boots('2025-11')).toBeLessThan(0.7 * boots('2024-11'));
    expect(boots('2025-11')).toBeLessThan(0.9 * boots('2025-10'));
  });

  it('2: the supplier price rise lifts unit costs 12% and lowers margin', async () => {
    const { supplierId, from } = stories.supplierPriceRise;
    const risen = sales.filter((s) => s.supplierId === String(supplierId));
    const bySku = new Map<string, { before?: number; after?: number }>();
    for (const s of risen) {
      const entry = bySku.get(s.skuId) ?? {};
      if (s.date < from) entry.before = s.unitCost;
      else entry.after = s.unitCost;
      bySku.set(s.skuId, entry);
    }
    let compared = 0;
    for (const { before, after } of bySku.values()) {
      if (before === undefined || after === undefined) continue;
      expect(after / before).toBeCloseTo(1.12, 2);
      compared++;
    }
    expect(compared).toBeGreaterThan(20);
    const margin = (list: Sale[]) =>
      list.reduce((t, s) => t + s.net - s.qty * s.unitCost, 0) / list.reduce((t, s) => t + s.net, 0);
    const window = (a: string, b: string) => risen.filter((s) => s.date >= a && s.date < b);
    expect(margin(window('2025-04-01', '2025-10-01'))).toBeLessThan(
      margin(window('2024-04-01', '2024-10-01')) - 0.03,
    );
    const poLines = await demo.table('purchase_order_lines');
    const poDates = new Map(
      (await demo.table('purchase_orders')).map((p) => [p.purchase_order_id, p.order_date ?? '']),
    );
    const sku = [...bySku.keys()][0];
    const costs = poLines
      .filter((l) => l.sku_id === sku)
      .map((l) => ({ date: poDates.get(l.purchase_order_id) ?? '', cost: Number(l.unit_cost) }));
    const before = costs.find((c) => c.date < from)?.cost ?? 0;
    const after = costs.find((c) => c.date >= from)?.cost ?? 0;
    expect(after / before).toBeCloseTo(1.12, 2);
  });

  it('3: the new line sells nothing before launch and is the best seller of the last twelve months', () => {
    const { line, launched } = stories.newLine;
    expect(sales.some((s) => s.line === line && s.date < launched)).toBe(false);
    const byLine = new Map<string, { units: number; revenue: number }>();
    for (const s of sales.filter((x) => x.date > '2025-06-30')) {
      const t = byLine.get(s.line) ?? { units: 0, revenue: 0 };
      t.units += s.qty;
      t.revenue += s.net;
      byLine.set(s.line, t);
    }
    const ranked = (key: 'units' | 'revenue') =>
      [...byLine].sort((a, b) => b[1][key] - a[1][key]).map(([name]) => name);
    expect(ranked('units')[0]).toBe(line);
    expect(ranked('revenue')[0]).toBe(line);
  });

  it("4: the sandal's small sizes sold in June-July come back 'too small' several times more often", () => {
    const { skuId, sizes, soldFrom, soldTo } = stories.sizeReturns;
    const returned = new Map(returns.map((r) => [r.sales_order_line_id, r.reason]));
    const sandal = sales.filter((s) => s.skuId === String(skuId));
    const story = sandal.filter((s) => sizes.includes(s.size) && s.date >= soldFrom && s.date <= soldTo);
    const rest = sandal.filter((s) => !story.includes(s));
    const rate = (list: Sale[]) => list.filter((s) => returned.has(s.lineId)).length / list.length;
    expect(story.length).toBeGreaterThan(20);
    expect(rate(story)).toBeGreaterThan(4 * rate(rest));
    const reasons = story.filter((s) => returned.has(s.lineId)).map((s) => returned.get(s.lineId));
    expect(reasons.filter((r) => r === 'too small').length / reasons.length).toBeGreaterThan(0.8);
  });

  it('5: the new store sells nothing before it opens', () => {
    const nashville = storeIdOf(stories.storeOpening.store);
    const dates = sales
      .filter((s) => s.storeId === nashville)
      .map((s) => s.date)
      .sort();
    expect(dates[0]).toBe(stories.storeOpening.opened);
  });

  it('6: online grows faster than stores, so its share rises every year', () => {
    const online = storeIdOf('ONLINE');
    const share = (year: string) => {
      const inYear = sales.filter((s) => s.date.startsWith(year) && s.storeId !== storeIdOf('WHOLESALE'));
      return inYear.filter((s) => s.storeId === online).length / inYear.length;
    };
    expect(share('2024')).toBeGreaterThan(share('2023') + 0.02);
    expect(share('2025')).toBeGreaterThan(share('2024') + 0.02);
  });

  it('has seasons: boots peak in winter, sandals in summer, December is the busiest month, weekends are busiest in stores', () => {
    const winter = (s: Sale) => ['11', '12', '01'].includes(s.date.slice(5, 7));
    const summer = (s: Sale) => ['06', '07', '08'].includes(s.date.slice(5, 7));
    const share = (category: string, when: (s: Sale) => boolean) =>
      units((s) => when(s) && s.category === category) / units(when);
    expect(share('boots', winter)).toBeGreaterThan(2 * share('boots', summer));
    expect(share('sandals', summer)).toBeGreaterThan(3 * share('sandals', winter));
    const byMonth = new Map<string, number>();
    for (const s of sales.filter((x) => x.date.startsWith('2025')))
      byMonth.set(s.date.slice(5, 7), (byMonth.get(s.date.slice(5, 7)) ?? 0) + s.net);
    expect([...byMonth].sort((a, b) => b[1] - a[1])[0]?.[0]).toBe('12');
    const physical = new Set(stores.filter((s) => s.store_type === 'store').map((s) => s.store_id));
    const byWeekday = [0, 0, 0, 0, 0, 0, 0];
    for (const s of sales) {
      if (!physical.has(s.storeId)) continue;
      const weekday = new Date(`${s.date}T00:00:00Z`).getUTCDay();
      byWeekday[weekday] = (byWeekday[weekday] ?? 0) + s.qty;
    }
    expect(byWeekday[6]).toBeGreaterThan(1.5 * (byWeekday[2] ?? 0));
  });

  it('has promotions with discounts, and 5-10% of lines returned with reasons', async () => {
    const discounted = (await demo.table('sales_order_lines')).filter((l) => Number(l.discount_amount) > 0);
    expect(discounted.length / sales.length).toBeGreaterThan(0.05);
    const rate = returns.length / sales.length;
    expect(rate).toBeGreaterThan(0.05);
    expect(rate).toBeLessThan(0.1);
    expect(new Set(returns.map((r) => r.reason)).size).toBeGreaterThanOrEqual(6);
  });
});
