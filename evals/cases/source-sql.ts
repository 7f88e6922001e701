/**
 * SQL pieces over the raw source tables only (erp.* and ledger_raw.* as loaded from the demo
 * files): never the star schema, the curated views or the semantic compiler. Each metric is
 * written from its definition in semantic-layer/models/*.yaml: revenue is net_amount (after line
 * discounts, before returns), ledger amounts are minor units, revenue is credit-normal.
 */
import type { Period } from '../eval-pins.ts';

/** Sales lines with their order, product, store, region, channel, supplier, salesperson customer, promotion (all many-to-one). */
export const SALES = `erp.sales_order_lines l JOIN erp.sales_orders o ON o.sales_order_id = l.sales_order_id
  LEFT JOIN erp.products p ON p.sku_id = l.sku_id
  LEFT JOIN erp.stores s ON s.store_id = o.store_id LEFT JOIN erp.regions r ON r.region_id = s.region_id
  LEFT JOIN erp.channels c ON c.channel_id = o.channel_id
  LEFT JOIN erp.suppliers su ON su.supplier_id = p.supplier_id
  LEFT JOIN erp.salespeople sp ON sp.salesperson_id = o.salesperson_id
  LEFT JOIN erp.customers cu ON cu.customer_id = o.customer_id
  LEFT JOIN erp.promotions pr ON pr.promotion_id = o.promotion_id`;

/** Returns with their product. */
export const RETURNS = 'erp.returns t LEFT JOIN erp.products p ON p.sku_id = t.sku_id';

/** Journal lines with their entry and account; the store is the cost centre's. */
export const POSTINGS = `ledger_raw.journal_lines jl JOIN ledger_raw.journal_entries je ON je.journal_entry_id = jl.journal_entry_id
  JOIN ledger_raw.chart_of_accounts a ON a.account_code = jl.account_code
  LEFT JOIN erp.stores s ON s.store_code = jl.cost_center LEFT JOIN erp.regions r ON r.region_id = s.region_id`;

export const ratio = (a: string, b: string) =>
  `CAST(${a} AS DOUBLE PRECISION) / NULLIF(CAST(${b} AS DOUBLE PRECISION), 0)`;

const NET = '(jl.debit_minor - jl.credit_minor)';
const OPEX = "a.account_type = 'expense' AND a.account_code NOT IN ('5000', '5100')";

/** Sales and returns metrics, as the model defines them. */
export const M = {
  revenue: 'SUM(l.net_amount)',
  units: 'SUM(l.quantity)',
  orders: 'COUNT(DISTINCT l.sales_order_id)',
  margin: 'SUM(l.net_amount - l.quantity * l.unit_cost)',
  cogs: 'SUM(l.quantity * l.unit_cost)',
  gross: 'SUM(l.quantity * l.unit_price)',
  discounts: 'SUM(l.discount_amount)',
  /** Anonymous walk-in sales have no customer. */
  customers: 'COUNT(DISTINCT o.customer_id)',
  aov: ratio('SUM(l.net_amount)', 'COUNT(DISTINCT l.sales_order_id)'),
  asp: ratio('SUM(l.net_amount)', 'SUM(l.quantity)'),
  marginPct: ratio('SUM(l.net_amount - l.quantity * l.unit_cost)', 'SUM(l.net_amount)'),
  discountRate: ratio('SUM(l.discount_amount)', 'SUM(l.quantity * l.unit_price)'),
  unitsReturned: 'SUM(t.quantity)',
  refunds: 'SUM(t.refund_amount)',
  returnCount: 'COUNT(*)',
} as const;

/** Ledger metrics in USD. */
export const L = {
  opex: `SUM(CASE WHEN ${OPEX} THEN ${NET} END) / 100.0`,
  ledgerRevenue: `-SUM(CASE WHEN a.account_type = 'revenue' THEN ${NET} END) / 100.0`,
  netIncome: `-SUM(CASE WHEN a.account_type IN ('revenue', 'expense') THEN ${NET} END) / 100.0`,
  ledgerCogs: `SUM(CASE WHEN a.account_code IN ('5000', '5100') THEN ${NET} END) / 100.0`,
  cashMovement: `SUM(CASE WHEN a.account_code IN ('1010', '1050') THEN ${NET} END) / 100.0`,
  /** Operating expense accounts only, for rankings by account. */
  opexOnly: OPEX,
  net: `SUM(${NET}) / 100.0`,
} as const;

/** SQL text of a value: quotes doubled (the values here are the cases' own constants). */
export const lit = (value: string) => `'${value.replaceAll("'", "''")}'`;

export const within = (column: string, [start, end]: Period) =>
  `${column} BETWEEN DATE '${start}' AND DATE '${end}'`;

const where = (parts: (string | undefined)[]) => {
  const kept = parts.filter((p): p is string => Boolean(p));
  return kept.length ? `WHERE ${kept.join(' AND ')}` : '';
};

export interface Source {
  from: string;
  date: string;
}
export const SALES_SOURCE: Source = { from: SALES, date: 'o.order_date' };
export const RETURNS_SOURCE: Source = { from: RETURNS, date: 't.return_date' };
export const LEDGER_SOURCE: Source = { from: POSTINGS, date: 'je.entry_date' };

/** One row: each named expression over the period. */
export function totals(src: Source, period: Period, cols: Record<string, string>, filter?: string): string {
  const select = Object.entries(cols).map(([name, expr]) => `${expr} AS ${name}`);
  return `SELECT ${select.join(', ')} FROM ${src.from} ${where([within(src.date, period), filter])}`;
}

/** The first item by `expr` (desc, or asc for bottom), its value, the next value (ties) and the item count. */
export function top(
  src: Source,
  period: Period,
  dimension: string,
  expr: string,
  options: { filter?: string; ascending?: boolean } = {},
): string {
  const dir = options.ascending ? 'ASC' : 'DESC';
  return `WITH g AS (SELECT ${dimension} AS item, ${expr} AS value FROM ${src.from}
      ${where([within(src.date, period), options.filter])} GROUP BY 1)
    SELECT item, value, (SELECT COUNT(*) FROM g) AS items,
      (SELECT value FROM g ORDER BY value ${dir} LIMIT 1 OFFSET 1) AS runner_up FROM g ORDER BY value ${dir}, item LIMIT 1`;
}

/** Current, previous, change and change_pct of `expr` between two periods. */
export function versus(
  src: Source,
  current: Period,
  previous: Period,
  expr: string,
  filter?: string,
): string {
  const one = (p: Period) => `(SELECT ${expr} FROM ${src.from} ${where([within(src.date, p), filter])})`;
  return `SELECT cur AS current, prev AS previous, cur - prev AS change, ${ratio('cur - prev', 'prev')} AS change_pct
    FROM (SELECT ${one(current)} AS cur, ${one(previous)} AS prev) x`;
}

/** The share of `item` in `sumExpr` (an expression inside SUM) over the period, and its value. */
export function share(
  src: Source,
  period: Period,
  dimension: string,
  item: string,
  sumExpr: string,
  filter?: string,
): string {
  return `SELECT SUM(CASE WHEN ${dimension} = ${lit(item)} THEN ${sumExpr} END) AS value,
      ${ratio(`SUM(CASE WHEN ${dimension} = ${lit(item)} THEN ${sumExpr} END)`, `SUM(${sumExpr})`)} AS share
    FROM ${src.from} ${where([within(src.date, period), filter])}`;
}

/** The largest item's share of the total, with its name. */
export function topShare(src: Source, period: Period, dimension: string, sumExpr: string): string {
  return `WITH g AS (SELECT ${dimension} AS item, SUM(${sumExpr}) AS value FROM ${src.from}
      ${where([within(src.date, period)])} GROUP BY 1)
    SELECT item, value, ${ratio('value', '(SELECT SUM(value) FROM g)')} AS share FROM g ORDER BY value DESC, item LIMIT 1`;
}

/** Per calendar month (or fiscal quarter): the first, last and peak period values. */
export function series(
  src: Source,
  period: Period,
  expr: string,
  options: { filter?: string; grain?: 'day' | 'month' | 'week' | 'quarter' | 'fiscal_quarter' } = {},
): string {
  const grain = options.grain ?? 'month';
  const bucket =
    grain === 'fiscal_quarter'
      ? `date_trunc('quarter', ${src.date} - INTERVAL '1 month') + INTERVAL '1 month'`
      : `date_trunc('${grain}', ${src.date})`;
  return `WITH m AS (SELECT CAST(${bucket} AS DATE) AS period, ${expr} AS v FROM ${src.from}
      ${where([within(src.date, period), options.filter])} GROUP BY 1)
    SELECT (SELECT v FROM m ORDER BY period LIMIT 1) AS first_value,
      (SELECT v FROM m ORDER BY period DESC LIMIT 1) AS last_value,
      (SELECT MAX(v) FROM m) AS peak_value, (SELECT COUNT(*) FROM m) AS periods`;
}

/**
 * Why `expr` changed: the total change and the member of `dimension` that moved most in the same
 * direction (the top contributor), with its own change.
 */
export function contributor(
  src: Source,
  current: Period,
  previous: Period,
  dimension: string,
  expr: string,
  filter?: string,
): string {
  const by = (p: Period) =>
    `SELECT ${dimension} AS item, ${expr} AS v FROM ${src.from} ${where([within(src.date, p), filter])} GROUP BY 1`;
  return `WITH cur AS (${by(current)}), prev AS (${by(previous)}),
      d AS (SELECT COALESCE(cur.item, prev.item) AS item, COALESCE(cur.v, 0) - COALESCE(prev.v, 0) AS change
        FROM cur FULL OUTER JOIN prev ON prev.item = cur.item),
      t AS (SELECT SUM(change) AS total FROM d)
    SELECT d.item, d.change AS item_change, t.total AS change FROM d CROSS JOIN t
    ORDER BY d.change * SIGN(t.total) DESC, d.item LIMIT 1`;
}
