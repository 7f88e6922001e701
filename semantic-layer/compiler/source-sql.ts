/**
 * The pieces every source's SQL is made of: each model read through a derived table of the
 * columns the query needs, many-to-one LEFT JOINs, the date range, the measures' aggregates.
 */
import { sql } from 'kysely';
import { addDays, fiscalOffset } from '../query/calendar-dates.ts';
import type { DateRange } from '../query/resolve-time-range.ts';
import type { DialectAdapter, Sql } from './dialects/dialect-adapter.ts';
import type { PlannedMeasure, PlannedSource, PlannedTable, QueryPlan } from './query-plan.ts';
import { and, condition, dateValue, ident, modelExpression, ref, relation, toDouble } from './sql-parts.ts';

export function derivedTable(table: PlannedTable, adapter: DialectAdapter): Sql {
  const columns = table.columns.map(
    (c) => sql`${modelExpression(c.expr, adapter.dialect)} AS ${ident(c.alias)}`,
  );
  return sql`(SELECT ${sql.join(columns)} FROM ${relation(table.relation)}) AS ${ident(table.alias)}`;
}

export function fromClause(source: PlannedSource, adapter: DialectAdapter): Sql {
  const [base, ...joined] = source.tables;
  if (!base) throw new Error('a source has at least its own model');
  const joins = joined.map((t) => {
    const on = t.join ? sql`${ref(t.join.from)} = ${ident(t.alias)}.${ident(t.join.to)}` : sql`1 = 1`;
    return sql` LEFT JOIN ${derivedTable(t, adapter)} ON ${on}`;
  });
  return sql`${derivedTable(base, adapter)}${sql.join(joins, sql``)}`;
}

/** Days are compared as [start, end + 1) so a timestamp column keeps its whole last day. */
export function rangeConditions(source: PlannedSource, range: Partial<DateRange> | null): Sql[] {
  if (!source.time || !range) return [];
  const parts: Sql[] = [];
  if (range.start) parts.push(sql`${ref(source.time)} >= ${dateValue(range.start)}`);
  if (range.end) parts.push(sql`${ref(source.time)} < ${dateValue(addDays(range.end, 1))}`);
  return parts;
}

export function measureValue(measure: PlannedMeasure): Sql {
  if (measure.conditions.length === 0) return ref(measure.value);
  return sql`CASE WHEN ${and(measure.conditions.map(condition))} THEN ${ref(measure.value)} END`;
}

export function aggregate(agg: PlannedMeasure['agg'], value: Sql): Sql {
  switch (agg) {
    case 'sum':
      return sql`SUM(${value})`;
    case 'count':
      return sql`COUNT(${value})`;
    case 'count_distinct':
      return sql`COUNT(DISTINCT ${value})`;
    case 'min':
      return sql`MIN(${value})`;
    case 'max':
      return sql`MAX(${value})`;
    case 'average':
      // AVG of an integer column truncates on Redshift: average doubles everywhere.
      return sql`AVG(${toDouble(value)})`;
  }
}

export function groupBy(count: number): Sql {
  if (count === 0) return sql``;
  return sql.raw(` GROUP BY ${Array.from({ length: count }, (_, i) => i + 1).join(', ')}`);
}

export function keys(
  source: PlannedSource,
  plan: QueryPlan,
  adapter: DialectAdapter,
  grain = plan.time?.grain ?? null,
): Sql[] {
  const period =
    grain && source.time
      ? [
          sql`${adapter.periodStart(grain, ref(source.time), fiscalOffset(plan.fiscalYearStartMonth))} AS t_period`,
        ]
      : [];
  return [...period, ...source.dimensions.map((d, i) => sql`${ref(d)} AS ${ident(`d${i}`)}`)];
}

export interface RenderedCte {
  name: string;
  body: Sql;
}
