import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type GeneratedDemo, generateInto, makeTempDir } from './test-support.ts';

const cents = (text: string | undefined): number => Math.round(Number(text) * 100);

describe('ledger history', () => {
  let temp: Awaited<ReturnType<typeof makeTempDir>>;
  let demo: GeneratedDemo;
  let entries: Record<string, string>[];
  let lines: Record<string, string>[];
  let entryById: Map<string, Record<string, string>>;

  /** Sum of debit - credit for lines matching `where`, in cents. */
  const net = (where: (line: Record<string, string>, entry: Record<string, string>) => boolean): number => {
    let total = 0;
    for (const l of lines) {
      const entry = entryById.get(l.journal_entry_id ?? '');
      if (entry && where(l, entry)) total += Number(l.debit_minor) - Number(l.credit_minor);
    }
    return total;
  };

  beforeAll(async () => {
    temp = await makeTempDir('ledger');
    demo = await generateInto(join(temp.path, 'out'));
    entries = await demo.table('journal_entries');
    lines = await demo.table('journal_lines');
    entryById = new Map(entries.map((e) => [e.journal_entry_id ?? '', e]));
  });
  afterAll(() => temp.remove());

  it('balances every entry, in whole cents, USD only', () => {
    const sums = new Map<string, number>();
    for (const l of lines) {
      const debit = Number(l.debit_minor);
      const credit = Number(l.credit_minor);
      expect(Number.isInteger(debit) && Number.isInteger(credit)).toBe(true);
      expect(debit >= 0 && credit >= 0 && (debit === 0) !== (credit === 0)).toBe(true);
      expect(l.currency).toBe('USD');
      sums.set(l.journal_entry_id ?? '', (sums.get(l.journal_entry_id ?? '') ?? 0) + debit - credit);
    }
    expect(sums.size).toBe(entries.length);
    for (const [id, sum] of sums) expect(sum, `entry ${id}`).toBe(0);
    expect(entries.every((e) => e.currency === 'USD' && e.source !== '' && e.memo !== '')).toBe(true);
  });

  it('covers January 1 two years before asOf up to asOf, opening with carried-forward balances', () => {
    expect(entries[0]).toMatchObject({ entry_date: '2024-01-01', source: 'opening' });
    expect(entries.at(-1)?.entry_date).toBe('2026-06-30');
    const dates = entries.map((e) => e.entry_date ?? '');
    expect([...dates].sort()).toEqual(dates);
  });

  it('uses only accounts from the chart of accounts', async () => {
    const chart = await demo.table('chart_of_accounts');
    const codes = new Set(chart.map((a) => a.account_code));
    for (const l of lines) expect(codes.has(l.account_code)).toBe(true);
    expect(new Set(chart.map((a) => a.account_type))).toEqual(
      new Set(['asset', 'liability', 'equity', 'revenue', 'expense']),
    );
    expect(chart.every((a) => (a.synonyms ?? '').length > 0)).toBe(true);
  });

  it('books exactly the ERP sales, discounts and cost of sales of a year', async () => {
    const orders = new Map(
      (await demo.table('sales_orders')).map((o) => [o.sales_order_id, o.order_date ?? '']),
    );
    let gross = 0;
    let discount = 0;
    let cogs = 0;
    for (const l of await demo.table('sales_order_lines')) {
      if (!orders.get(l.sales_order_id)?.startsWith('2025')) continue;
      gross += Number(l.quantity) * cents(l.unit_price);
      discount += cents(l.discount_amount);
      cogs += Number(l.quantity) * cents(l.unit_cost);
    }
    const in2025 = (e: Record<string, string>) => (e.entry_date ?? '').startsWith('2025');
    expect(-net((l, e) => in2025(e) && ['4010', '4020', '4030'].includes(l.account_code ?? ''))).toBe(gross);
    expect(net((l, e) => in2025(e) && l.account_code === '4090')).toBe(discount);
    expect(net((l, e) => in2025(e) && e.source === 'sales' && l.account_code === '5000')).toBe(cogs);
  });

  it('books exactly the ERP refunds of a year', async () => {
    let refunds = 0;
    for (const r of await demo.table('returns'))
      if (r.return_date?.startsWith('2025')) refunds += cents(r.refund_amount);
    expect(net((l, e) => (e.entry_date ?? '').startsWith('2025') && l.account_code === '4080')).toBe(refunds);
  });

  it('holds inventory at the value of the last stock snapshot', async () => {
    let value = 0;
    for (const s of await demo.table('inventory_snapshots'))
      if (s.snapshot_date === '2026-06-30') value += cents(s.stock_value);
    expect(value).toBeGreaterThan(0);
    expect(net((l) => l.account_code === '1200')).toBe(value);
  });

  it('books every received purchase order against payables', async () => {
    const received = (await demo.table('purchase_orders')).filter(
      (p) => p.status === 'received' && (p.received_date ?? '') >= '2024-01-01',
    );
    const refs = new Set(entries.filter((e) => e.source === 'purchasing').map((e) => e.reference));
    for (const po of received) expect(refs.has(po.po_number), po.po_number).toBe(true);
    expect(refs.size).toBe(received.length);
  });

  it('has sales, payroll, rent, supplier payments and card payouts every month, and makes a profit', () => {
    for (const source of [
      'sales',
      'returns',
      'payroll',
      'rent',
      'payments',
      'bank',
      'accountants',
      'purchasing',
    ]) {
      const months = new Set(
        entries.filter((e) => e.source === source).map((e) => e.entry_date?.slice(0, 7)),
      );
      expect(months.size, source).toBe(30);
    }
    const pnl = net((l, e) => (e.entry_date ?? '').startsWith('2025') && Number(l.account_code) >= 4000);
    expect(pnl).toBeLessThan(0); // credit balance: revenue exceeds expenses
  });
});
