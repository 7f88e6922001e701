/**
 * What differs between the warehouses, and nothing else: one small adapter per dialect. The
 * renderer emits the common subset (CTEs, CASE WHEN instead of FILTER, CAST(... AS DOUBLE
 * PRECISION) before dividing, NULLIF guards, explicit NULLS LAST) and asks the adapter for the rest.
 * All three compile through Kysely's Postgres query compiler: $1.. positional parameters and
 * double-quoted identifiers are what DuckDB, Postgres and Redshift all accept.
 */
import {
  DummyDriver,
  Kysely,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  type RawBuilder,
} from 'kysely';
import type { WarehouseDialect } from '../../../db/warehouse.ts';
import type { QueryGrain } from '../../query/semantic-query-shape.ts';

export type Sql = RawBuilder<unknown>;

export interface GroupedPeriod {
  parts: Sql[];
  toDate(parts: Sql[]): Sql;
}

/** The period start as a single group key (Postgres, Redshift). */
export function singlePart(start: Sql): GroupedPeriod {
  return { parts: [start], toDate: ([part]) => part ?? start };
}

export interface DialectAdapter {
  readonly dialect: WarehouseDialect;
  /** The first day of the period of `grain` containing `value`, as a DATE; fiscal grains shifted by `fiscalOffset` months. */
  periodStart(grain: QueryGrain, value: Sql, fiscalOffset: number): Sql;
  /**
   * The period as the parts to GROUP BY and how to make its first day from them after grouping.
   * One part (the period start itself) unless the engine groups faster on several (DuckDB).
   */
  groupedPeriod(grain: QueryGrain, value: Sql, fiscalOffset: number): GroupedPeriod;
  /** a = b, with NULL equal to NULL (group keys may be NULL). */
  nullSafeEquals(a: Sql, b: Sql): Sql;
  /** A Kysely instance that compiles (never connects) for this dialect. */
  readonly kysely: Kysely<unknown>;
}

/** A Kysely that only compiles: the Postgres compiler and adapter, a driver that never connects. */
export function compileOnlyKysely(): Kysely<unknown> {
  return new Kysely<unknown>({
    dialect: {
      createAdapter: () => new PostgresAdapter(),
      createDriver: () => new DummyDriver(),
      createIntrospector: (db) => new PostgresIntrospector(db),
      createQueryCompiler: () => new PostgresQueryCompiler(),
    },
  });
}

/** 'week', 'month' ... as the date part literal of date_trunc (a closed enum, never user text). */
export const CALENDAR_PART: Record<'week' | 'month' | 'quarter' | 'year', string> = {
  week: "'week'",
  month: "'month'",
  quarter: "'quarter'",
  year: "'year'",
};

/** fiscal_quarter → quarter, fiscal_year → year; the calendar grains as they are. */
export function calendarGrain(grain: Exclude<QueryGrain, 'day'>): 'week' | 'month' | 'quarter' | 'year' {
  return grain === 'fiscal_quarter' ? 'quarter' : grain === 'fiscal_year' ? 'year' : grain;
}
