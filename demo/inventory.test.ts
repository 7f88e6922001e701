import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type GeneratedDemo, generateInto, makeTempDir } from './test-support.ts';

interface Movement {
  date: string;
  key: string;
  delta: number;
}

describe('inventory snapshots', () => {
  let temp: Awaited<ReturnType<typeof makeTempDir>>;
  let demo: GeneratedDemo;
  let snapshots: Record<string, string>[];

  beforeAll(async () => {
    temp = await makeTempDir('inventory');
    demo = await generateInto(join(temp.path, 'out'));
    snapshots = await demo.table('inventory_snapshots');
  });
  afterAll(() => temp.remove());

  it('are weekly on Sundays plus asOf below scale 0.25', () => {
    const dates = [...new Set(snapshots.map((s) => s.snapshot_date ?? ''))];
    expect(dates.at(-1)).toBe('2026-06-30');
    for (const d of dates.slice(0, -1)) expect(new Date(`${d}T00:00:00Z`).getUTCDay(), d).toBe(0);
    expect(dates[0]).toBe('2023-01-01');
  });

  it('go down with sales and up with receipts and restocked returns, exactly', async () => {
    const stockOf = new Map((await demo.table('stores')).map((s) => [s.store_id, s.stock_location_id]));
    const orders = new Map((await demo.table('sales_orders')).map((o) => [o.sales_order_id, o]));
    const moves: Movement[] = [];
    for (const l of await demo.table('sales_order_lines')) {
      const o = orders.get(l.sales_order_id);
      moves.push({
        date: o?.order_date ?? '',
        key: `${stockOf.get(o?.store_id)}|${l.sku_id}`,
        delta: -Number(l.quantity),
      });
    }
    const pos = new Map((await demo.table('purchase_orders')).map((p) => [p.purchase_order_id, p]));
    for (const l of await demo.table('purchase_order_lines')) {
      const po = pos.get(l.purchase_order_id);
      if (po?.status !== 'received') continue;
      moves.push({
        date: po.received_date ?? '',
        key: `${po.store_id}|${l.sku_id}`,
        delta: Number(l.quantity_received),
      });
    }
    for (const r of await demo.table('returns')) {
      if (r.restocked === '1')
        moves.push({
          date: r.return_date ?? '',
          key: `${r.store_id}|${r.sku_id}`,
          delta: Number(r.quantity),
        });
    }
    moves.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));

    const moved = new Map<string, number>();
    const opening = new Map<string, number>();
    let next = 0;
    let checked = 0;
    const wrong: string[] = [];
    for (const s of snapshots) {
      for (; next < moves.length && (moves[next]?.date ?? '') <= (s.snapshot_date ?? ''); next++) {
        const m = moves[next] as Movement;
        moved.set(m.key, (moved.get(m.key) ?? 0) + m.delta);
      }
      const key = `${s.store_id}|${s.sku_id}`;
      const qty = Number(s.quantity_on_hand);
      const start = opening.get(key);
      if (start === undefined) opening.set(key, qty - (moved.get(key) ?? 0));
      else if (qty !== start + (moved.get(key) ?? 0) || qty < 0)
        wrong.push(`${key} on ${s.snapshot_date}: ${qty}`);
      else checked++;
    }
    expect(wrong.slice(0, 5)).toEqual([]);
    expect(checked).toBeGreaterThan(100_000);
    expect([...opening.values()].filter((q) => q < 0)).toEqual([]);
  });

  it('count as on order what was ordered and not yet received', async () => {
    const lines = await demo.table('purchase_order_lines');
    const pos = new Map((await demo.table('purchase_orders')).map((p) => [p.purchase_order_id, p]));
    const last = snapshots.filter((s) => s.snapshot_date === '2026-06-30');
    const open = new Map<string, number>();
    for (const l of lines) {
      const po = pos.get(l.purchase_order_id);
      if (po?.status !== 'open') continue;
      const key = `${po.store_id}|${l.sku_id}`;
      open.set(key, (open.get(key) ?? 0) + Number(l.quantity_ordered));
    }
    expect(open.size).toBeGreaterThan(0);
    for (const s of last)
      expect(Number(s.quantity_on_order), `${s.store_id}|${s.sku_id}`).toBe(
        open.get(`${s.store_id}|${s.sku_id}`) ?? 0,
      );
  });

  it('value stock at the standard cost of the day', () => {
    for (const s of snapshots.slice(0, 2000)) {
      expect(Math.round(Number(s.quantity_on_hand) * Number(s.unit_cost) * 100)).toBe(
        Math.round(Number(s.stock_value) * 100),
      );
    }
  });
});
