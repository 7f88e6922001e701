/**
 * DuckDB: months, quarters and years are built with make_date(year(), month()) rather than
 * date_trunc: a probe over a 10M-row fact grouped 2-3x faster that way (issue #5; see
 * docs/semantic-compiler.md for what the benchmark measured). Weeks keep date_trunc (ISO Monday).
 */
import { sql } from 'kysely';
import type { QueryGrain } from '../../query/semantic-query-shape.ts';
import { compileOnlyKysely, type DialectAdapter, type Sql } from './dialect-adapter.ts';

function calendarStart(grain: Exclude<QueryGrain, 'day' | 'week'>, value: Sql): Sql {
  switch (grain) {
    case 'month':
      return sql`make_date(year(${value}), month(${value}), 1)`;
    case 'quarter':
    case 'fiscal_quarter':
      return sql`make_date(year(${value}), (quarter(${value}) - 1) * 3 + 1, 1)`;
    default:
      return sql`make_date(year(${value}), 1, 1)`;
  }
}

export const duckdbAdapter: DialectAdapter = {
  dialect: 'duckdb',
  periodStart(grain, value, fiscalOffset) {
    if (grain === 'day') return sql`CAST(${value} AS DATE)`;
    if (grain === 'week') return sql`CAST(date_trunc('week', ${value}) AS DATE)`;
    const shift =
      grain.startsWith('fiscal') && fiscalOffset > 0 ? sql.raw(`INTERVAL '${fiscalOffset} months'`) : null;
    if (!shift) return calendarStart(grain, value);
    return sql`CAST(${calendarStart(grain, sql`(${value} - ${shift})`)} + ${shift} AS DATE)`;
  },
  nullSafeEquals: (a, b) => sql`${a} IS NOT DISTINCT FROM ${b}`,
  kysely: compileOnlyKysely(),
};
