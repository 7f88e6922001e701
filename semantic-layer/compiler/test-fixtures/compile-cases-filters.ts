/** Filters of every operator on dimensions of the metric's model and of joined models (values bound as parameters). */
import { type CompileCase, ORDERS_REGIONS, q, RETURNS_REGIONS, time } from './compile-case.ts';

const f = (dimension: string, operator: string, values: unknown[] = []) => ({ dimension, operator, values });
const ORDERS_ALL = `${ORDERS_REGIONS} LEFT JOIN fx.customers c ON c.customer_id = o.customer_id`;

export const filterCases: CompileCase[] = [
  {
    name: 'filters: revenue by region for two regions (in)',
    query: q(['revenue'], {
      dimensions: ['regions.region_name'],
      filters: [f('regions.region_name', 'in', ['North', 'West'])],
    }),
    expected: `SELECT r.region_name AS region_name, COALESCE(SUM(o.amount), 0) AS revenue FROM ${ORDERS_REGIONS} WHERE r.region_name IN ('North', 'West') GROUP BY 1`,
  },
  {
    name: 'filters: revenue by channel outside North (not_in drops NULL regions too)',
    query: q(['revenue'], {
      dimensions: ['orders.channel'],
      filters: [f('regions.region_name', 'not_in', ['North'])],
    }),
    expected: `SELECT o.channel AS channel, COALESCE(SUM(o.amount), 0) AS revenue FROM ${ORDERS_REGIONS} WHERE r.region_name NOT IN ('North') GROUP BY 1`,
  },
  {
    name: 'filters: online revenue by store (equals)',
    query: q(['revenue'], {
      dimensions: ['stores.store_name'],
      filters: [f('orders.channel', 'equals', ['online'])],
    }),
    expected: `SELECT s.store_name AS store_name, COALESCE(SUM(o.amount), 0) AS revenue FROM ${ORDERS_REGIONS} WHERE o.channel = 'online' GROUP BY 1`,
  },
  {
    name: 'filters: store names containing "LIS", any case (contains)',
    query: q(['revenue'], {
      dimensions: ['stores.store_name'],
      filters: [f('stores.store_name', 'contains', ['LIS'])],
    }),
    expected: `SELECT s.store_name AS store_name, COALESCE(SUM(o.amount), 0) AS revenue FROM ${ORDERS_REGIONS} WHERE LOWER(s.store_name) LIKE '%lis%' GROUP BY 1`,
  },
  {
    name: 'nulls: orders of customers without a segment (is_null)',
    query: q(['order_count'], {
      dimensions: ['customers.segment'],
      filters: [f('customers.segment', 'is_null')],
    }),
    expected: `SELECT c.segment AS segment, COUNT(o.order_id) AS order_count FROM ${ORDERS_ALL} WHERE c.segment IS NULL GROUP BY 1`,
  },
  {
    name: 'nulls: orders of customers with a segment by channel (is_not_null)',
    query: q(['order_count'], {
      dimensions: ['orders.channel'],
      filters: [f('customers.segment', 'is_not_null')],
    }),
    expected: `SELECT o.channel AS channel, COUNT(o.order_id) AS order_count FROM ${ORDERS_ALL} WHERE c.segment IS NOT NULL GROUP BY 1`,
  },
  {
    name: 'filters: revenue by city for stores after "M" (gt)',
    query: q(['revenue'], { dimensions: ['stores.city'], filters: [f('stores.store_name', 'gt', ['M'])] }),
    expected: `SELECT s.city AS city, COALESCE(SUM(o.amount), 0) AS revenue FROM ${ORDERS_REGIONS} WHERE s.store_name > 'M' GROUP BY 1`,
  },
  {
    name: 'filters: revenue by customer between two names (between) and lte',
    query: q(['revenue'], {
      dimensions: ['customers.customer_name'],
      filters: [
        f('customers.customer_name', 'between', ['Customer 2', 'Customer 6']),
        f('customers.customer_name', 'lte', ['Customer 5']),
      ],
    }),
    expected: `SELECT c.customer_name AS customer_name, COALESCE(SUM(o.amount), 0) AS revenue FROM ${ORDERS_ALL} WHERE c.customer_name BETWEEN 'Customer 2' AND 'Customer 6' AND c.customer_name <= 'Customer 5' GROUP BY 1`,
  },
  {
    name: 'filters: refunds by reason in Portugal (filter two hops away)',
    query: q(['refunds'], {
      dimensions: ['returns.reason'],
      filters: [f('regions.country', 'equals', ['PT'])],
    }),
    expected: `SELECT t.reason AS reason, COALESCE(SUM(t.refund), 0) AS refunds FROM ${RETURNS_REGIONS} WHERE r.country = 'PT' GROUP BY 1`,
  },
  {
    name: 'filters: online revenue (metric filter) by channel is zero off line',
    query: q(['online_revenue', 'revenue'], {
      dimensions: ['orders.channel'],
      filters: [f('orders.channel', 'not_equals', ['wholesale'])],
    }),
    expected: `SELECT channel, COALESCE(SUM(CASE WHEN channel = 'online' THEN amount END), 0) AS online_revenue, COALESCE(SUM(amount), 0) AS revenue FROM fx.orders WHERE channel <> 'wholesale' GROUP BY 1`,
  },
  {
    name: 'leap-day: orders by channel filtered on the order date itself (between, dates as values)',
    query: q(['order_count'], {
      dimensions: ['orders.channel'],
      filters: [f('orders.order_date', 'between', ['2024-02-28', '2024-03-01'])],
    }),
    expected:
      "SELECT channel, COUNT(order_id) AS order_count FROM fx.orders WHERE order_date BETWEEN DATE '2024-02-28' AND DATE '2024-03-01' GROUP BY 1",
  },
  {
    name: 'period-boundaries: refunds by quarter on a named time dimension (returns.return_date)',
    query: q(['refunds'], time('quarter', ['2024-01-01', '2024-06-30'], 'returns.return_date')),
    expected: `SELECT sp.p AS return_date, COALESCE((SELECT SUM(refund) FROM fx.returns WHERE return_date >= sp.p AND return_date < sp.p + INTERVAL '3 months'), 0) AS refunds
      FROM (SELECT DATE '2024-01-01' AS p UNION ALL SELECT DATE '2024-04-01') sp`,
  },
  {
    name: 'filters: contains takes % and _ literally (no store name has an underscore)',
    query: q(['revenue', 'order_count'], { filters: [f('stores.store_name', 'contains', ['_'])] }),
    expected: `SELECT COALESCE(SUM(o.amount), 0) AS revenue, COUNT(o.order_id) AS order_count FROM ${ORDERS_REGIONS} WHERE POSITION('_' IN s.store_name) > 0`,
  },
  {
    name: 'filters: contains "a c" matches "Lisboa Chiado" only, case-insensitive',
    query: q(['order_count'], {
      dimensions: ['stores.store_name'],
      filters: [f('stores.store_name', 'contains', ['A C'])],
    }),
    expected: `SELECT s.store_name AS store_name, COUNT(o.order_id) AS order_count FROM ${ORDERS_REGIONS} WHERE POSITION('a c' IN LOWER(s.store_name)) > 0 GROUP BY 1`,
  },
];
