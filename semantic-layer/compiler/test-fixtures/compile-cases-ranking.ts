/** Top N with an "all others" row, share of total, explicit order and limit. Compared in order. */
import { type CompileCase, ORDERS_REGIONS, q, RETURNS_REGIONS } from './compile-case.ts';

/** Top `n` of grouped values `a(k, v)` by v desc, then one "All others" row summing the rest. */
const topWithOthers = (grouped: string, n: number, dimension: string, metric: string, share = false) => `
  WITH a AS (${grouped}),
  r AS (SELECT k, v, ROW_NUMBER() OVER (ORDER BY v DESC NULLS LAST, k ASC NULLS LAST) AS n FROM a),
  x AS (SELECT 0 AS o, n, CAST(k AS VARCHAR) AS k, v FROM r WHERE n <= ${n}
        UNION ALL SELECT 1, 0, 'All others', SUM(v) FROM r WHERE n > ${n})
  SELECT k AS ${dimension}, v AS ${metric}${share ? `, CAST(v AS DOUBLE PRECISION) / NULLIF(CAST(SUM(v) OVER () AS DOUBLE PRECISION), 0) AS ${metric}_share` : ''}
  FROM x ORDER BY o, n`;

export const rankingCases: CompileCase[] = [
  {
    name: 'top N: the two best stores by revenue and all others',
    query: q(['revenue'], { dimensions: ['stores.store_name'], limit: 2, include_others: true }),
    ordered: true,
    expected: topWithOthers(
      `SELECT s.store_name AS k, COALESCE(SUM(o.amount), 0) AS v FROM ${ORDERS_REGIONS} GROUP BY 1`,
      2,
      'store_name',
      'revenue',
    ),
  },
  {
    name: 'top N: three best customers by orders, all others, with shares of the whole',
    query: q(['order_count'], {
      dimensions: ['customers.customer_name'],
      limit: 3,
      include_others: true,
      share_of_total: true,
    }),
    ordered: true,
    expected: topWithOthers(
      'SELECT c.customer_name AS k, COUNT(o.order_id) AS v FROM fx.orders o LEFT JOIN fx.customers c ON c.customer_id = o.customer_id GROUP BY 1',
      3,
      'customer_name',
      'order_count',
      true,
    ),
  },
  {
    name: 'share of total: revenue by region, NULL region included in the whole',
    query: q(['revenue'], { dimensions: ['regions.region_name'], share_of_total: true }),
    expected: `SELECT region_name, v AS revenue, CAST(v AS DOUBLE PRECISION) / NULLIF(CAST(SUM(v) OVER () AS DOUBLE PRECISION), 0) AS revenue_share
      FROM (SELECT r.region_name AS region_name, COALESCE(SUM(o.amount), 0) AS v FROM ${ORDERS_REGIONS} GROUP BY 1) a`,
  },
  {
    name: 'bottom N: the three cities with the least revenue',
    query: q(['revenue'], {
      dimensions: ['stores.city'],
      order: [{ by: 'revenue', direction: 'asc' }],
      limit: 3,
    }),
    ordered: true,
    expected: `SELECT s.city AS city, COALESCE(SUM(o.amount), 0) AS revenue FROM ${ORDERS_REGIONS} GROUP BY 1 ORDER BY 2 ASC, 1 ASC NULLS LAST LIMIT 3`,
  },
  {
    name: 'order by a dimension: revenue by channel, channel descending, limit 2',
    query: q(['revenue'], {
      dimensions: ['orders.channel'],
      order: [{ by: 'orders.channel', direction: 'desc' }],
      limit: 2,
    }),
    ordered: true,
    expected:
      'SELECT channel, COALESCE(SUM(amount), 0) AS revenue FROM fx.orders GROUP BY 1 ORDER BY 1 DESC LIMIT 2',
  },
  {
    name: 'top N: two regions by refunds with revenue beside (two sources) and all others',
    query: q(['refunds', 'revenue'], { dimensions: ['regions.region_name'], limit: 2, include_others: true }),
    ordered: true,
    expected: `
      WITH a AS (SELECT r.region_name AS k, SUM(t.refund) AS v FROM ${RETURNS_REGIONS} GROUP BY 1),
      b AS (SELECT r.region_name AS k, SUM(o.amount) AS v FROM ${ORDERS_REGIONS} GROUP BY 1),
      j AS (SELECT k.k, COALESCE(a.v, 0) AS refunds, COALESCE(b.v, 0) AS revenue
            FROM (SELECT k FROM a UNION SELECT k FROM b) k LEFT JOIN a ON a.k IS NOT DISTINCT FROM k.k LEFT JOIN b ON b.k IS NOT DISTINCT FROM k.k),
      r AS (SELECT j.*, ROW_NUMBER() OVER (ORDER BY refunds DESC NULLS LAST, k ASC NULLS LAST) AS n FROM j),
      x AS (SELECT 0 AS o, n, CAST(k AS VARCHAR) AS k, refunds, revenue FROM r WHERE n <= 2
            UNION ALL SELECT 1, 0, 'All others', SUM(refunds), SUM(revenue) FROM r WHERE n > 2)
      SELECT k AS region_name, refunds, revenue FROM x ORDER BY o, n`,
  },
];
