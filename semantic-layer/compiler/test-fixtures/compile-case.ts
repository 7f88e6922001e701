/**
 * One table-driven compiler case: a query over the trap fixture and a hand-written SQL query over
 * the fixture's base tables (never through the semantic layer) that must give the same rows.
 * Hand SQL runs on DuckDB and Postgres alike. The clock is 2025-03-15 (a Saturday).
 */
export interface CompileCase {
  /** Fixture (trap) it exercises, then what it asks. */
  name: string;
  query: Record<string, unknown>;
  expected: string;
  /** FISCAL_YEAR_START_MODE for the case; 1 unless said. */
  fiscal?: number;
  /** Compare rows in order (top N, explicit order); otherwise as a set. */
  ordered?: boolean;
}

export const CLOCK_DAY = '2025-03-15';

export function q(metrics: string[], rest: Record<string, unknown> = {}): Record<string, unknown> {
  return { metrics, ...rest };
}

export function time(grain: string | null, range: string | [string, string], dimension = 'metric_time') {
  return {
    time: {
      dimension,
      grain,
      range: typeof range === 'string' ? { relative: range } : { start: range[0], end: range[1] },
    },
  };
}

/** Orders with their store and region (LEFT: an order without a store still counts). */
export const ORDERS_REGIONS =
  'fx.orders o LEFT JOIN fx.stores s ON s.store_id = o.store_id LEFT JOIN fx.regions r ON r.region_id = s.region_id';
export const RETURNS_REGIONS =
  'fx.returns t LEFT JOIN fx.stores s ON s.store_id = t.store_id LEFT JOIN fx.regions r ON r.region_id = s.region_id';

/** Period starts from `first` to `last` every `step` ('1 month', '7 days' ...), as column p. */
export function series(first: string, last: string, step: string): string {
  return `(SELECT CAST(g AS DATE) AS p FROM generate_series(TIMESTAMP '${first}', TIMESTAMP '${last}', INTERVAL '${step}') AS gs(g))`;
}

export const ratio = (a: string, b: string) =>
  `CAST(${a} AS DOUBLE PRECISION) / NULLIF(CAST(${b} AS DOUBLE PRECISION), 0)`;
