/**
 * QueryPlan → one SQL statement for one dialect: the sources' CTEs (and the comparison's copies),
 * the spine, the keys every source is joined on, the joined rows with empty groups as zero, then
 * the formulas (ratios after aggregation), shares, changes, order and limit.
 */
import { sql } from 'kysely';
import type { DialectAdapter, Sql } from './dialects/dialect-adapter.ts';
import type { PlannedMeasure, QueryPlan } from './query-plan.ts';
import { allMeasures, orderTerms, renderFormula } from './render-formula.ts';
import { othersCtes } from './render-others.ts';
import { renderSource } from './render-source.ts';
import type { RenderedCte } from './source-sql.ts';
import { and, dateValue, ident, outputName, toDouble } from './sql-parts.ts';

function spineCte(plan: QueryPlan): Sql {
  const rows = (plan.spine ?? []).map((row) => {
    const columns = [
      sql`${dateValue(row.period)} AS t_period`,
      sql`${dateValue(row.last)} AS t_last`,
      ...(plan.compare ? [sql`${dateValue(row.compare)} AS t_compare`] : []),
      ...row.windows.map((w, i) => sql`${dateValue(w)} AS ${ident(`w${i}`)}`),
    ];
    return sql`SELECT ${sql.join(columns)}`;
  });
  return sql.join(rows, sql` UNION ALL `);
}

function keyNames(plan: QueryPlan): string[] {
  return [...(plan.time?.grain ? ['t_period'] : []), ...plan.dimensions.map((d) => d.key)];
}

function matches(plan: QueryPlan, adapter: DialectAdapter, source: string, compare: boolean): Sql {
  const parts = [
    ...(plan.time?.grain
      ? [sql`${ident(source)}.t_period = k.${sql.raw(compare ? 't_compare' : 't_period')}`]
      : []),
    ...plan.dimensions.map((d) =>
      adapter.nullSafeEquals(sql`${ident(source)}.${ident(d.key)}`, sql`k.${ident(d.key)}`),
    ),
  ];
  return and(parts);
}

/** The keys every source is joined on: the spine × the dimension values, or the union of the sources' keys. */
function keysCte(plan: QueryPlan, sourceNames: readonly string[]): Sql {
  const dims = plan.dimensions.map((d) => ident(d.key));
  if (plan.spine) {
    const spineColumns = [sql`sp.t_period`, ...(plan.compare ? [sql`sp.t_compare`] : [])];
    if (dims.length === 0) return sql`SELECT ${sql.join(spineColumns)} FROM spine sp`;
    const values = sql.join(
      sourceNames.map((n) => sql`SELECT DISTINCT ${sql.join(dims)} FROM ${ident(n)}`),
      sql` UNION `,
    );
    return sql`SELECT ${sql.join([...spineColumns, ...plan.dimensions.map((d) => sql`dk.${ident(d.key)}`)])} FROM spine sp CROSS JOIN (${values}) dk`;
  }
  const names = keyNames(plan).map(ident);
  if (names.length === 0) return sql`SELECT 1 AS t_one`;
  return sql.join(
    sourceNames.map((n) => sql`SELECT ${sql.join(names)} FROM ${ident(n)}`),
    sql` UNION `,
  );
}

function joinedCte(plan: QueryPlan, adapter: DialectAdapter): { ctes: RenderedCte[]; needsKeys: boolean } {
  const current = plan.sources.map((s) => s.name);
  const compared = plan.compare ? plan.sources.map((s) => `c_${s.name}`) : [];
  const needsKeys = plan.spine !== null || plan.sources.length > 1 || plan.compare !== null;
  const fill = (m: PlannedMeasure, column: Sql) => (m.zeroFill ? sql`COALESCE(${column}, 0)` : column);
  if (!needsKeys) {
    const source = current[0] as string;
    const columns = [
      ...keyNames(plan).map(ident),
      ...allMeasures(plan).map((m) => sql`${fill(m, ident(m.column))} AS ${ident(m.column)}`),
    ];
    return {
      ctes: [{ name: 'joined', body: sql`SELECT ${sql.join(columns)} FROM ${ident(source)}` }],
      needsKeys,
    };
  }
  const columns: Sql[] = keyNames(plan).map((k) => sql`k.${ident(k)}`);
  const joins: Sql[] = [];
  plan.sources.forEach((source, i) => {
    for (const m of source.measures)
      columns.push(sql`${fill(m, sql`${ident(source.name)}.${ident(m.column)}`)} AS ${ident(m.column)}`);
    joins.push(sql` LEFT JOIN ${ident(source.name)} ON ${matches(plan, adapter, source.name, false)}`);
    const other = compared[i];
    if (other) {
      for (const m of source.measures)
        columns.push(sql`${fill(m, sql`${ident(other)}.${ident(m.column)}`)} AS ${ident(`p_${m.column}`)}`);
      joins.push(sql` LEFT JOIN ${ident(other)} ON ${matches(plan, adapter, other, true)}`);
    }
  });
  const body = sql`SELECT ${sql.join(columns)} FROM keys k${sql.join(joins, sql``)}`;
  return {
    ctes: [
      { name: 'keys', body: keysCte(plan, [...current, ...compared]) },
      { name: 'joined', body },
    ],
    needsKeys,
  };
}

function finalColumns(plan: QueryPlan): Sql[] {
  const columns: Sql[] = [];
  if (plan.time?.grain) columns.push(sql`j.t_period AS ${outputName(plan.time.column)}`);
  for (const d of plan.dimensions) columns.push(sql`j.${ident(d.key)} AS ${outputName(d.column)}`);
  for (const m of plan.metrics) {
    const value = renderFormula(m.formula, 'j');
    columns.push(sql`${value} AS ${outputName(m.column)}`);
    if (plan.shareOfTotal) {
      columns.push(
        sql`${toDouble(value)} / NULLIF(${toDouble(sql`SUM(${value}) OVER ()`)}, 0) AS ${outputName(`${m.column}_share`)}`,
      );
    }
    if (plan.compare) {
      const previous = renderFormula(m.formula, 'j', 'p_');
      columns.push(sql`${previous} AS ${outputName(`${m.column}_previous`)}`);
      columns.push(sql`${value} - ${previous} AS ${outputName(`${m.column}_change`)}`);
      columns.push(
        sql`${toDouble(sql`${value} - ${previous}`)} / NULLIF(${toDouble(previous)}, 0) AS ${outputName(`${m.column}_change_pct`)}`,
      );
    }
  }
  return columns;
}

export function renderPlan(plan: QueryPlan, adapter: DialectAdapter): Sql {
  const ctes: RenderedCte[] = [];
  if (plan.spine) ctes.push({ name: 'spine', body: spineCte(plan) });
  for (const source of plan.sources) ctes.push(...renderSource(source, plan, adapter, plan.range));
  if (plan.compare)
    for (const source of plan.sources)
      ctes.push(...renderSource(source, plan, adapter, plan.compare.range, 'c_'));
  ctes.push(...joinedCte(plan, adapter).ctes);
  const from = plan.includeOthers ? 'limited' : 'joined';
  if (plan.includeOthers) ctes.push(...othersCtes(plan));
  const order = [...(plan.includeOthers ? [sql`j.t_others ASC`] : []), ...orderTerms(plan, 'j')];
  const limit = sql.raw(String(plan.includeOthers ? plan.limit + 1 : plan.limit));
  const withClause = sql.join(
    ctes.map((c) => sql`${ident(c.name)} AS (${c.body})`),
    sql`, `,
  );
  return sql`WITH ${withClause} SELECT ${sql.join(finalColumns(plan))} FROM ${ident(from)} j ORDER BY ${sql.join(order)} LIMIT ${limit}`;
}
