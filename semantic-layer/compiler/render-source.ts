/**
 * One source of the plan as CTEs: each metric's measures aggregated at the grain of its own model
 * (period, dimensions), before anything is joined to anything else. Semi-additive sources keep
 * only the last (first) day of each period; cumulative ones sum days inside each spine row's window.
 */
import { sql } from 'kysely';
import { addDays, fiscalOffset } from '../query/calendar-dates.ts';
import type { DateRange } from '../query/resolve-time-range.ts';
import type { DialectAdapter, Sql } from './dialects/dialect-adapter.ts';
import type { PlannedMeasure, PlannedSource, PlannedTable, QueryPlan } from './query-plan.ts';
import {
  and,
  condition,
  dateValue,
  ident,
  modelExpression,
  ref,
  relation,
  toDouble,
  whereClause,
} from './sql-parts.ts';

export interface RenderedCte {
  name: string;
  body: Sql;
}

function derivedTable(table: PlannedTable, adapter: DialectAdapter): Sql {
  const columns = table.columns.map(
    (c) => sql`${modelExpression(c.expr, adapter.dialect)} AS ${ident(c.alias)}`,
  );
  return sql`(SELECT ${sql.join(columns)} FROM ${relation(table.relation)}) AS ${ident(table.alias)}`;
}

function fromClause(source: PlannedSource, adapter: DialectAdapter): Sql {
  const [base, ...joined] = source.tables;
  if (!base) throw new Error('a source has at least its own model');
  const joins = joined.map((t) => {
    const on = t.join ? sql`${ref(t.join.from)} = ${ident(t.alias)}.${ident(t.join.to)}` : sql`1 = 1`;
    return sql` LEFT JOIN ${derivedTable(t, adapter)} ON ${on}`;
  });
  return sql`${derivedTable(base, adapter)}${sql.join(joins, sql``)}`;
}

/** Days are compared as [start, end + 1) so a timestamp column keeps its whole last day. */
function rangeConditions(source: PlannedSource, range: Partial<DateRange> | null): Sql[] {
  if (!source.time || !range) return [];
  const parts: Sql[] = [];
  if (range.start) parts.push(sql`${ref(source.time)} >= ${dateValue(range.start)}`);
  if (range.end) parts.push(sql`${ref(source.time)} < ${dateValue(addDays(range.end, 1))}`);
  return parts;
}

function measureValue(measure: PlannedMeasure): Sql {
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

function groupBy(count: number): Sql {
  if (count === 0) return sql``;
  return sql.raw(` GROUP BY ${Array.from({ length: count }, (_, i) => i + 1).join(', ')}`);
}

function keys(
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

/**
 * GROUP BY the period's parts when the dialect groups faster on them (DuckDB: year(), month()),
 * and turn the parts into the period's first day after aggregating, once per group.
 */
function aggregateBody(
  source: PlannedSource,
  plan: QueryPlan,
  adapter: DialectAdapter,
  range: DateRange | null,
): Sql {
  const from = fromClause(source, adapter);
  const where = whereClause([...rangeConditions(source, range), ...source.where.map(condition)]);
  const measures = source.measures.map(
    (m) => sql`${aggregate(m.agg, measureValue(m))} AS ${ident(m.column)}`,
  );
  const grain = plan.time?.grain;
  const period =
    grain && source.time
      ? adapter.groupedPeriod(grain, ref(source.time), fiscalOffset(plan.fiscalYearStartMonth))
      : null;
  if (!period || period.parts.length < 2) {
    const select = [...keys(source, plan, adapter), ...measures];
    return sql`SELECT ${sql.join(select)} FROM ${from}${where}${groupBy(select.length - measures.length)}`;
  }
  const parts = period.parts.map((part, i) => sql`${part} AS ${ident(`t_p${i}`)}`);
  const dims = source.dimensions.map((d, i) => sql`${ref(d)} AS ${ident(`d${i}`)}`);
  const inner = sql`SELECT ${sql.join([...parts, ...dims, ...measures])} FROM ${from}${where}${groupBy(parts.length + dims.length)}`;
  const outer = [
    sql`${period.toDate(period.parts.map((_, i) => sql`g.${ident(`t_p${i}`)}`))} AS t_period`,
    ...source.dimensions.map((_, i) => sql`g.${ident(`d${i}`)}`),
    ...source.measures.map((m) => sql`g.${ident(m.column)}`),
  ];
  return sql`SELECT ${sql.join(outer)} FROM (${inner}) g`;
}

/** The CTEs of one source over `range`, named `${prefix}${source.name}`. */
export function renderSource(
  source: PlannedSource,
  plan: QueryPlan,
  adapter: DialectAdapter,
  range: DateRange | null,
  prefix = '',
): RenderedCte[] {
  const name = `${prefix}${source.name}`;
  const from = fromClause(source, adapter);
  const filters = source.where.map(condition);
  if (source.kind === 'aggregate') return [{ name, body: aggregateBody(source, plan, adapter, range) }];
  const [measure] = source.measures;
  if (!measure) throw new Error('a semi-additive or cumulative source has one measure');
  if (source.kind === 'semi_additive' && source.nonAdditive)
    return semiAdditive(source, measure, plan, adapter, range, name);
  // cumulative: sum by day over [earliest window start, end], then each spine row sums its window
  const dayKeys = keys(source, plan, adapter, 'day');
  const where = whereClause([
    ...rangeConditions(source, { start: source.from ?? undefined, end: range?.end }),
    ...filters,
  ]);
  const days = sql`SELECT ${sql.join([...dayKeys, sql`${aggregate(measure.agg, measureValue(measure))} AS v`])} FROM ${from}${where}${groupBy(dayKeys.length)}`;
  const dims = source.dimensions.map((_, i) => sql`b.${ident(`d${i}`)}`);
  const window = and([
    sql`b.t_period <= sp.t_last`,
    ...(source.from !== null && source.windowColumn
      ? [sql`b.t_period >= sp.${ident(source.windowColumn)}`]
      : []),
  ]);
  const body = sql`SELECT ${sql.join([sql`sp.t_period`, ...dims, sql`SUM(b.v) AS ${ident(measure.column)}`])} FROM spine sp JOIN ${ident(`${name}_days`)} b ON ${window}${groupBy(1 + dims.length)}`;
  return [
    { name: `${name}_days`, body: days },
    { name, body },
  ];
}

function semiAdditive(
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
