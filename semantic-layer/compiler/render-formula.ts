/**
 * Metric formulas and row order as SQL over a row of joined measures: ratios and divisions after
 * aggregation, cast to double and guarded with NULLIF; explicit NULLS LAST everywhere.
 */
import { sql } from 'kysely';
import type { Sql } from './dialects/dialect-adapter.ts';
import type { Formula, PlannedMeasure, QueryPlan } from './query-plan.ts';
import { ident, toDouble } from './sql-parts.ts';

export function renderFormula(formula: Formula, row: string, prefix = ''): Sql {
  switch (formula.kind) {
    case 'measure':
      return sql`${ident(row)}.${ident(`${prefix}${formula.column}`)}`;
    case 'number':
      return sql.raw(String(Number(formula.value)));
    case 'negate':
      return sql`(-${renderFormula(formula.operand, row, prefix)})`;
    case 'op': {
      const left = renderFormula(formula.left, row, prefix);
      const right = renderFormula(formula.right, row, prefix);
      if (formula.op === '/') return sql`${toDouble(left)} / NULLIF(${toDouble(right)}, 0)`;
      return sql`(${left} ${sql.raw(formula.op)} ${right})`;
    }
  }
}

export function allMeasures(plan: QueryPlan): PlannedMeasure[] {
  return plan.sources.flatMap((s) => s.measures);
}

export function orderTerms(plan: QueryPlan, row: string): Sql[] {
  return plan.order.map(({ target, direction }) => {
    const term =
      target.kind === 'time'
        ? sql`${ident(row)}.t_period`
        : target.kind === 'dimension'
          ? sql`${ident(row)}.${ident(target.key)}`
          : renderFormula(plan.metrics[target.index]?.formula ?? { kind: 'number', value: 0 }, row);
    return sql`${term} ${sql.raw(direction === 'asc' ? 'ASC' : 'DESC')} NULLS LAST`;
  });
}
