/**
 * Top N with an "all others" row: the joined rows numbered by the query's order, the first N kept,
 * and one row re-aggregating the rest (sums and counts summed, mins and maxes of mins and maxes;
 * the planner refuses measures that cannot be re-aggregated).
 */
import { sql } from 'kysely';
import type { QueryPlan } from './query-plan.ts';
import { allMeasures, orderTerms } from './render-formula.ts';
import type { RenderedCte } from './source-sql.ts';
import { ident } from './sql-parts.ts';

export const OTHERS_LABEL = 'All others';

/** Top N rows plus one "all others" row re-aggregating the rest (additive measures only, checked by the planner). */
export function othersCtes(plan: QueryPlan): RenderedCte[] {
  const measureColumns = allMeasures(plan).flatMap((m) => [
    m,
    ...(plan.compare ? [{ ...m, column: `p_${m.column}` }] : []),
  ]);
  const dims = plan.dimensions.map((d) => ident(d.key));
  const limit = sql.raw(String(plan.limit));
  const top = [
    sql`0 AS t_others`,
    ...dims.map((d) => sql`CAST(${d} AS VARCHAR) AS ${d}`),
    ...measureColumns.map((m) => ident(m.column)),
  ];
  const rest = [
    sql`1 AS t_others`,
    ...dims.map((d, i) =>
      i === 0 ? sql`CAST(${OTHERS_LABEL} AS VARCHAR) AS ${d}` : sql`CAST(NULL AS VARCHAR) AS ${d}`,
    ),
    ...measureColumns.map(
      (m) =>
        sql`${sql.raw(m.agg === 'min' ? 'MIN' : m.agg === 'max' ? 'MAX' : 'SUM')}(${ident(m.column)}) AS ${ident(m.column)}`,
    ),
  ];
  return [
    {
      name: 'ranked',
      body: sql`SELECT j.*, ROW_NUMBER() OVER (ORDER BY ${sql.join(orderTerms(plan, 'j'))}) AS t_rank FROM joined j`,
    },
    {
      name: 'limited',
      body: sql`SELECT ${sql.join(top)} FROM ranked WHERE t_rank <= ${limit} UNION ALL SELECT ${sql.join(rest)} FROM ranked WHERE t_rank > ${limit} HAVING COUNT(*) > 0`,
    },
  ];
}
