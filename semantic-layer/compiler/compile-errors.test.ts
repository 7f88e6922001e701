/** Bad input and join traps: each refused with its code and a message that says what to ask instead. */
import { describe, expect, it } from 'vitest';
import { fixedClock } from '../../core/clock.ts';
import { CodedError, type ErrorCode } from '../../core/coded-error.ts';
import { compileQuery } from './compile-query.ts';
import { trapFixtureModel } from './test-fixtures/trap-fixture.ts';

const model = trapFixtureModel();
const options = {
  dialect: 'postgres' as const,
  clock: fixedClock(new Date('2025-03-15T12:00:00Z')),
  fiscalYearStartMonth: 1,
};

function refusal(query: unknown): CodedError {
  try {
    compileQuery(model, query, options);
  } catch (error) {
    if (error instanceof CodedError) return error;
    throw error;
  }
  throw new Error('the query compiled');
}

const cases: { name: string; query: Record<string, unknown>; code: ErrorCode; says: RegExp[] }[] = [
  {
    name: 'fan-out: customers counted by an order dimension',
    query: { metrics: ['customer_count'], dimensions: ['orders.channel'] },
    code: 'SEMANTIC_JOIN_TRAP',
    says: [/fan-out/, /customers/, /orders/],
  },
  {
    name: 'chasm: visits sliced by a click dimension over a shared foreign campaign',
    query: { metrics: ['visit_count'], dimensions: ['clicks.device'] },
    code: 'SEMANTIC_JOIN_TRAP',
    says: [/chasm/, /visits/, /clicks/, /campaign/],
  },
  {
    name: 'no path at all: visits by region',
    query: { metrics: ['visit_count'], dimensions: ['regions.region_name'] },
    code: 'SEMANTIC_UNSUPPORTED_SLICE',
    says: [/visits/, /regions/, /dimension of visits/],
  },
  {
    name: 'a filter no metric can reach: stock filtered on customers',
    query: {
      metrics: ['stock_on_hand'],
      filters: [{ dimension: 'customers.segment', operator: 'equals', values: ['trade'] }],
    },
    code: 'SEMANTIC_JOIN_TRAP',
    says: [/stock/, /customers/],
  },
  {
    name: 'metric_time on a model without a time dimension',
    query: {
      metrics: ['customer_count'],
      time: { dimension: 'metric_time', grain: 'month', range: { relative: 'last_year' } },
    },
    code: 'SEMANTIC_UNSUPPORTED_SLICE',
    says: [/customer_count/, /no default time dimension/, /time: null/],
  },
  {
    name: 'unknown metric, with the nearest names',
    query: { metrics: ['revnue'] },
    code: 'SEMANTIC_UNKNOWN_MEMBER',
    says: [/"revnue"/, /Did you mean "revenue"/],
  },
  {
    name: 'unknown dimension, with the nearest names',
    query: { metrics: ['revenue'], dimensions: ['regions.region'] },
    code: 'SEMANTIC_UNKNOWN_MEMBER',
    says: [/"regions.region"/, /"regions.region_name"/],
  },
  {
    name: 'unknown filter dimension',
    query: {
      metrics: ['revenue'],
      filters: [{ dimension: 'orders.chanel', operator: 'equals', values: ['online'] }],
    },
    code: 'SEMANTIC_UNKNOWN_MEMBER',
    says: [/"orders.channel"/],
  },
  {
    name: 'end before start',
    query: {
      metrics: ['revenue'],
      time: { dimension: 'metric_time', grain: null, range: { start: '2024-05-01', end: '2024-04-01' } },
    },
    code: 'SEMANTIC_BAD_RANGE',
    says: [/ends \(2024-04-01\) before it starts \(2024-05-01\)/, /swap/],
  },
  {
    name: 'an impossible date',
    query: {
      metrics: ['revenue'],
      time: { dimension: 'metric_time', grain: null, range: { start: '2023-02-29', end: '2023-03-31' } },
    },
    code: 'SEMANTIC_BAD_RANGE',
    says: [/2023-02-29/, /not a real calendar date/],
  },
  {
    name: 'a comparison over all time',
    query: {
      metrics: ['revenue'],
      time: { dimension: 'metric_time', grain: null, range: { relative: 'all_time' } },
      compare: 'previous_period',
    },
    code: 'SEMANTIC_BAD_RANGE',
    says: [/bounded period/, /last_year/],
  },
  {
    name: 'a limit over the cap',
    query: { metrics: ['revenue'], limit: 5000 },
    code: 'SEMANTIC_LIMIT_EXCEEDED',
    says: [/5000/, /at most 1000/],
  },
  {
    name: 'an extra property',
    query: { metrics: ['revenue'], group_by: ['orders.channel'] },
    code: 'SEMANTIC_QUERY_INVALID',
    says: [/group_by/],
  },
  {
    name: 'between with one value',
    query: {
      metrics: ['revenue'],
      filters: [{ dimension: 'orders.channel', operator: 'between', values: ['a'] }],
    },
    code: 'SEMANTIC_QUERY_INVALID',
    says: [/exactly 2/, /orders.channel/],
  },
  {
    name: 'order by something not in the query',
    query: { metrics: ['revenue'], order: [{ by: 'order_count', direction: 'desc' }] },
    code: 'SEMANTIC_QUERY_INVALID',
    says: [/order_count/, /order by one of: revenue/],
  },
  {
    name: 'a cumulative metric without a grain',
    query: {
      metrics: ['revenue_ytd'],
      time: { dimension: 'metric_time', grain: null, range: { relative: 'this_year' } },
    },
    code: 'SEMANTIC_QUERY_INVALID',
    says: [/revenue_ytd/, /grain/],
  },
  {
    name: 'all others over time',
    query: {
      metrics: ['revenue'],
      dimensions: ['orders.channel'],
      include_others: true,
      limit: 2,
      time: { dimension: 'metric_time', grain: 'month', range: { relative: 'last_year' } },
    },
    code: 'SEMANTIC_QUERY_INVALID',
    says: [/include_others/, /grain to null/],
  },
  {
    name: 'all others of a distinct count',
    query: {
      metrics: ['distinct_customers'],
      dimensions: ['orders.channel'],
      include_others: true,
      limit: 1,
    },
    code: 'SEMANTIC_QUERY_INVALID',
    says: [/distinct_customers/, /count_distinct/],
  },
  {
    name: 'a day grain over ten years',
    query: {
      metrics: ['revenue'],
      time: { dimension: 'metric_time', grain: 'day', range: { start: '2015-01-01', end: '2024-12-31' } },
    },
    code: 'SEMANTIC_QUERY_INVALID',
    says: [/3653 periods/, /coarser grain/],
  },
];

describe('refused queries', () => {
  it.each(cases)('$name → $code', ({ query, code, says }) => {
    const error = refusal(query);
    expect(error.code).toBe(code);
    for (const pattern of says) expect(error.message).toMatch(pattern);
  });

  it('compiles the safe neighbour of each trap', () => {
    expect(() =>
      compileQuery(model, { metrics: ['order_count'], dimensions: ['customers.segment'] }, options),
    ).not.toThrow();
    expect(() =>
      compileQuery(model, { metrics: ['visit_count'], dimensions: ['visits.source'] }, options),
    ).not.toThrow();
  });
});

describe('the plan', () => {
  it('is frozen and carries the provenance an answer cites', () => {
    const { plan, params } = compileQuery(
      model,
      {
        metrics: ['discount_rate'],
        filters: [{ dimension: 'orders.channel', operator: 'equals', values: ['online'] }],
        time: { dimension: 'metric_time', grain: null, range: { relative: 'last_quarter' } },
      },
      options,
    );
    expect(Object.isFrozen(plan)).toBe(true);
    expect(Object.isFrozen(plan.sources[0]?.measures)).toBe(true);
    expect(plan.range).toEqual({ start: '2024-10-01', end: '2024-12-31' });
    expect(plan.provenance.filters).toEqual(['orders.channel equals "online"']);
    expect(plan.provenance.metrics.map((m) => [m.name, m.definition])).toEqual([
      ['gross_sales', 'sum(gross) over orders'],
      ['discounts', 'sum(discount) over orders'],
      ['discount_rate', 'discounts / gross_sales, after aggregation'],
    ]);
    expect(params).toEqual(['2024-10-01', '2025-01-01', 'online']);
  });

  it('never puts a filter value in the SQL text', () => {
    const hostile = "x' OR 1=1 --";
    const { sql, params } = compileQuery(
      model,
      {
        metrics: ['revenue'],
        filters: [{ dimension: 'orders.channel', operator: 'contains', values: [hostile] }],
      },
      options,
    );
    expect(sql).not.toContain('OR 1=1');
    expect(params).toContain("%x' or 1=1 --%");
  });
});
