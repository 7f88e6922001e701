/**
 * One source of the plan as CTEs: each metric's measures aggregated at the grain of its own model
 * (period, dimensions), before anything is joined to anything else. Semi-additive sources keep
 * only the last (first) day of each period; cumulative ones sum days inside each spine row's window.
 */
import { sql } from 'kysely';
import { fiscalOffset } from '../query/calendar-dates.ts';
import type { DateRange } from '../query/resolve-time-range.ts';
import type { DialectAdapter, Sql } from './dialects/dialect-adapter.ts';
import type { PlannedSource, QueryPlan } from './query-plan.ts';
import { renderSemiAdditive } from './render-semi-additive.ts';
import type { RenderedCte } from './source-sql.ts';
import { aggregate, fromClause, groupBy, keys, measureValue, rangeConditions } from './source-sql.ts';
import { and, condition, ident, ref, whereClause } from './sql-parts.ts';

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
    return renderSemiAdditive(source, measure, plan, adapter, range, name);
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
