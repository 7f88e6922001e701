import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CATEGORIES } from './catalog-lines.ts';
import { type GeneratedDemo, generateInto, makeTempDir } from './test-support.ts';

describe('master data', () => {
  let temp: Awaited<ReturnType<typeof makeTempDir>>;
  let demo: GeneratedDemo;
  beforeAll(async () => {
    temp = await makeTempDir('master');
    demo = await generateInto(join(temp.path, 'out'));
  });
  afterAll(() => temp.remove());

  it('has at least 12 physical stores in at least 4 regions, an online shop, wholesale and a warehouse', async () => {
    const stores = await demo.table('stores');
    const physical = stores.filter((s) => s.store_type === 'store');
    expect(physical.length).toBeGreaterThanOrEqual(12);
    expect(new Set(physical.map((s) => s.region_id)).size).toBeGreaterThanOrEqual(4);
    for (const type of ['online', 'wholesale', 'warehouse'])
      expect(stores.filter((s) => s.store_type === type)).toHaveLength(1);
    const channels = await demo.table('channels');
    expect(channels.map((c) => c.channel_code)).toEqual(['store', 'online', 'wholesale']);
  });

  it('has at least 250 SKUs covering all six categories, with prices above costs', async () => {
    const products = await demo.table('products');
    expect(products.length).toBeGreaterThanOrEqual(250);
    expect(new Set(products.map((p) => p.category))).toEqual(new Set(CATEGORIES));
    expect(new Set(products.map((p) => p.sku_code)).size).toBe(products.length);
    for (const p of products) {
      expect(Number(p.list_price)).toBeGreaterThan(Number(p.wholesale_price));
      expect(Number(p.wholesale_price)).toBeGreaterThan(Number(p.unit_cost));
      expect(p.size_run).toMatch(/^(EU \d{2}-\d{2}|One size)$/);
      expect((p.launch_date ?? '') <= demo.manifest.asOf).toBe(true);
    }
  });

  it('has the same SKU count at every scale', async () => {
    const bigger = await generateInto(join(temp.path, 'bigger'), { scale: 0.03 });
    expect((await bigger.table('products')).length).toBe((await demo.table('products')).length);
  });

  it('stocks 60-90 SKUs in each store and the whole range in the warehouse', async () => {
    const snapshots = await demo.table('inventory_snapshots');
    const stores = await demo.table('stores');
    const products = await demo.table('products');
    const skus = new Map<string, Set<string>>();
    for (const row of snapshots) {
      const set = skus.get(row.store_id ?? '') ?? new Set<string>();
      set.add(row.sku_id ?? '');
      skus.set(row.store_id ?? '', set);
    }
    for (const store of stores.filter((s) => s.store_type === 'store')) {
      const count = skus.get(store.store_id ?? '')?.size ?? 0;
      expect(count, store.store_code).toBeGreaterThanOrEqual(60);
      expect(count, store.store_code).toBeLessThanOrEqual(90);
    }
    const warehouse = stores.find((s) => s.store_type === 'warehouse');
    expect(skus.get(warehouse?.store_id ?? '')?.size).toBe(products.length);
  });

  it('has customers in every segment, salespeople in every store and promotions every year', async () => {
    const customers = await demo.table('customers');
    expect(new Set(customers.map((c) => c.segment))).toEqual(new Set(['retail', 'loyalty', 'wholesale']));
    const staff = await demo.table('salespeople');
    const stores = (await demo.table('stores')).filter((s) => s.store_type === 'store');
    for (const s of stores)
      expect(
        staff.some((p) => p.store_id === s.store_id),
        s.store_code,
      ).toBe(true);
    const promotions = await demo.table('promotions');
    expect(new Set(promotions.map((p) => p.start_date?.slice(0, 4)))).toEqual(
      new Set(['2023', '2024', '2025', '2026']),
    );
    expect(promotions.some((p) => p.promotion_name === 'Black Friday Weekend')).toBe(true);
  });
});
