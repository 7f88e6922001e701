/**
 * A semi-additive source (stock on hand): keep each row's period, keys and day, then sum only the
 * rows on the last (or first) day with data in each period, across all groups of the period.
 */
import { sql } from 'kysely';
import type { DateRange } from '../query/resolve-time-range.ts';
import type { DialectAdapter } from './dialects/dialect-adapter.ts';
import type { PlannedMeasure, PlannedSource, QueryPlan } from './query-plan.ts';
import { aggregate, fromClause, groupBy, keys, type RenderedCte, rangeConditions } from './source-sql.ts';
import { condition, ident, ref, whereClause } from './sql-parts.ts';

export function renderSemiAdditive(
  source: PlannedSource,
  measure: PlannedMeasure,
  plan: QueryPlan,
  adapter: DialectAdapter,
  range: DateRange | null,
  name: string,
): RenderedCte[] {
  const nonAdditive = source.nonAdditive as NonNullable<PlannedSource['nonAdditive']>;
  const keyColumns = keys(source, plan, adapter);
  const where = whereClause([
    ...rangeConditions(source, range),
    ...source.where.map(condition),
    ...measure.conditions.map(condition),
  ]);
  const rows = sql`SELECT ${sql.join([...keyColumns, sql`${adapter.periodStart('day', ref(nonAdditive.day), 0)} AS t_day`, sql`${ref(measure.value)} AS v`])} FROM ${fromClause(source, adapter)}${where}`;
  const byPeriod = plan.time?.grain && source.time;
  const pick = nonAdditive.window === 'last' ? sql`MAX(t_day)` : sql`MIN(t_day)`;
  const bounds = byPeriod
    ? sql`SELECT t_period, ${pick} AS t_day FROM ${ident(`${name}_rows`)} GROUP BY t_period`
    : sql`SELECT ${pick} AS t_day FROM ${ident(`${name}_rows`)}`;
  const on = byPeriod ? sql`l.t_period = r.t_period AND l.t_day = r.t_day` : sql`l.t_day = r.t_day`;
  const select = [
    ...(byPeriod ? [sql`r.t_period`] : []),
    ...source.dimensions.map((_, i) => sql`r.${ident(`d${i}`)}`),
    sql`${aggregate(measure.agg, sql`r.v`)} AS ${ident(measure.column)}`,
  ];
  const body = sql`SELECT ${sql.join(select)} FROM ${ident(`${name}_rows`)} r JOIN (${bounds}) l ON ${on}${groupBy(select.length - 1)}`;
  return [
    { name: `${name}_rows`, body: rows },
    { name, body },
  ];
}
