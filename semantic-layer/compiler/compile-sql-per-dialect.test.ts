/**
 * The SQL each dialect gets, stated in one assertion per case (Kysely's style): a dialect added
 * without its expected SQL, or one missing, fails the case.
 */
import { describe, expect, it } from 'vitest';
import { fixedClock } from '../../core/clock.ts';
import type { WarehouseDialect } from '../../db/warehouse.ts';
import { compileQuery, DIALECT_ADAPTERS } from './compile-query.ts';
import { REDSHIFT_FORBIDDEN } from './test-fixtures/redshift-forbidden.ts';
import { trapFixtureModel } from './test-fixtures/trap-fixture.ts';

const model = trapFixtureModel();
const clock = fixedClock(new Date('2025-03-15T12:00:00Z'));

function compileForEvery(query: Record<string, unknown>): Record<string, { sql: string; params: unknown[] }> {
  const dialects = Object.keys(DIALECT_ADAPTERS) as WarehouseDialect[];
  return Object.fromEntries(
    dialects.map((dialect) => {
      const { sql, params } = compileQuery(model, query, { dialect, clock, fiscalYearStartMonth: 7 });
      return [dialect, { sql, params }];
    }),
  );
}

const REGION_JOINS =
  'FROM (SELECT store_id AS e_store, amount AS v_revenue FROM fx.orders) AS t0 LEFT JOIN (SELECT store_id AS e_store, region_id AS e_region FROM fx.stores) AS t1 ON t0.e_store = t1.e_store LEFT JOIN (SELECT region_id AS e_region, region_name AS d_region_name FROM fx.regions) AS t2 ON t1.e_region = t2.e_region';

describe('SQL per dialect', () => {
  it('multi-hop: revenue by region (the same common subset everywhere)', () => {
    const sql = `WITH s0 AS (SELECT t2.d_region_name AS d0, SUM(t0.v_revenue) AS m0 ${REGION_JOINS} GROUP BY 1), joined AS (SELECT d0, COALESCE(m0, 0) AS m0 FROM s0) SELECT j.d0 AS "region_name", j.m0 AS "revenue" FROM joined j ORDER BY j.m0 DESC NULLS LAST, j.d0 ASC NULLS LAST LIMIT 10`;
    expect(compileForEvery({ metrics: ['revenue'], dimensions: ['regions.region_name'], limit: 10 })).toEqual(
      {
        duckdb: { sql, params: [] },
        postgres: { sql, params: [] },
        redshift: { sql, params: [] },
      },
    );
  });

  it('fiscal quarters from July: year()/quarter() parts on DuckDB, date_trunc on a timestamp on Postgres, DATEADD on Redshift', () => {
    const scan =
      'FROM (SELECT order_date AS d_order_date, order_id AS v_order_count FROM fx.orders) AS t0 WHERE t0.d_order_date >= CAST($3 AS DATE) AND t0.d_order_date < CAST($4 AS DATE)';
    const single = (period: string) =>
      `SELECT ${period} AS t_period, COUNT(t0.v_order_count) AS m0 ${scan} GROUP BY 1`;
    const around = (source: string) =>
      `WITH spine AS (SELECT CAST($1 AS DATE) AS t_period, CAST($2 AS DATE) AS t_last), s0 AS (${source}), keys AS (SELECT sp.t_period FROM spine sp), joined AS (SELECT k.t_period, COALESCE(s0.m0, 0) AS m0 FROM keys k LEFT JOIN s0 ON s0.t_period = k.t_period) SELECT j.t_period AS "metric_time", j.m0 AS "order_count" FROM joined j ORDER BY j.t_period ASC NULLS LAST, j.m0 DESC NULLS LAST LIMIT 100`;
    const params = ['2024-10-01', '2024-12-31', '2024-10-01', '2025-01-01'];
    expect(
      compileForEvery({
        metrics: ['order_count'],
        time: {
          dimension: 'metric_time',
          grain: 'fiscal_quarter',
          range: { relative: 'last_fiscal_quarter' },
        },
      }),
    ).toEqual({
      duckdb: {
        sql: around(
          `SELECT CAST(make_date(g.t_p0, (g.t_p1 - 1) * 3 + 1, 1) + INTERVAL '6 months' AS DATE) AS t_period, g.m0 FROM (SELECT year((t0.d_order_date - INTERVAL '6 months')) AS t_p0, quarter((t0.d_order_date - INTERVAL '6 months')) AS t_p1, COUNT(t0.v_order_count) AS m0 ${scan} GROUP BY 1, 2) g`,
        ),
        params,
      },
      postgres: {
        sql: around(
          single(
            "CAST(date_trunc('quarter', CAST(t0.d_order_date AS TIMESTAMP) - INTERVAL '6 months') + INTERVAL '6 months' AS DATE)",
          ),
        ),
        params,
      },
      redshift: {
        sql: around(
          single(
            "CAST(DATEADD(month, 6, DATE_TRUNC('quarter', DATEADD(month, -6, t0.d_order_date))) AS DATE)",
          ),
        ),
        params,
      },
    });
  });

  it('a ratio over two models joined on NULL-safe keys: IS NOT DISTINCT FROM, spelt out on Redshift', () => {
    const sources =
      'WITH s0 AS (SELECT t1.d_city AS d0, SUM(t0.v_returned_units) AS m0 FROM (SELECT store_id AS e_store, units AS v_returned_units FROM fx.returns) AS t0 LEFT JOIN (SELECT store_id AS e_store, city AS d_city FROM fx.stores) AS t1 ON t0.e_store = t1.e_store GROUP BY 1), s1 AS (SELECT t1.d_city AS d0, SUM(t0.v_units_sold) AS m1 FROM (SELECT store_id AS e_store, units AS v_units_sold FROM fx.orders) AS t0 LEFT JOIN (SELECT store_id AS e_store, city AS d_city FROM fx.stores) AS t1 ON t0.e_store = t1.e_store GROUP BY 1), keys AS (SELECT d0 FROM s0 UNION SELECT d0 FROM s1)';
    const ratio = 'CAST(j.m0 AS DOUBLE PRECISION) / NULLIF(CAST(j.m1 AS DOUBLE PRECISION), 0)';
    const rest = `SELECT j.d0 AS "city", ${ratio} AS "return_unit_rate" FROM joined j ORDER BY ${ratio} DESC NULLS LAST, j.d0 ASC NULLS LAST LIMIT 100`;
    const joined = (on0: string, on1: string) =>
      `${sources}, joined AS (SELECT k.d0, COALESCE(s0.m0, 0) AS m0, COALESCE(s1.m1, 0) AS m1 FROM keys k LEFT JOIN s0 ON ${on0} LEFT JOIN s1 ON ${on1}) ${rest}`;
    const standard = joined('s0.d0 IS NOT DISTINCT FROM k.d0', 's1.d0 IS NOT DISTINCT FROM k.d0');
    expect(compileForEvery({ metrics: ['return_unit_rate'], dimensions: ['stores.city'] })).toEqual({
      duckdb: { sql: standard, params: [] },
      postgres: { sql: standard, params: [] },
      redshift: {
        sql: joined(
          '(s0.d0 = k.d0 OR (s0.d0 IS NULL AND k.d0 IS NULL))',
          '(s1.d0 = k.d0 OR (s1.d0 IS NULL AND k.d0 IS NULL))',
        ),
        params: [],
      },
    });
  });

  it('semi-additive stock over a quarter: the last day with data, then the sum', () => {
    const sql =
      'WITH s0_rows AS (SELECT CAST(t0.d_snapshot_date AS DATE) AS t_day, t0.v_stock_on_hand AS v FROM (SELECT snapshot_date AS d_snapshot_date, on_hand AS v_stock_on_hand FROM fx.stock) AS t0 WHERE t0.d_snapshot_date >= CAST($1 AS DATE) AND t0.d_snapshot_date < CAST($2 AS DATE)), s0 AS (SELECT SUM(r.v) AS m0 FROM s0_rows r JOIN (SELECT MAX(t_day) AS t_day FROM s0_rows) l ON l.t_day = r.t_day), joined AS (SELECT COALESCE(m0, 0) AS m0 FROM s0) SELECT j.m0 AS "stock_on_hand" FROM joined j ORDER BY j.m0 DESC NULLS LAST LIMIT 100';
    const params = ['2024-01-01', '2024-04-01'];
    expect(
      compileForEvery({
        metrics: ['stock_on_hand'],
        time: { dimension: 'metric_time', grain: null, range: { start: '2024-01-01', end: '2024-03-31' } },
      }),
    ).toEqual({ duckdb: { sql, params }, postgres: { sql, params }, redshift: { sql, params } });
  });
});

describe('the Redshift syntax check', () => {
  it('catches each construct Redshift lacks, and passes what it has', () => {
    const bad = [
      'SELECT * FROM generate_series(1, 3)',
      'SELECT COUNT(*) FILTER (WHERE x) FROM t',
      'SELECT x::date FROM t',
      "SELECT STRING_AGG(x, ',') FROM t",
      'SELECT 1 FROM a JOIN b ON a.x IS NOT DISTINCT FROM b.x',
      'SELECT make_date(2024, 1, 1)',
      'SELECT ARRAY[1, 2]',
      'SELECT SUM(x) OVER (ORDER BY d) FROM t',
    ];
    expect(bad.map((sql) => REDSHIFT_FORBIDDEN.filter(([, pattern]) => pattern.test(sql)).length)).toEqual(
      bad.map(() => 1),
    );
    const fine =
      'SELECT SUM(x) OVER (ORDER BY d ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW), SUM(x) OVER () FROM t';
    expect(REDSHIFT_FORBIDDEN.filter(([, pattern]) => pattern.test(fine))).toEqual([]);
  });
});
